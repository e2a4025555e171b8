#!/bin/bash
# Trains the bundled models on the GPU machine (issue 14): one recipe per model, fixed here once,
# so that the stochastic-depth twin and the short-path network differ from the ResNet only in what
# they are about. A command on that machine may run 10 minutes and ResNet-110 takes about 20 s an
# epoch, so a model may take more than one call: every call resumes from the checkpoint carried in
# gpu-carry/train/ (when there is one), stops cleanly before its time is up, and leaves the
# checkpoint (or the finished model) in $OUT, whence it is copied back to gpu-carry/train/ for the
# next call.
#
#   bash tests/gpu/train-bundled.sh SECONDS MODEL...
# MODEL: resnet110 | resnet110-sd | plain15 | resnet110-short (23 of 54 blocks per mini-batch,
# Veit et al. Section 5; not bundled). SECONDS: the training time this call may use in all.
# Needs the core-only build of tests/gpu/check.sh (build-gpu/) or builds it.
set -uo pipefail
cd "$(dirname "$0")/../.."
budget=${1:?usage: train-bundled.sh SECONDS MODEL...}
shift
out=${OUT:-build-gpu/out}
mkdir -p "$out" gpu-carry/train
python=${PYTHON:-python3}
data=gpu-carry/fashion-mnist
[ -e "$data/train-images-idx3-ubyte.gz" ] || data=/usr/share/datasets/fashion-mnist
[ -e "$data/train-images-idx3-ubyte.gz" ] || { echo "train-bundled.sh: no Fashion-MNIST training files in gpu-carry/fashion-mnist" >&2; exit 1; }

trainer=build-gpu/tests/benchmark/pathlens-train-core
if [ ! -x "$trainer" ]; then
    prefix=$($python -c 'import torch; print(torch.utils.cmake_prefix_path)')
    cmake -S . -B build-gpu -G Ninja -DPATHLENS_CORE_ONLY=ON -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" \
        > "$out/train-configure.log" 2>&1 && cmake --build build-gpu --target pathlens-train-core > "$out/train-build.log" 2>&1 \
        || { tail -30 "$out/train-configure.log" "$out/train-build.log"; exit 1; }
fi

recipe() {
    local common="--epochs 30 --batch 128 --lr 0.1 --seed 1"
    case "$1" in
        resnet110) echo "--arch preact --depth 110 $common" ;;
        resnet110-sd) echo "--arch preact --depth 110 --stochastic-depth 0.5 $common" ;;
        resnet110-short) echo "--arch preact --depth 110 --sample-blocks 23 $common" ;;
        plain15) echo "--arch plain-constant --depth 15 --width 32 $common" ;;
        *) return 1 ;;
    esac
}

started=$SECONDS
for model in "$@"; do
    options=$(recipe "$model") || { echo "train-bundled.sh: unknown model $model" >&2; exit 2; }
    file=gpu-carry/train/$model-fashion.pt
    left=$((budget - (SECONDS - started)))
    if [ -e "$file" ]; then echo "== $model: finished earlier, $file"; continue; fi
    if [ "$left" -lt 60 ]; then echo "== $model: no time left in this call"; continue; fi
    resume=no
    [ -e "$file.checkpoint" ] && resume=yes
    echo "== $model: $options (resume: $resume), up to $left s"
    # SIGINT at the budget: the run is killed between checkpoints, which are written atomically
    # after every epoch, so the last whole epoch survives for the next call.
    timeout -s INT "$left" "$trainer" $options --device cuda --data "$data" --out "$file" --resume $resume 2>&1 \
        | tee "$out/train-$model.log"
    for product in "$file" "$file.checkpoint"; do
        [ -e "$product" ] && cp "$product" "$out/"
    done
done
ls -la "$out"
