#!/usr/bin/env bash
# Build the Linux bundle (PyInstaller one-folder):  installer/build-linux.sh
#   -> dist/eldercare-desktop-<version>-linux-x86_64/        eldercare-desktop (GUI), eldercare (CLI)
#      dist/eldercare-desktop-<version>-linux-x86_64.tar.gz
#      dist/eldercare-desktop-<version>-linux-build.log
# A build venv (build/linux/venv) gets PyInstaller (pinned) and the app's dependencies from
# PyPI; installer/eldercare.spec collects the app from this checkout with resources/ and the
# migrations. The bundle needs the system libraries Qt's xcb platform needs (as any Qt app),
# and nothing else: not Python, not the venv. Check it with installer/smoke-linux.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PY=${PYTHON:-python3}
PYINSTALLER="pyinstaller==6.22.3"
VERSION=$("$PY" -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
NAME=eldercare-desktop-$VERSION-linux-x86_64
BUILD=$ROOT/build/linux
mkdir -p dist
exec > >(tee "dist/eldercare-desktop-$VERSION-linux-build.log") 2>&1
echo "== eldercare-desktop $VERSION Linux bundle build, $(date -u +%FT%TZ), $("$PY" -V)"

rm -rf "$BUILD/work" "dist/$NAME" "dist/$NAME.tar.gz"
[[ -x $BUILD/venv/bin/python ]] || "$PY" -m venv "$BUILD/venv"
echo "== 1. build venv: $PYINSTALLER and the app's dependencies"
"$BUILD/venv/bin/python" -m pip install -q --disable-pip-version-check "$PYINSTALLER" .
"$BUILD/venv/bin/python" -m pip list --format=freeze > "$BUILD/pip-freeze.txt"
grep -iE '^(pyinstaller|pyside6|sqlalchemy|alembic|reportlab|openpyxl|psycopg)' "$BUILD/pip-freeze.txt"

echo "== 2. pyinstaller installer/eldercare.spec"
ELDERCARE_BUNDLE_NAME=$NAME "$BUILD/venv/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath dist --workpath "$BUILD/work" installer/eldercare.spec

echo "== 3. archive"
tar -C dist -czf "dist/$NAME.tar.gz" "$NAME"
echo "bundle: dist/$NAME  $(du -sb "dist/$NAME" | awk '{printf "%.0f", $1/1e6}') MB, $(find "dist/$NAME" -type f | wc -l) files"
echo "archive: dist/$NAME.tar.gz  $(stat -c %s "dist/$NAME.tar.gz" | awk '{printf "%.1f", $1/1e6}') MB"
