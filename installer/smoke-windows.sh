#!/usr/bin/env bash
# Smoke-test dist/eldercare-desktop-<version>-setup.exe under wine64 (Linux), on its own Xvfb:
#   silent per-user install -> installed python.exe runs `eldercare self-test` and
#   `eldercare-desktop --self-test` -> the GUI (pythonw.exe, Qt's windows platform) shows the
#   login window for 5 s, then logs in and shows the main window -> upgrade in place keeps the
#   data -> silent uninstall keeps the data -> /DELETEDATA=1 removes it.
# Logs and screenshots: dist/smoke-logs/NN-step.log, NN-step.png
# Needs wine64, Xvfb and xwininfo; missing Debian packages (wine64 xvfb x11-utils) are installed
# with apt-get when run as root.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
VERSION=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
SETUP=$ROOT/dist/eldercare-desktop-$VERSION-setup.exe
[[ -f $SETUP ]] || { echo "build it first: installer/build-windows.sh" >&2; exit 1; }
need=()
command -v wine64 >/dev/null || command -v wine >/dev/null || need+=(wine64)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null || need+=(x11-utils)
if ((${#need[@]})); then
    [[ $(id -u) == 0 ]] || { echo "missing (Debian packages): ${need[*]}" >&2; exit 1; }
    echo "installing with apt-get: ${need[*]}"
    apt-get install -y "${need[@]}" || { apt-get update && apt-get install -y "${need[@]}"; }
fi
PY=$(command -v "$ROOT/.venv/bin/python" || command -v python3)
WINE=$(command -v wine64 || command -v wine)
LOGS=$ROOT/dist/smoke-logs
rm -rf "$LOGS"; mkdir -p "$LOGS"
export WINEPREFIX=$(mktemp -d /tmp/eldercare-wine.XXXXXX)
# wine links the prefix's Desktop (and Documents…) to $HOME itself: keep them, and the desktop shortcut, in the temp folder
export HOME=$WINEPREFIX/home; mkdir -p "$HOME"
# wbemprox=d: CPython 3.12's platform module queries WMI (_wmi.pyd); wine 8.0's WMI provider calls
# the unimplemented propsys.VariantToString and the process dies in winedbg (with exit code 0!).
# Without wbemprox, _wmi raises OSError and platform falls back as designed.
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;wbemprox=d" WINEARCH=win64
. installer/smoke-lib.sh
start_xvfb "$WINEPREFIX/fb" || exit 1
status=0
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

lnk_says() {  # lnk_says FILE TEXT...: the shortcut exists and its target/arguments hold each TEXT
    [[ -f $1 ]] && "$PY" -c 'import sys; d = open(sys.argv[1], "rb").read()
sys.exit(not all(t.encode("utf-16-le") in d or t.encode() in d for t in sys.argv[2:]))' "$@"
}
for lnk in "$STARTMENU_U/养老机构管理系统.lnk" "$HOME/养老机构管理系统.lnk"; do
    lnk_says "$lnk" pythonw.exe "-m eldercare_desktop" \
        || { echo "missing or wrong shortcut: $lnk" | tee -a "$LOGS/11-installed.log"; status=1; }
done
lnk_says "$STARTMENU_U/养老机构管理系统 自检.lnk" cmd.exe 'eldercare.cmd" self-test' \
    || { echo "missing or wrong shortcut: 养老机构管理系统 自检" | tee -a "$LOGS/11-installed.log"; status=1; }

# the version: Add/Remove Programs and both programs' --version say pyproject's
grep -q "DisplayVersion *REG_SZ *$VERSION\b" "$LOGS/11-installed.log" \
    || { echo "Add/Remove Programs does not show version $VERSION" | tee -a "$LOGS/11-installed.log"; status=1; }
step 12-version bash -c "'$WINE' cmd /c '$INSTDIR_W\\eldercare.cmd' --version && \
    '$WINE' '$INSTDIR_U/python/python.exe' -m eldercare_desktop --version" || status=1
for prog in eldercare eldercare-desktop; do
    grep -q "^$prog $VERSION" "$LOGS/12-version.log" \
        || { echo "$prog --version is not $VERSION" | tee -a "$LOGS/12-version.log"; status=1; }
done

# what the Start menu's 自检 shortcut runs (cmd /k "eldercare.cmd" self-test), without the /k
step 20-self-test "$WINE" cmd /c "$INSTDIR_W\\eldercare.cmd" self-test || status=1
step 21-gui-self-test "$WINE" "$INSTDIR_U/python/python.exe" -m eldercare_desktop --self-test || status=1

# The GUI. Qt6Core.dll imports ucnv_* from icuuc.dll, which Windows 10 (1703+) has in System32
# and wine 8.0 does not: a stand-in goes into this prefix only (see icu_stub.py, README).
"$PY" installer/icu_stub.py "$WINEPREFIX/drive_c/windows/system32/icuuc.dll" > "$LOGS/22-icuuc.log"
step 22-demo-data "$WINE" "$INSTDIR_U/python/python.exe" -m eldercare_desktop.cli.main demo-data --residents 12 \
    || status=1
GUI=("$WINE" "$INSTDIR_U/python/pythonw.exe" -m eldercare_desktop)  # what the shortcuts start
see_window 23-gui-login "登录 — 养老机构管理系统" "${GUI[@]}" || status=1
see_window 24-gui-main-window "养老机构管理系统 — " env ELDERCARE_AUTOLOGIN=admin:demo1234 "${GUI[@]}" || status=1

if grep -q 'Unhandled exception' "$LOGS"/2?-*.log; then echo "a wine crash (winedbg) in the self-test or GUI logs" | tee -a "$LOGS/20-self-test.log"; status=1; fi

# upgrade in place: reinstall over it; the database (22-demo-data) and a marker file must survive
mkdir -p "$DATA_U"; echo keep > "$DATA_U/smoke-marker.txt"
before=$(cd "$DATA_U" && sha256sum eldercare.sqlite3 smoke-marker.txt)
step 30-upgrade "$WINE" "$SETUP" /S || status=1
if [[ $(cd "$DATA_U" && sha256sum eldercare.sqlite3 smoke-marker.txt 2>&1) == "$before" ]]; then
    echo "data kept after upgrade (sha256 unchanged):" | tee -a "$LOGS/30-upgrade.log"; echo "$before" >> "$LOGS/30-upgrade.log"
else echo "DATA LOST OR CHANGED on upgrade" | tee -a "$LOGS/30-upgrade.log"; status=1; fi
step 31-db-check-after-upgrade "$WINE" "$INSTDIR_U/python/python.exe" -m eldercare_desktop.cli.main db check \
    || status=1

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

# per machine: /ALLUSERS into Program Files, HKLM, the All Users start menu; self-test there
PF_U=$("$WINE" winepath -u "$("$WINE" cmd /c 'echo %ProgramW6432%' 2>/dev/null | tr -d '\r')\\eldercare-desktop" 2>/dev/null)
step 60-install-allusers "$WINE" "$SETUP" /S /ALLUSERS || status=1
{ echo "install dir: $PF_U"; ls "$PF_U" 2>&1;
  "$WINE" reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\eldercare-desktop' 2>&1;
  ls "$("$WINE" winepath -u 'C:\ProgramData\Microsoft\Windows\Start Menu\Programs')"/*.lnk 2>&1; } \
    >> "$LOGS/60-install-allusers.log"
[[ -x $PF_U/python/python.exe ]] || { echo "no per-machine install in $PF_U" | tee -a "$LOGS/60-install-allusers.log"; status=1; }
step 61-self-test-allusers "$WINE" "$PF_U/python/python.exe" -m eldercare_desktop.cli.main self-test || status=1
step 62-uninstall-allusers "$WINE" "$PF_U/uninstall.exe" /S /ALLUSERS || status=1
wineserver -w
if [[ -e $PF_U ]] || "$WINE" reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\eldercare-desktop' >/dev/null 2>&1
then echo "per-machine install left behind" | tee -a "$LOGS/62-uninstall-allusers.log"; status=1
else echo "per-machine install and its HKLM key removed" | tee -a "$LOGS/62-uninstall-allusers.log"; fi

wineserver -k 2>/dev/null
echo "smoke status: $status (WINEPREFIX $WINEPREFIX kept for inspection)" | tee "$LOGS/99-status.log"
exit $status
