#!/bin/bash
# Trains the bundled models on the GPU machine (issue 14): one recipe per model, fixed here once,
# so that the stochastic-depth twin and the short-path network differ from the ResNet only in what
# they are about. The models train side by side, one process each. Measured on one H100 (2026-11-27):
# four at once (both ResNet-110s, the short-path net, plain15) kept the GPU 98% busy at 1,100-1,400
# (ResNet-110), 1,350-1,750 (stochastic depth), 2,200-3,000 (short-path) and 10,700 (plain15)
# images/s; the two ResNet-110s alone 1,700-2,000 and 2,200-2,500 images/s, so 30 epochs of both
# take about 15 minutes, more than a session's device time: the rest resumes on a CPU (train
# --resume reads a GPU checkpoint there). A command on that machine may run 10 minutes, so a model may need
# more than one call: every run resumes from its checkpoint in gpu-carry/train/ (which a still-warm
# machine keeps between calls), stops before the budget is up, and leaves the finished model or
# its checkpoint in $OUT (at most 8 files come back: one per model and logs.tar.xz).
#
#   bash tests/gpu/train-bundled.sh SECONDS MODEL...
# MODEL: resnet110 | resnet110-sd | plain15 | vit12 | resnet110-short (23 of 54 blocks per
# mini-batch, Veit et al. Section 5; not bundled). SECONDS: the time this call may use in all, build included.
# Builds the core-only trainer in build-gpu/ (C++17, else C++20; without core/cudagraphs.cpp
# should that not compile: training does not use it).
set -uo pipefail
cd "$(dirname "$0")/../.."
budget=${1:?usage: train-bundled.sh SECONDS MODEL...}
shift
started=$SECONDS
out=${OUT:-build-gpu/out}
mkdir -p "$out" gpu-carry/train
out=$(realpath "$out")
logs=$(mktemp -d)
python=${PYTHON:-python3}
# Debian's folder, where the carried files are put when it is missing: the models' metadata names
# the folder they were trained from, and --resume on another machine compares it.
data=/usr/share/datasets/fashion-mnist
if [ ! -e "$data/train-images-idx3-ubyte.gz" ]; then
    [ -e gpu-carry/fashion-mnist/train-images-idx3-ubyte.gz ] || { echo "train-bundled.sh: no Fashion-MNIST training files in gpu-carry/fashion-mnist" >&2; exit 1; }
    mkdir -p "$data" && cp gpu-carry/fashion-mnist/*.gz "$data/"
fi
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader

trainer=build-gpu/tests/benchmark/pathlens-train-core
if [ ! -x "$trainer" ]; then
    prefix=$($python -c 'import torch; print(torch.utils.cmake_prefix_path)')
    for attempt in "17 ON" "17 OFF" "20 ON" "20 OFF"; do
        read -r standard cuda <<< "$attempt"
        rm -rf build-gpu
        log="$logs/build-c++$standard-cuda-$cuda.log"
        if cmake -S . -B build-gpu -G Ninja -DPATHLENS_CORE_ONLY=ON -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_STANDARD="$standard" \
                -DPATHLENS_CUDA="$cuda" -DCMAKE_PREFIX_PATH="$prefix" > "$log" 2>&1 \
            && cmake --build build-gpu --target pathlens-train-core >> "$log" 2>&1; then
            echo "built with C++$standard, PATHLENS_CUDA=$cuda in $((SECONDS - started)) s"
            break
        fi
        echo "build with C++$standard, PATHLENS_CUDA=$cuda failed:"; grep -m 10 -E "error|Error" "$log"
    done
    [ -x "$trainer" ] || { tar -C "$logs" -cJf "$out/logs.tar.xz" .; exit 1; }
fi

recipe() {
    local common="--epochs 30 --batch 128 --lr 0.1 --seed 1"
    case "$1" in
        resnet110) echo "--arch preact --depth 110 $common" ;;
        resnet110-sd) echo "--arch preact --depth 110 --stochastic-depth 0.5 $common" ;;
        resnet110-short) echo "--arch preact --depth 110 --sample-blocks 23 $common" ;;
        plain15) echo "--arch plain-constant --depth 15 --width 32 $common" ;;
        # AdamW at its own 1e-3, distilled from the bundled ResNet-110 (issue 28: 91.00 % on 2 CPU cores)
        vit12) echo "--arch vit --teacher resources/models/resnet110-fashion.pt --epochs 50 --batch 128 --seed 1" ;;
        *) return 1 ;;
    esac
}

# GPU use every 10 s while training, to tell a GPU-bound run from a host-bound one.
nvidia-smi --query-gpu=timestamp,utilization.gpu,memory.used --format=csv -l 10 > "$logs/gpu-utilisation.csv" 2>&1 &
monitor=$!
left=$((budget - (SECONDS - started) - 15)) # 15 s to copy the results
runs=()
for model in "$@"; do
    options=$(recipe "$model") || { echo "train-bundled.sh: unknown model $model" >&2; continue; }
    file=gpu-carry/train/$model-fashion.pt
    if [ -e "$file" ]; then echo "== $model: finished earlier, $file"; continue; fi
    if [ "$left" -lt 60 ]; then echo "== $model: no time left in this call"; continue; fi
    resume=no
    [ -e "$file.checkpoint" ] && resume=yes
    echo "== $model: $options (resume: $resume), up to $left s"
    # SIGINT at the budget: the run is killed between checkpoints, which are written atomically
    # after every epoch, so the last whole epoch survives for the next call.
    (timeout -s INT "$left" "$trainer" $options --device cuda --data "$data" --out "$file" --resume $resume 2>&1 \
        | tee "$logs/train-$model.log" | sed -u "s/^/$model: /") &
    runs+=($!)
done
[ ${#runs[@]} -eq 0 ] || wait "${runs[@]}"
kill "$monitor" 2>/dev/null
for model in "$@"; do
    file=gpu-carry/train/$model-fashion.pt
    if [ -e "$file" ]; then cp "$file" "$out/"; elif [ -e "$file.checkpoint" ]; then cp "$file.checkpoint" "$out/"; fi
done
tar -C "$logs" -cJf "$out/logs.tar.xz" .
echo "train-bundled.sh: done in $((SECONDS - started)) s"
ls -la "$out"
