#!/bin/bash
# One-shot check for a machine with an NVIDIA GPU and PyTorch but no Qt (the device machine):
# builds the core-only configuration against the LibTorch that ships with the machine's PyTorch,
# runs the core self-check, compares CUDA with CPU and times the lesion sweep.
#
#   bash tests/gpu/check.sh [MODEL] [DATA]
# DATA defaults to Fashion-MNIST, looked for in gpu-carry/fashion-mnist (an ignored folder that
# can be carried to the machine) and then in /usr/share/datasets/fashion-mnist.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${PYTHON:-python3}
prefix=$($python -c 'import torch; print(torch.utils.cmake_prefix_path)')
echo "check.sh: LibTorch from $($python -c 'import torch; print(torch.__version__, torch.version.cuda)') at $prefix"
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader || echo "check.sh: no nvidia-smi"

build=build-gpu
cmake -S . -B "$build" -DPATHLENS_CORE_ONLY=ON -DPATHLENS_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER_LAUNCHER= > "$build.configure.log" 2>&1 \
    || { tail -30 "$build.configure.log"; exit 1; }
cmake --build "$build" -j "$(nproc)"

model=${1:-resources/models/resnet110-fashion.pt}
data=${2:-}
if [ -z "$data" ]; then
    for candidate in gpu-carry/fashion-mnist /usr/share/datasets/fashion-mnist; do
        [ -e "$candidate/t10k-images-idx3-ubyte.gz" ] && data=$candidate && break
    done
fi
[ -n "$data" ] || { echo "check.sh: no Fashion-MNIST; copy it to gpu-carry/fashion-mnist" >&2; exit 1; }

echo "== CPU (all cores) =="
"$build/tests/benchmark/pathlens-bench" "$model" "$data" --device cpu --limit 2000
echo "== CUDA (full test set; includes the CUDA vs CPU logit comparison) =="
"$build/tests/benchmark/pathlens-bench" "$model" "$data" --device cuda --batch 1000
