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
. installer/smoke-lib.sh
need_debs wine64 xvfb x11-utils || exit 1
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
start_xvfb "$WINEPREFIX/fb" || exit 1
status=0
step 00-wineboot "$WINE" wineboot -i || status=1
# cmd.exe by its full path: a bare "cmd" goes through ShellExecuteEx, which once failed here
# ("Application could not be started … ShellExecuteEx failed: Internal error") after a wineserver restart
CMD='C:\windows\system32\cmd.exe'
winenv() {  # winenv NAME: a Windows environment variable, as wine's cmd sees it
    "$WINE" "$CMD" /c "echo %$1%" 2>/dev/null | tr -d '\r'
}
unix_path() {  # unix_path WINDOWS_PATH: the file's path here, inside the prefix
    "$WINE" winepath -u "$1" 2>/dev/null
}
# ask every path once, check each is inside the prefix, and try again before giving up
for attempt in 1 2 3; do
    LOCALAPPDATA_W=$(winenv LOCALAPPDATA)
    INSTDIR_W="$LOCALAPPDATA_W\\Programs\\eldercare-desktop"
    INSTDIR_U=$(unix_path "$INSTDIR_W")
    STARTMENU_U=$(unix_path "$(winenv APPDATA)\\Microsoft\\Windows\\Start Menu\\Programs")
    DATA_U=$(unix_path "$LOCALAPPDATA_W\\eldercare-desktop")
    PF_U=$(unix_path "$(winenv ProgramW6432)\\eldercare-desktop")
    ok=1
    for p in "$INSTDIR_U" "$STARTMENU_U" "$DATA_U" "$PF_U"; do [[ $p == "$WINEPREFIX"/* ]] || ok=0; done
    ((ok)) && break
    sleep 3
done
echo "install dir: $INSTDIR_W -> $INSTDIR_U; start menu: $STARTMENU_U; data: $DATA_U; per machine: $PF_U" \
    | tee "$LOGS/paths.log"
((ok)) || { echo "wine gave no usable paths (see paths.log)" >&2; exit 1; }

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
step 12-version bash -c "'$WINE' '$CMD' /c '$INSTDIR_W\\eldercare.cmd' --version && \
    '$WINE' '$INSTDIR_U/python/python.exe' -m eldercare_desktop --version" || status=1
for prog in eldercare eldercare-desktop; do
    grep -q "^$prog $VERSION" "$LOGS/12-version.log" \
        || { echo "$prog --version is not $VERSION" | tee -a "$LOGS/12-version.log"; status=1; }
done

# what the Start menu's 自检 shortcut runs (cmd /k "eldercare.cmd" self-test), without the /k
step 20-self-test "$WINE" "$CMD" /c "$INSTDIR_W\\eldercare.cmd" self-test || status=1
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
[[ -f $DATA_U/smoke-marker.txt && -f $DATA_U/eldercare.sqlite3 ]] \
    || { echo "data removed by a plain uninstall" | tee -a "$LOGS/41-left.log"; status=1; }
if [[ -e $INSTDIR_U ]] || compgen -G "$HOME/*.lnk" >/dev/null || compgen -G "$STARTMENU_U/*.lnk" >/dev/null \
    || "$WINE" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\eldercare-desktop' >/dev/null 2>&1
then echo "the uninstaller left program files, shortcuts or its registry key" | tee -a "$LOGS/41-left.log"; status=1
else echo "program folder, shortcuts and registry key removed; data kept" | tee -a "$LOGS/41-left.log"; fi

# reinstall + uninstall with /DELETEDATA=1: the data folder must go
step 50-install-again "$WINE" "$SETUP" /S || status=1
step 51-uninstall-deletedata "$WINE" "$INSTDIR_U/uninstall.exe" /S /DELETEDATA=1 || status=1
wineserver -w
if [[ -e $DATA_U ]]; then echo "data dir still there after /DELETEDATA=1" | tee -a "$LOGS/51-uninstall-deletedata.log"; status=1
else echo "data dir removed by /DELETEDATA=1" | tee -a "$LOGS/51-uninstall-deletedata.log"; fi

# per machine: /ALLUSERS into Program Files, HKLM, the All Users start menu; self-test there
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
