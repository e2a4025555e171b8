#!/bin/bash
# Prepares gpu-carry/ (ignored by git) for tests/gpu/run.sh on the GPU machine, which has
# PyTorch, CMake and ninja but no Qt and no package registry (Ubuntu 24.04, glibc 2.39, g++ 13).
# Run here, on Debian 12, as root (apt-get download needs the package lists, nothing installs):
#
#   bash tests/gpu/prepare_carry.sh
#
# Writes:
#   gpu-carry/qt.tar.xz       Debian 12's Qt 6 + QCustomPlot, runtime and -dev packages (dpkg -x),
#                             the libraries they need that Ubuntu 24.04 may lack, lrelease alone
#                             (not the Linguist tools, whose lupdate pulls in LLVM), DejaVu fonts and
#                             a relocatable fonts.conf; unpacked by run.sh into build-gpu-qt/
#   gpu-carry/fashion-mnist/  the t10k files only
#   gpu-carry/include/        nlohmann's JSON headers (core reads pathlens.json with them)
# and prints the size of everything that travels: carry it with `run` and carry=["gpu-carry"]
# (64 MiB in all, the tracked files, bundled models included, count too).
set -euo pipefail
cd "$(dirname "$0")/../.."
carry=gpu-carry
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# What the full build links and runs (top-level CMakeLists.txt: Core Gui Widgets PrintSupport Svg
# Concurrent Test, QCustomPlotQt6), the build tools (moc, rcc, uic, CMake files), OpenGL's
# development files (Qt6Gui's CMake package requires WrapOpenGL), and the shared libraries of
# their closure (`ldd` of the Qt libraries, plugins and tools, mapped to packages with dpkg -S by
# file name: Debian 12 registers some under /lib), except what every Ubuntu 24.04 has in a newer
# version: glibc, libstdc++, libgcc, zlib, zstd, lz4, lzma, libbsd, libmd, libgcrypt, libgpg-error,
# libcap, libsystemd (an older copy first on LD_LIBRARY_PATH would shadow the newer one that
# LibTorch was built against; run.sh runs Python without the carried libraries for that reason).
packages=(
    libqt6core6 libqt6gui6 libqt6widgets6 libqt6printsupport6 libqt6svg6 libqt6concurrent6 libqt6test6 libqt6dbus6
    libqcustomplot2.1-qt6 qt6-base-dev qt6-base-dev-tools qmake6 qmake6-bin qt6-svg-dev libqcustomplot-dev qt6-l10n-tools
    libicu72 libdouble-conversion3 libb2-1 libpcre2-16-0 libpcre2-8-0 libglib2.0-0 libmd4c0
    libharfbuzz0b libgraphite2-3 libfreetype6 libpng16-16 libbrotli1 libfontconfig1 libexpat1 libdbus-1-3
    libxkbcommon0 libx11-6 libxcb1 libxau6 libxdmcp6
    libegl1 libglx0 libglvnd0 libopengl0 libgl1 libgl-dev libglx-dev libopengl-dev libegl-dev
    fonts-dejavu-core
)
echo "prepare_carry.sh: downloading ${#packages[@]} Debian packages"
(cd "$work" && apt-get download "${packages[@]}" > download.log 2>&1) || { cat "$work/download.log"; exit 1; }
root="$work/qt"
mkdir -p "$root"
for deb in "$work"/*.deb; do
    dpkg -x "$deb" "$root"
done
# Debian 12 installs some libraries under /lib (libdbus-1, which Qt's DBus library links against):
# run.sh looks in usr/lib alone, and the GPU machine's Ubuntu has no libdbus of its own (the first
# run there failed to link every Qt program for want of it).
if [ -d "$root/lib" ]; then
    cp -a "$root/lib/." "$root/usr/lib/" && rm -rf "$root/lib"
fi
# Only what a build and a test run use: no documentation, manual pages, translations of Qt
# itself, lupdate and its LLVM-based tools, or qmake specs of other platforms.
rm -rf "$root"/usr/share/doc "$root"/usr/share/man "$root"/usr/share/lintian "$root"/usr/share/locale \
       "$root"/usr/share/bug "$root"/usr/share/qt6/translations
l10n="$root/usr/lib/qt6/bin"
find "$l10n" -maxdepth 1 \( -name 'lupdate*' -o -name 'lconvert*' -o -name 'linguist*' \) -exec rm -f {} +
rm -rf "$root"/usr/lib/x86_64-linux-gnu/cmake/Qt6LinguistTools "$root"/usr/lib/qt6/libexec/lupdate* \
       "$root"/usr/lib/qt6/libexec/lprodump "$root"/usr/lib/qt6/libexec/lrelease-pro "$root"/usr/lib/qt6/libexec/lupdate-pro
specs="$root/usr/lib/x86_64-linux-gnu/qt6/mkspecs"
if [ -d "$specs" ]; then
    find "$specs" -mindepth 1 -maxdepth 1 -type d ! -name linux-g++ ! -name common ! -name features ! -name modules \
        -exec rm -rf {} +
fi
# Symbolic links that point at absolute /usr paths would leave the carried tree: make them relative.
find "$root" -type l | while read -r link; do
    target=$(readlink "$link")
    case "$target" in
        /*) ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$root$target")" "$link" ;;
    esac
done
# fontconfig reads this file (FONTCONFIG_FILE); `prefix="relative"` finds the fonts beside it.
cat > "$root/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir prefix="relative">usr/share/fonts</dir>
  <cachedir>/tmp/pathlens-fontconfig-cache</cachedir>
</fontconfig>
CONF
[ -x "$root/usr/lib/qt6/bin/lrelease" ] || { echo "prepare_carry.sh: lrelease missing from qt6-l10n-tools" >&2; exit 1; }
[ -e "$root/usr/lib/x86_64-linux-gnu/cmake/QCustomPlotQt6/QCustomPlotQt6Config.cmake" ] || { echo "prepare_carry.sh: no QCustomPlotQt6 CMake package" >&2; exit 1; }

rm -rf "$carry"
mkdir -p "$carry/fashion-mnist" "$carry/include"
tar -C "$root" -cf - . | xz -9 -T0 > "$carry/qt.tar.xz"
cp /usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz /usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz \
   "$carry/fashion-mnist/"
cp -r /usr/include/nlohmann "$carry/include/"

unpacked=$(du -sm "$root" | cut -f1)
carried=$(du -sb "$carry" | cut -f1)
tracked=$(git ls-files -z | xargs -0 du -cb 2>/dev/null | tail -1 | cut -f1)
models=$(du -cb resources/models/*.pt | tail -1 | cut -f1)
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
echo "prepare_carry.sh: Qt tree ${unpacked} MiB unpacked, $(mib "$(stat -c %s "$carry/qt.tar.xz")") as qt.tar.xz"
echo "prepare_carry.sh: gpu-carry $(mib "$carried"); tracked files $(mib "$tracked") (bundled models $(mib "$models"));" \
     "together $(mib $((carried + tracked))) of 64 MiB"
[ $((carried + tracked)) -le $((64 << 20)) ] || { echo "prepare_carry.sh: over 64 MiB" >&2; exit 1; }
