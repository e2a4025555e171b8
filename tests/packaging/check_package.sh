#!/bin/bash
# The Debian package end to end: the desktop entry and AppStream metadata validate, `cpack`
# builds a .deb whose dependencies dpkg-shlibdeps found, it holds what a user needs, and the
# unpacked pathlens-cli finds its installed bundled model.
#   check_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check_package: $*" >&2; exit 1; }

desktop-file-validate "$source/packaging/io.github.pathlens.desktop"
appstreamcli validate --no-net "$source/packaging/io.github.pathlens.metainfo.xml"

(cd "$build" && cpack -G DEB -B "$work" > "$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/pathlens_*.deb) || fail "cpack wrote no pathlens_*.deb"
dpkg-deb -c "$deb" | awk '{print $NF}' > "$work/contents"
for file in usr/bin/pathlens usr/bin/pathlens-cli \
            usr/share/applications/io.github.pathlens.desktop \
            usr/share/metainfo/io.github.pathlens.metainfo.xml \
            usr/share/icons/hicolor/scalable/apps/io.github.pathlens.svg \
            usr/share/pathlens/models/resnet110-fashion.pt \
            usr/share/pathlens/models/resnet110-sd-fashion.pt \
            usr/share/pathlens/models/resnet110-short-fashion.pt \
            usr/share/pathlens/models/plain15-fashion.pt \
            usr/share/pathlens/models/vit12-fashion.pt \
            usr/share/pathlens/models/vit12-fashion.results.json; do
    grep -qx "./$file" "$work/contents" || fail "$deb lacks /$file"
done
depends=$(dpkg-deb -f "$deb" Depends)
for library in libtorch libqt6widgets6 libqcustomplot; do
    grep -q "$library" <<< "$depends" || fail "Depends lacks $library: $depends"
done

dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/pathlens-cli" info > "$work/info.txt" || fail "the installed pathlens-cli failed"
grep -q "54 in 3 stages" "$work/info.txt" || fail "the installed pathlens-cli did not open its bundled model: $(head -3 "$work/info.txt")"
grep -q "$work/root/usr/share/pathlens/models" "$work/info.txt" || fail "the model did not come from the package"
echo "check_package: $(basename "$deb") ($(du -h "$deb" | cut -f1)), Depends: $depends"
