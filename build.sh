#!/bin/bash
# pathlens: install what is missing, build, then run the GUI or the test suite.
#   bash build.sh run    GUI on the bundled model and Fashion-MNIST
#   bash build.sh test   the whole test suite through CTest
#   bash build.sh build  only build
set -euo pipefail
cd "$(dirname "$0")"
action=${1:-run}

packages=(cmake ninja-build g++ ccache pkg-config
          qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
          libqcustomplot-dev libqcustomplot2.1-qt6 libtorch-dev zlib1g-dev nlohmann-json3-dev
          dataset-fashion-mnist python3-torch python3-torchvision
          libopenblas0-openmp  # LibTorch's matrix products (linear layers, attention): Debian's default reference
                               # BLAS ran them 26x slower (2176x64 by 64x192: 13 ms, with OpenBLAS 0.5 ms)
          xvfb xauth imagemagick
          clang libclang-rt-14-dev  # the fuzz test: clang with libFuzzer and the sanitizer runtimes
          dpkg-dev desktop-file-utils appstream)  # the package test: cpack, dpkg-shlibdeps, validators
# The Slurm test starts its own one-node cluster; `run` needs neither package and starts no daemon.
# The window-manager test drives the program under openbox with xdotool (xprop, xwininfo: x11-utils).
if [ "$action" = test ]; then
    packages+=(slurm-wlm munge openbox xdotool x11-utils)
fi
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "build.sh: installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build

case "$action" in
    run)
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            echo "build.sh: no display; start it on a desktop, or under Xvfb: xvfb-run build/app/pathlens" >&2
        fi
        exec build/app/pathlens
        ;;
    test)
        cd build && exec ctest --output-on-failure --timeout 1500
        ;;
    build)
        ;;
    *)
        echo "usage: bash build.sh run|test|build" >&2
        exit 2
        ;;
esac
