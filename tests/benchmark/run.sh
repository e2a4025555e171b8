#!/bin/bash
# pathlens-bench and the idiomatic PyTorch sweep (python_lesion.py) on the same model, the same
# images and the same thread count, in one run, and the ratio of their sweep times.
#
#   bash tests/benchmark/run.sh [IMAGES] [MODEL]     (defaults: 10000, the bundled ResNet-110)
# The naive sweep runs on min(IMAGES, 2000) images (it is the slow baseline); the rest on IMAGES.
set -euo pipefail
cd "$(dirname "$0")/../.."
images=${1:-10000}
model=${2:-resources/models/resnet110-fashion.pt}
threads=$(nproc)
[ -x build/tests/benchmark/pathlens-bench ] || bash build.sh build
log=$(mktemp)
trap 'rm -f "$log"' EXIT

build/tests/benchmark/pathlens-bench "$model" --limit "$images" --threads "$threads" --no-naive | tee "$log"
naiveImages=$(( images < 2000 ? images : 2000 ))
echo
echo "naive sweep against activation reuse on $naiveImages images:"
build/tests/benchmark/pathlens-bench "$model" --limit 64 --live 64 --sweep-limit "$naiveImages" --threads "$threads" \
    | sed -n '/lesion sweep/,/self-check/p'
echo
echo "idiomatic PyTorch sweep (python_lesion.py), $images images, $threads threads:"
python=$(/usr/bin/python3 tests/benchmark/python_lesion.py "$model" --limit "$images" --threads "$threads")
pythonSeconds=$(/usr/bin/python3 -c 'import json,sys; print(json.loads(sys.argv[1])["seconds"])' "$python")
oursSeconds=$(awk '/activation reuse:/ {print $3}' "$log")
echo "  python: ${pythonSeconds} s; pathlens (activation reuse): ${oursSeconds} s"
awk -v p="$pythonSeconds" -v o="$oursSeconds" 'BEGIN {printf "  speed-up (python / pathlens): %.2fx\n", p / o}'
