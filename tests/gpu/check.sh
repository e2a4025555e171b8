#!/bin/bash
# (tests/gpu/run.sh does more: the full build with the GUI against a carried Qt, its tests and
# screenshots on CUDA, the benchmarks beside the PyTorch peer. This script stays for core only.)
# One-shot check for a machine with an NVIDIA GPU and PyTorch but no Qt (the device machine):
# builds the core-only configuration against the LibTorch that ships with the machine's PyTorch,
# runs the core self-check (fixtures exported by that PyTorch), compares CUDA with CPU and runs
# pathlens-bench on CUDA, and handles a real CUDA out-of-memory error; FULL=1 adds a batch-2000
# CUDA run and a CPU run. (The bundled models are trained by tests/gpu/train-bundled.sh.)
#
#   bash tests/gpu/check.sh [MODEL] [DATA]
# DATA defaults to Fashion-MNIST, looked for in gpu-carry/fashion-mnist (an ignored folder that
# can be carried to the machine) and then in /usr/share/datasets/fashion-mnist.
# Logs and products go to $OUT when it is set, else to build-gpu/out. Core reads pathlens.json with
# nlohmann's header-only JSON library: a machine without it needs /usr/include/nlohmann copied to
# gpu-carry/include/nlohmann (core/CMakeLists.txt looks there).
set -uo pipefail
cd "$(dirname "$0")/../.."
python=${PYTHON:-python3}
out=${OUT:-build-gpu/out}
mkdir -p "$out"
prefix=$($python -c 'import torch; print(torch.utils.cmake_prefix_path)')
echo "check.sh: LibTorch from $($python -c 'import torch; print(torch.__version__, torch.version.cuda)') at $prefix"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || echo "check.sh: no nvidia-smi"

model=${1:-resources/models/resnet110-fashion.pt}
data=${2:-}
if [ -z "$data" ]; then
    for candidate in gpu-carry/fashion-mnist /usr/share/datasets/fashion-mnist; do
        [ -e "$candidate/t10k-images-idx3-ubyte.gz" ] && data=$candidate && break
    done
fi
[ -n "$data" ] || { echo "check.sh: no Fashion-MNIST; copy it to gpu-carry/fashion-mnist" >&2; exit 1; }

# C++17 first (what the code is written for); a newer LibTorch may insist on C++20.
build=build-gpu
built=no
for standard in 17 20; do
    rm -rf "$build"
    if cmake -S . -B "$build" -G Ninja -DPATHLENS_CORE_ONLY=ON -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_STANDARD=$standard \
            -DCMAKE_PREFIX_PATH="$prefix" -DPATHLENS_PYTHON="$(command -v $python)" -DPATHLENS_FASHION_MNIST="$(realpath "$data")" \
            > "$out/configure-c++$standard.log" 2>&1 \
        && cmake --build "$build" -j "$(nproc)" > "$out/build-c++$standard.log" 2>&1; then
        built=yes
        echo "check.sh: built with C++$standard"
        break
    fi
    echo "check.sh: build with C++$standard failed:"; grep -m 20 -E "error|Error" "$out/build-c++$standard.log" "$out/configure-c++$standard.log"
done
[ $built = yes ] || exit 1

echo "== core self-check (fixtures from this PyTorch) =="
(cd "$build" && timeout 150 ctest --output-on-failure 2>&1 | tail -15)

bench="$build/tests/benchmark/pathlens-bench"
echo "== CUDA: all 10,000 test images, default batch (includes the CUDA vs CPU logit comparison) =="
timeout 150 "$bench" "$model" "$data" --device cuda --cache-mb 30000
if [ "${FULL:-0}" = 1 ]; then
    echo "== CUDA: batch 2000, no naive sweep =="
    timeout 90 "$bench" "$model" "$data" --device cuda --cache-mb 30000 --batch 2000 --no-naive
fi
echo "== CUDA out of memory in mid-evaluation: the batch is retried in halves =="
if [ -x "$build/tests/benchmark/pathlens-gpu-oom" ]; then
    timeout 120 "$build/tests/benchmark/pathlens-gpu-oom" "$model" "$data" 1
else
    echo "check.sh: pathlens-gpu-oom not built (no CUDA in this LibTorch?)"
fi
if [ "${FULL:-0}" = 1 ]; then
    echo "== CPU, all $(nproc) cores, first 2,000 images =="
    timeout 90 "$bench" "$model" "$data" --device cpu --limit 2000 --live 2000 --sweep-limit 500
fi
