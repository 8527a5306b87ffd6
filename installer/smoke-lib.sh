# Sourced by the smoke scripts (smoke-windows.sh, smoke-linux.sh) and ci.sh:
#   need_debs   install missing Debian packages
#   step        run one logged step: $LOGS/NN-name.log, "== exit N" at the end
#   start_xvfb  one Xvfb whose screen is kept in a file (for screenshots)
#   see_window  start a GUI, wait for its window, check it is still up 5 s later, screenshot
# Needs Xvfb (xvfb), xwininfo (x11-utils) and $PY (a Python with Pillow) for xwd2png.py.

need_debs() {  # need_debs PACKAGE...: apt-get install the Debian packages not installed yet (as root)
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    ((${#missing[@]})) || return 0
    [[ $(id -u) == 0 ]] || { echo "missing Debian packages (install them as root): ${missing[*]}" >&2; return 1; }
    echo "apt-get install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
             "${missing[@]}" >/dev/null; }
}

step() {  # step NN-name command...
    local name=$1; shift
    echo "== $name: $*" | tee "$LOGS/$name.log"
    # stdout must be a pipe, not a file: under wine a console program whose stdout is a
    # regular file dies in init_sys_streams ("OSError: [WinError 6] Invalid handle")
    "$@" </dev/null 2>&1 | cat >>"$LOGS/$name.log"; local rc=${PIPESTATUS[0]}
    echo "== exit $rc" | tee -a "$LOGS/$name.log"
    return $rc
}

start_xvfb() {  # start_xvfb DIR: Xvfb on a free display, screen in DIR/Xvfb_screen0; sets DISPLAY
    XVFB_FB=$1; mkdir -p "$XVFB_FB"
    exec 3< <(exec Xvfb -displayfd 1 -screen 0 1280x800x24 -fbdir "$XVFB_FB" -nolisten tcp 2>"$XVFB_FB/xvfb.log")
    XVFB_PID=$!
    local dpy; read -r -t 30 dpy <&3 || { echo "Xvfb did not start:" >&2; cat "$XVFB_FB/xvfb.log" >&2; return 1; }
    export DISPLAY=:$dpy
    trap 'kill "$XVFB_PID" 2>/dev/null' EXIT
}

see_window() {  # see_window NN-name "title prefix" command...: 0 if the window is up and stays 5 s
    local name=$1 log=$LOGS/$1.log png=$LOGS/$1.png title=$2; shift 2
    echo "== $name: $*; waiting for a window \"$title…\"" | tee "$log"
    "$@" </dev/null > >(cat >>"$log") 2>&1 &  # a pipe, not a file (see step)
    local gui=$! t0=$SECONDS up="" rc=1
    while ((SECONDS - t0 < 120)) && kill -0 "$gui" 2>/dev/null; do
        xwininfo -root -tree | grep -qF "\"$title" && { up=$((SECONDS - t0)); break; }
        sleep 1
    done
    if [[ -n $up ]]; then
        sleep 5
        if kill -0 "$gui" 2>/dev/null && xwininfo -root -tree | grep -qF "\"$title"; then
            rc=0; echo "window up after ${up} s and still there 5 s later" | tee -a "$log"
        else echo "the window went away within 5 s" | tee -a "$log"; fi
        xwininfo -root -tree | grep -F "\"$title" >>"$log"
        "$PY" "$(dirname "${BASH_SOURCE[0]}")/xwd2png.py" "$XVFB_FB/Xvfb_screen0" "$png" | tee -a "$log"
    else echo "no window \"$title…\" within 120 s (the program exited or hung)" | tee -a "$log"; fi
    kill "$gui" 2>/dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$gui" 2>/dev/null || break; sleep 1; done
    kill -9 "$gui" 2>/dev/null; wait "$gui" 2>/dev/null
    echo "== exit $rc" | tee -a "$log"
    return $rc
}
