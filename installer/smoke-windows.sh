#!/usr/bin/env bash
# Smoke-test dist/eldercare-desktop-<version>-setup.exe under wine64 (Linux):
#   silent per-user install -> installed python.exe runs `eldercare self-test` -> silent
#   uninstall -> list what is left.  Logs: dist/smoke-logs/NN-step.log
# Needs wine64 (apt-get install -y wine64; installed automatically when root) and xvfb-run.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
VERSION=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
SETUP=$ROOT/dist/eldercare-desktop-$VERSION-setup.exe
[[ -f $SETUP ]] || { echo "build it first: installer/build-windows.sh" >&2; exit 1; }
if ! command -v wine64 >/dev/null && ! command -v wine >/dev/null; then
    [[ $(id -u) == 0 ]] || { echo "wine64 missing" >&2; exit 1; }
    echo "installing wine64 with apt-get"; apt-get install -y wine64
fi
WINE=$(command -v wine64 || command -v wine)
LOGS=$ROOT/dist/smoke-logs
rm -rf "$LOGS"; mkdir -p "$LOGS"
export WINEPREFIX=$(mktemp -d /tmp/eldercare-wine.XXXXXX)
# wine links the prefix's Desktop/Documents to $HOME: keep them (and the desktop shortcut) in the temp folder
export HOME=$WINEPREFIX/home; mkdir -p "$HOME"
# wbemprox=d: CPython 3.12's platform module queries WMI (_wmi.pyd); wine 8.0's WMI provider calls
# the unimplemented propsys.VariantToString and the process dies in winedbg (with exit code 0!).
# Without wbemprox, _wmi raises OSError and platform falls back as designed.
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;wbemprox=d" WINEARCH=win64
XVFB=(); command -v xvfb-run >/dev/null && XVFB=(xvfb-run -a)
status=0
step() {  # step NN-name command...
    local name=$1; shift
    echo "== $name: $*" | tee "$LOGS/$name.log"
    # stdout must be a pipe, not a file: under wine a console program whose stdout is a
    # regular file dies in init_sys_streams ("OSError: [WinError 6] Invalid handle")
    "${XVFB[@]}" "$@" </dev/null 2>&1 | cat >>"$LOGS/$name.log"; local rc=${PIPESTATUS[0]}
    echo "== exit $rc" | tee -a "$LOGS/$name.log"
    return $rc
}
step 00-wineboot "$WINE" wineboot -i || status=1
LOCALAPPDATA_U=$("$WINE" cmd /c 'echo %LOCALAPPDATA%' 2>/dev/null | tr -d '\r')
INSTDIR_W="$LOCALAPPDATA_U\\Programs\\eldercare-desktop"
INSTDIR_U=$("$WINE" winepath -u "$INSTDIR_W" 2>/dev/null)
STARTMENU_U=$("$WINE" winepath -u "$("$WINE" cmd /c 'echo %APPDATA%' 2>/dev/null | tr -d '\r')\\Microsoft\\Windows\\Start Menu\\Programs" 2>/dev/null)
DATA_U=$("$WINE" winepath -u "$LOCALAPPDATA_U\\eldercare-desktop" 2>/dev/null)
echo "LOCALAPPDATA=$LOCALAPPDATA_U  install dir: $INSTDIR_W -> $INSTDIR_U" | tee "$LOGS/paths.log"

# NSIS /S returns at once for the uninstaller (it re-spawns from %TEMP%); the installer waits.
step 10-install "$WINE" "$SETUP" /S || status=1
{ echo "installed files: $(find "$INSTDIR_U" -type f | wc -l), $(du -sh "$INSTDIR_U" | cut -f1)";
  ls -la "$INSTDIR_U"; cat "$INSTDIR_U/python/python312._pth";
  "$WINE" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\eldercare-desktop';
  ls "$HOME"/*.lnk "$STARTMENU_U"/*.lnk 2>&1; } > "$LOGS/11-installed.log" 2>&1
cat "$LOGS/11-installed.log" | head -20

step 20-self-test "$WINE" "$INSTDIR_U/python/python.exe" -m eldercare_desktop.cli.main self-test || status=1
step 21-gui-self-test "$WINE" "$INSTDIR_U/python/python.exe" -m eldercare_desktop --self-test || status=1
if grep -q 'Unhandled exception' "$LOGS"/2?-*.log; then echo "a wine crash (winedbg) in the self-test logs" | tee -a "$LOGS/20-self-test.log"; status=1; fi

# upgrade in place: reinstall over it; a marker file in the data folder must survive
mkdir -p "$DATA_U"; echo keep > "$DATA_U/smoke-marker.txt"
step 30-upgrade "$WINE" "$SETUP" /S || status=1
[[ -f $DATA_U/smoke-marker.txt ]] && echo "data kept after upgrade" | tee -a "$LOGS/30-upgrade.log" \
    || { echo "DATA LOST on upgrade" | tee -a "$LOGS/30-upgrade.log"; status=1; }

step 40-uninstall "$WINE" "$INSTDIR_U/uninstall.exe" /S || status=1
wineserver -w   # the uninstaller re-runs itself from %TEMP%, detached: wait for it
{ echo "left in install dir:"; find "$INSTDIR_U" 2>/dev/null || echo "  (install dir gone)";
  echo "left in data dir:"; find "$DATA_U" 2>/dev/null || echo "  (data dir gone)";
  echo "uninstall key:"; "$WINE" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\eldercare-desktop' 2>&1;
  echo "shortcuts:"; ls "$HOME"/*.lnk "$STARTMENU_U"/*.lnk 2>&1; } > "$LOGS/41-left.log" 2>&1
cat "$LOGS/41-left.log"
[[ -f $DATA_U/smoke-marker.txt ]] || { echo "data removed by a plain uninstall" >&2; status=1; }

# reinstall + uninstall with /DELETEDATA=1: the data folder must go
step 50-install-again "$WINE" "$SETUP" /S || status=1
step 51-uninstall-deletedata "$WINE" "$INSTDIR_U/uninstall.exe" /S /DELETEDATA=1 || status=1
wineserver -w
if [[ -e $DATA_U ]]; then echo "data dir still there after /DELETEDATA=1" | tee -a "$LOGS/51-uninstall-deletedata.log"; status=1
else echo "data dir removed by /DELETEDATA=1" | tee -a "$LOGS/51-uninstall-deletedata.log"; fi

wineserver -k 2>/dev/null
echo "smoke status: $status (WINEPREFIX $WINEPREFIX kept for inspection)" | tee "$LOGS/99-status.log"
exit $status
