#!/usr/bin/env bash
# Smoke-test the Linux bundle (installer/build-linux.sh) as a user would get it: the tar.gz
# unpacked into a temporary folder, with a fresh HOME (so a new, empty data folder):
#   01 --version of both programs == pyproject's     10/11 eldercare self-test, eldercare-desktop --self-test
#   20 eldercare demo-data (the default data folder)  21 GUI offscreen: logs in, main window, first page loaded
#   22 GUI on Xvfb (xcb): the login window for 5 s    23 GUI on Xvfb: the main window for 5 s
# Logs and screenshots: dist/smoke-linux-logs/. Needs Xvfb, xwininfo and Qt's xcb libraries
# (installed with apt-get when run as root).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
VERSION=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
NAME=eldercare-desktop-$VERSION-linux-x86_64
[[ -f dist/$NAME.tar.gz ]] || { echo "build it first: installer/build-linux.sh" >&2; exit 1; }
# what Qt 6's xcb platform plugin needs besides the bundle (any Qt 6 desktop app needs the same)
XCB_PKGS=(xvfb x11-utils libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
          libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0)
. installer/smoke-lib.sh
need_debs "${XCB_PKGS[@]}" || exit 1
PY=$(command -v "$ROOT/.venv/bin/python" || command -v python3)
LOGS=$ROOT/dist/smoke-linux-logs
rm -rf "$LOGS"; mkdir -p "$LOGS"
TMP=$(mktemp -d /tmp/eldercare-bundle.XXXXXX)
tar -C "$TMP" -xzf "dist/$NAME.tar.gz"
APP=$TMP/$NAME
export HOME=$TMP/home; mkdir -p "$HOME"
unset XDG_DATA_HOME XDG_CONFIG_HOME ELDERCARE_DATABASE_URL QT_QPA_PLATFORM
start_xvfb "$TMP/fb" || exit 1
status=0
echo "bundle unpacked in $APP: $(du -sb "$APP" | awk '{printf "%.0f", $1/1e6}') MB" | tee "$LOGS/00-unpacked.log"

step 01-version bash -c "'$APP/eldercare' --version && '$APP/eldercare-desktop' --version" || status=1
for prog in eldercare eldercare-desktop; do
    grep -qx "$prog $VERSION" "$LOGS/01-version.log" \
        || { echo "$prog --version is not $VERSION" | tee -a "$LOGS/01-version.log"; status=1; }
done
step 10-self-test "$APP/eldercare" self-test || status=1
step 11-gui-self-test "$APP/eldercare-desktop" --self-test || status=1
step 20-demo-data "$APP/eldercare" demo-data --residents 12 || status=1
# ELDERCARE_BENCH_EXIT: prints "window S" / "shown S" once the first page has loaded, then quits
step 21-gui-offscreen env QT_QPA_PLATFORM=offscreen ELDERCARE_AUTOLOGIN=admin:demo1234 ELDERCARE_BENCH_EXIT=1 \
    "$APP/eldercare-desktop" || status=1
grep -q '^shown ' "$LOGS/21-gui-offscreen.log" \
    || { echo "the main window's first page never loaded" | tee -a "$LOGS/21-gui-offscreen.log"; status=1; }
see_window 22-gui-login "登录 — 养老机构管理系统" "$APP/eldercare-desktop" || status=1
see_window 23-gui-main-window "养老机构管理系统 — " env ELDERCARE_AUTOLOGIN=admin:demo1234 "$APP/eldercare-desktop" \
    || status=1

echo "smoke status: $status (unpacked bundle kept in $TMP)" | tee "$LOGS/99-status.log"
exit $status
