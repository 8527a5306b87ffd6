#!/usr/bin/env bash
# Installs what eldercare-desktop needs into ./.venv (and, on Debian/Ubuntu,
# the system libraries Qt needs). Safe to run again: it only adds what is missing.
# Usage: scripts/bootstrap.sh [app|test]
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-app}"

# System libraries for Qt (xcb/offscreen, EGL, fonts); poppler and Xvfb for tests.
pkgs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
      libxcb-render-util0 libxcb-image0 libxrender1 libxi6)
if [ "$what" = test ]; then pkgs+=(poppler-utils xvfb xauth); fi
# CI runs the tests on PostgreSQL too (tests/postgres; ELDERCARE_TEST_PG=1 asks for it elsewhere)
if [ "$what" = test ] && { [ "${CI:-}" = true ] || [ "${ELDERCARE_TEST_PG:-}" = 1 ]; }; then pkgs+=(postgresql); fi
if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=".venv/.installed-$what"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  if [ "$what" = test ]; then
    .venv/bin/python -m pip install -q -e ".[test]" --config-settings editable_mode=compat
  else
    .venv/bin/python -m pip install -q -e . --config-settings editable_mode=compat
  fi
  touch "$stamp"
fi
# Byte-code up front: start-up must not recompile the app (and
# PYTHONDONTWRITEBYTECODE may be set), ARCHITECTURE.md budget 0.6 s.
.venv/bin/python -m compileall -q eldercare_desktop >/dev/null
