#!/bin/bash
# pathlens-bench and the PyTorch peer (python_lesion.py: the same network as an eager PyTorch
# module at its best batch size) on the same model, images, threads and device, in one run: the
# sweep times side by side and their ratio, per precision.
#
#   bash tests/benchmark/run.sh [IMAGES] [MODEL]     (defaults: 10000, the bundled ResNet-110)
# Environment: DEVICE=cpu|cuda (default cpu); PRECISIONS (default "fp32"; on CUDA "fp32 tf32 bf16");
# BENCH (default build/tests/benchmark/pathlens-bench); PYTHON (default /usr/bin/python3);
# BENCH_ARGS (more pathlens-bench options, e.g. --cuda-graphs); DATA (default Fashion-MNIST).
# On the CPU the naive sweep also runs, on min(IMAGES, 2000) images (it is the slow baseline).
# BUSY=1: one competing process spins on a core for the whole run (as a browser tab or a video call
# would on a lecturer's laptop), for pathlens and the peer alike; NAIVE=0 leaves the naive sweep out.
set -euo pipefail
cd "$(dirname "$0")/../.."
images=${1:-10000}
model=${2:-resources/models/resnet110-fashion.pt}
device=${DEVICE:-cpu}
bench=${BENCH:-build/tests/benchmark/pathlens-bench}
python=${PYTHON:-/usr/bin/python3}
data=${DATA:-/usr/share/datasets/fashion-mnist}
threads=$(nproc)
if [ "$device" = cuda ]; then
    precisions=${PRECISIONS:-fp32 tf32 bf16}
    deviceArgs=(--device cuda --cache-mb 30000) # the checkpoints of a whole sweep stay on the GPU
else
    precisions=${PRECISIONS:-fp32}
    deviceArgs=(--device cpu)
fi
[ -x "$bench" ] || bash build.sh build
log=$(mktemp)
busy=
trap 'rm -f "$log"; [ -z "$busy" ] || kill "$busy"' EXIT
state=quiet
if [ "${BUSY:-0}" = 1 ]; then
    sh -c 'while :; do :; done' &
    busy=$!
    state="beside one busy process"
fi

rows=()
for precision in $precisions; do
    echo "== pathlens-bench, $device, $precision, $images images =="
    # shellcheck disable=SC2086 # BENCH_ARGS is a list of options
    "$bench" "$model" "$data" --limit "$images" --threads "$threads" --no-naive --precision "$precision" \
        "${deviceArgs[@]}" ${BENCH_ARGS:-} | tee "$log"
    ours=$(awk '/activation reuse:/ {print $3}' "$log")
    echo "== PyTorch peer (python_lesion.py), $device, $precision, $images images, $threads threads =="
    peer=$("$python" tests/benchmark/python_lesion.py "$model" --data "$data" --limit "$images" --threads "$threads" \
        --device "$device" --precision "$precision")
    echo "$peer"
    peerSeconds=$("$python" -c 'import json,sys; print(json.loads(sys.argv[1])["seconds"])' "$peer")
    peerBatch=$("$python" -c 'import json,sys; print(json.loads(sys.argv[1])["batch"])' "$peer")
    rows+=("$(awk -v p="$precision" -v o="$ours" -v s="$peerSeconds" -v b="$peerBatch" \
        'BEGIN { printf "  %-9s %12.2f s %12.2f s (batch %5d) %8.2fx", p, o, s, b, s / o }')")
done
if [ "$device" != cuda ] && [ "${NAIVE:-1}" = 1 ]; then
    naiveImages=$(( images < 2000 ? images : 2000 ))
    echo
    echo "naive sweep against activation reuse on $naiveImages images:"
    "$bench" "$model" "$data" --limit 64 --live 64 --sweep-limit "$naiveImages" --threads "$threads" "${deviceArgs[@]}" \
        | sed -n '/lesion sweep/,/self-check/p'
fi
echo
echo "single-deletion sweep, $images images, $device, $threads threads, $state, in this run:"
echo "  precision   pathlens (reuse)   PyTorch peer (eager)        peer / pathlens"
printf '%s\n' "${rows[@]}"
