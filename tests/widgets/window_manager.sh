#!/bin/bash
# Issue 25 under a real window manager (openbox on Xvfb), driven with xdotool as a person drives it:
# the offscreen platform of the Qt tests has no window manager, so it cannot show what one does with
# a window's minimum size, saved geometry or full-screen request. At a projector's 1024x700 and
# 1280x720:
#   1. the program starts on the bundled model and Fashion-MNIST; its frame fits the screen;
#   2. F11 gives the window manager's full-screen state (_NET_WM_STATE_FULLSCREEN) at the screen's
#      size; Esc gives back the frame it had;
#   3. started again (with the geometry it saved) as `pathlens --lecture`, a clicker's four Page
#      Downs 0.3 s apart open no error window, and the frame stays on the screen;
#   4. F11 during the tour is full screen too.
# The sizes run from large to small, each starting with the settings the previous one saved: the
# 1024x700 run restores a geometry saved on the 1280x720 screen (a laptop's, then a projector's).
# A screenshot of each state goes to OUT for a person to look at.
#
#   bash tests/widgets/window_manager.sh PATHLENS [OUT]      (exit 77: Xvfb, openbox or xdotool missing)
set -uo pipefail
pathlens=$1
out=${2:-build/Testing/window-manager}
for tool in Xvfb openbox xdotool xprop xwininfo xdpyinfo import; do
    command -v "$tool" > /dev/null || { echo "SKIP: $tool is not installed (build.sh test installs it)"; exit 77; }
done
mkdir -p "$out"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Waits up to $2 seconds for a visible window of pathlens whose title matches $1; prints its id.
window_named() {
    local id
    for _ in $(seq "$2"); do
        id=$(xdotool search --onlyvisible --class pathlens 2> /dev/null | while read -r w; do
            [[ "$(xdotool getwindowname "$w" 2> /dev/null)" =~ $1 ]] && echo "$w"; done | head -1)
        [ -n "$id" ] && { echo "$id"; return 0; }
        sleep 1
    done
    return 1
}

# The window's frame as the window manager placed it: "LEFT TOP RIGHT BOTTOM", decorations included.
# (xwininfo, not xdotool getwindowgeometry: under a reparenting window manager the latter adds the
# frame's offset once more.)
frame_of() {
    local info x y w h extents l r t b
    info=$(xwininfo -id "$1")
    x=$(awk '/Absolute upper-left X/ {print $4}' <<< "$info")
    y=$(awk '/Absolute upper-left Y/ {print $4}' <<< "$info")
    w=$(awk '/^ *Width:/ {print $2}' <<< "$info")
    h=$(awk '/^ *Height:/ {print $2}' <<< "$info")
    extents=$(xprop -id "$1" _NET_FRAME_EXTENTS | grep -o '[0-9, ]*$' | tr -d ' ')
    IFS=, read -r l r t b <<< "${extents:-0,0,0,0}"
    echo "$((x - l)) $((y - t)) $((x + w + r)) $((y + h + b))"
}

fits() { # WINDOW SCREEN_W SCREEN_H STATE
    local left top right bottom
    read -r left top right bottom <<< "$(frame_of "$1")"
    if ((left < 0 || top < 0 || right > $2 || bottom > $3)); then
        fail "$4: frame from ($left, $top) to ($right, $bottom) on a ${2}x$3 screen"
    else
        echo "ok: $4: frame from ($left, $top) to ($right, $bottom)"
    fi
}

fullscreen() { xprop -id "$1" _NET_WM_STATE | grep -q _NET_WM_STATE_FULLSCREEN; }

# Keys as a keyboard types them (XTEST) into the focused window. Not `xdotool key --window`: its
# synthetic events go to a window that may be gone by the key's release (Ctrl+Q), and the keys then
# stay down in the X server and quit the next program started there.
press() { xdotool key "$@"; }

previous_home=""
for size in ${SIZES:-1280x720 1024x700}; do
    width=${size%x*}
    height=${size#*x}
    display=:$((90 + RANDOM % 100))
    home=$(mktemp -d)
    [ -n "$previous_home" ] && cp -r "$previous_home/config" "$home/config"
    Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp > /dev/null 2>&1 &
    xvfb=$!
    export DISPLAY=$display
    for _ in $(seq 50); do xdpyinfo > /dev/null 2>&1 && break; sleep 0.1; done
    openbox > /dev/null 2>&1 &
    wm=$!
    sleep 1
    # Settings and sessions of this run only; the second start reads the geometry the first saved.
    export XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_CACHE_HOME=$home/cache

    "$pathlens" > "$home/first.log" 2>&1 &
    app=$!
    if window=$(window_named 'pathlens' 120); then
        xdotool windowactivate --sync "$window"
        sleep 20 # the first evaluation of the live subset
        fits "$window" "$width" "$height" "$size start"
        import -window root "$out/$size-start.png"
        before=$(frame_of "$window")
        press F11
        sleep 3
        fullscreen "$window" || fail "$size F11: no full-screen state ($(xprop -id "$window" _NET_WM_STATE))"
        [ "$(frame_of "$window")" = "0 0 $width $height" ] || fail "$size F11: frame $(frame_of "$window"), not the screen"
        import -window root "$out/$size-presentation.png"
        press Escape
        sleep 3
        ! fullscreen "$window" || fail "$size Esc: still full screen"
        [ "$(frame_of "$window")" = "$before" ] || fail "$size Esc: frame $(frame_of "$window"), before F11 $before"
        import -window root "$out/$size-after-esc.png"
    else
        fail "$size: no window within 120 s ($(tail -3 "$home/first.log"))"
    fi
    press ctrl+q # quits, saving the geometry the second start restores
    sleep 3
    kill "$app" 2> /dev/null
    wait "$app" 2> /dev/null

    "$pathlens" --lecture > "$home/tour.log" 2>&1 &
    app=$!
    if window=$(window_named 'pathlens' 120); then
        xdotool windowactivate --sync "$window"
        sleep 20 # step 1: the ResNet-110 and its first evaluation
        fits "$window" "$width" "$height" "$size tour step 1"
        for _ in 1 2 3 4; do
            press Next # Page Down
            sleep 0.3
        done
        sleep 25
        if error=$(window_named 'Cannot|error|Error' 1); then
            fail "$size tour: an error window after the clicker's burst: $(xdotool getwindowname "$error")"
        fi
        fits "$window" "$width" "$height" "$size tour after four Page Downs"
        import -window root "$out/$size-tour-burst.png"
        press F11
        sleep 3
        fullscreen "$window" || fail "$size F11 in the tour: no full-screen state"
        import -window root "$out/$size-tour-presentation.png"
        press Escape
        sleep 2
        fits "$window" "$width" "$height" "$size tour after Esc"
    else
        fail "$size --lecture: no window within 120 s ($(tail -3 "$home/tour.log"))"
    fi
    kill "$app" 2> /dev/null
    wait "$app" 2> /dev/null
    kill "$wm" "$xvfb" 2> /dev/null
    wait "$wm" "$xvfb" 2> /dev/null
    [ -n "$previous_home" ] && rm -rf "$previous_home"
    previous_home=$home
done
rm -rf "$previous_home"
echo "screenshots in $out"
((failures == 0)) || { echo "$failures checks failed"; exit 1; }
