#!/usr/bin/env bash
# The installers in CI (.ci/run), or by hand:
#   installer/ci.sh tools   install every Debian package the build and smoke scripts need (root)
#   installer/ci.sh run     build + smoke-test the Windows installer (wine) and the Linux bundle;
#                           writes dist/installer-summary.txt; exit 1 if any step failed
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
case ${1:-} in
tools)
    pkgs=(nsis p7zip-full osslsigncode binutils wine64 xvfb x11-utils libxcb-cursor0 libxcb-icccm4
          libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
          libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0)
    . installer/smoke-lib.sh
    need_debs "${pkgs[@]}" && echo "installer tools: ready"
    ;;
run)
    mkdir -p dist
    SUMMARY=dist/installer-summary.txt
    : > "$SUMMARY"
    status=0
    timed() {  # timed LABEL command...: run, note the time and the exit code in the summary
        local label=$1 t0=$SECONDS rc; shift
        echo "===== $label: $*"
        "$@"; rc=$?
        printf '%-28s exit %d  %4d s\n' "$label" "$rc" $((SECONDS - t0)) | tee -a "$SUMMARY"
        ((rc == 0)) || status=1
        return $rc
    }
    timed "build Windows installer" installer/build-windows.sh && timed "smoke Windows (wine)" installer/smoke-windows.sh
    timed "build Linux bundle" installer/build-linux.sh && timed "smoke Linux bundle" installer/smoke-linux.sh
    {
        VERSION=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
        for f in dist/eldercare-desktop-$VERSION-setup.exe dist/eldercare-desktop-$VERSION-linux-x86_64.tar.gz; do
            [[ -f $f ]] && printf '%-52s %6.1f MB\n' "$f" "$(stat -c %s "$f" | awk '{print $1/1e6}')"
        done
        grep -h "setup size\|unpacked size\|^bundle:\|^archive:\|installed files\|bundle unpacked" \
            dist/eldercare-desktop-$VERSION-build.log dist/eldercare-desktop-$VERSION-linux-build.log \
            dist/smoke-logs/11-installed.log dist/smoke-linux-logs/00-unpacked.log 2>/dev/null
    } >> "$SUMMARY"
    echo "===== installer summary"; cat "$SUMMARY"
    exit $status
    ;;
*) echo "usage: installer/ci.sh tools|run" >&2; exit 2 ;;
esac
