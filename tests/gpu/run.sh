#!/bin/bash
# The whole program on a GPU machine, in one command (the device machine: Ubuntu 24.04, PyTorch
# with CUDA, CMake and ninja, no Qt, no network). Needs gpu-carry/ from tests/gpu/prepare_carry.sh:
#   here:      bash tests/gpu/prepare_carry.sh          (prints the size that travels)
#   device:    run(command="bash tests/gpu/run.sh", carry=["gpu-carry"], timeout_s=600)
#   then, if device time is left on the still-warm machine:
#              run(command="STAGES='4 5 6' BUDGET=250 bash tests/gpu/run.sh", carry=["gpu-carry"], timeout_s=280)
# Stages, most valuable first, each skipped when the
# time left (BUDGET seconds from the start, default 560) is too short for it:
#   1. unpack the carried Qt; configure the full build (GUI, CLI, tests) against PyTorch's CUDA
#      LibTorch with PATHLENS_TRANSLATIONS=OFF; build (a warm machine keeps build-gpu-full/)
#   2. pathlens-tour --timings on CUDA, and its screenshots (status line: "... on cuda:0")
#   3. ctest -L gpu, offscreen (CUDA is the engines' automatic device)
#   4. pathlens-bench on CUDA with CUDA graphs, beside the PyTorch peer, in fp32 (tests/benchmark/run.sh)
#   5. the same in bf16 and tf32
#   6. an Nsight Compute summary of one batch of the fp32 forward (ncu), when ncu is there
# Results: at most 8 files in $OUT (default build-gpu-full/out): summary.txt, logs.tar.xz,
# screenshots.tar.xz, bench.txt, ctest.txt, tour-timings.txt, ncu.txt.
#
#   bash tests/gpu/run.sh            STAGES="4 5" BUDGET=250 bash tests/gpu/run.sh   (a subset, e.g. the
#   benchmarks on a still-warm machine whose build-gpu-full/ the first call left)
set -uo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
budget=${BUDGET:-560}
stages=" ${STAGES:-1 2 3 4 5 6} "
out=${OUT:-build-gpu-full/out}
mkdir -p "$out"
out=$(realpath "$out")
logs=$(mktemp -d)
summary="$out/summary.txt"
: > "$summary"
say() { echo "$*" | tee -a "$summary"; }
left() { echo $((budget - ($(date +%s) - start))); }
# Runs a stage when asked for and when at least $2 seconds are left.
want() {
    case "$stages" in *" $1 "*) ;; *) return 1 ;; esac
    if [ "$(left)" -lt "$2" ]; then say "stage $1 skipped: $(left) s left, it needs about $2 s"; return 1; fi
    say "== stage $1 at $(( $(date +%s) - start )) s =="
}
finish() {
    tar -C "$logs" -cJf "$out/logs.tar.xz" . 2>/dev/null
    say "run.sh: done after $(( $(date +%s) - start )) s; logs in logs.tar.xz"
    rm -rf "$logs"
}
trap finish EXIT

python=${PYTHON:-python3}
say "run.sh: $(date -u +%FT%TZ) on $(hostname); $(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>&1 | head -1)"
torchPrefix=$($python -c 'import torch; print(torch.utils.cmake_prefix_path)')
say "run.sh: $($python -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())' 2>&1)"
[ -e gpu-carry/qt.tar.xz ] || { say "run.sh: gpu-carry/qt.tar.xz missing: run tests/gpu/prepare_carry.sh here and carry gpu-carry"; exit 1; }

# Qt from the carry, found by CMake through CMAKE_PREFIX_PATH and at run time through these.
qt=$PWD/build-gpu-qt
stamp=$(stat -c %s-%Y gpu-carry/qt.tar.xz) # a warm machine keeps the unpacked tree of the same carry
if [ "$(cat "$qt/.unpacked" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$qt" && mkdir -p "$qt" && tar -C "$qt" -xJf gpu-carry/qt.tar.xz && echo "$stamp" > "$qt/.unpacked"
fi
qtLib=$qt/usr/lib/x86_64-linux-gnu
# Python (PyTorch, the fixtures, the peer) runs with the machine's own libraries: Debian 12's
# expat or glib first on its path could shadow the newer ones its modules were built against.
cat > "$qt/python" <<WRAPPER
#!/bin/sh
LD_LIBRARY_PATH='${LD_LIBRARY_PATH:-}' exec $(command -v "$python") "\$@"
WRAPPER
chmod +x "$qt/python"
python=$qt/python
export LD_LIBRARY_PATH=$qtLib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export QT_PLUGIN_PATH=$qtLib/qt6/plugins
export QT_QPA_PLATFORM=offscreen
export FONTCONFIG_FILE=$qt/fonts.conf
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/pathlens-runtime}
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# The tests and the GUI read Fashion-MNIST from Debian's path; only t10k is carried (the tests that
# read the training split fail for want of it: named in summary.txt).
data=/usr/share/datasets/fashion-mnist
if [ ! -e "$data/t10k-images-idx3-ubyte.gz" ]; then
    mkdir -p "$(dirname "$data")" 2>/dev/null && ln -sfn "$PWD/gpu-carry/fashion-mnist" "$data" \
        || say "run.sh: cannot create $data (not root?): the tests that read Fashion-MNIST will fail"
fi

build=build-gpu-full
if want 1 60; then
    configured=no
    if [ -e "$build/build.ninja" ]; then
        configured=yes
    else
        # C++17 first (what the code is written for; a newer LibTorch may insist on C++20); without
        # core/cudagraphs.cpp (never compiled before this machine) only when it is what fails.
        for attempt in 17:ON 20:ON 17:OFF 20:OFF; do
            standard=${attempt%:*} cuda=${attempt#*:}
            if [ "$cuda" = OFF ] && ! grep -q 'cudagraphs' "$logs"/core-c++*.log 2>/dev/null; then continue; fi
            rm -rf "$build"
            if cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_STANDARD=$standard -DPATHLENS_CUDA=$cuda \
                    -DCMAKE_PREFIX_PATH="$torchPrefix;$qt/usr" -DPATHLENS_TRANSLATIONS=OFF \
                    -DPATHLENS_LRELEASE="$qt/usr/lib/qt6/bin/lrelease" -DPATHLENS_PYTHON="$python" \
                    > "$logs/configure-c++$standard-$cuda.log" 2>&1 \
                && timeout "$(left)" cmake --build "$build" -j "$(nproc)" --target pathlens_core > "$logs/core-c++$standard-$cuda.log" 2>&1; then
                configured=yes
                say "configured and built core with C++$standard, PATHLENS_CUDA=$cuda:" \
                    "$(grep -m1 'LibTorch with CUDA' "$logs/configure-c++$standard-$cuda.log")"
                break
            fi
            say "C++$standard, PATHLENS_CUDA=$cuda failed:"
            grep -m 12 -E "error|Error" "$logs/core-c++$standard-$cuda.log" "$logs/configure-c++$standard-$cuda.log" | tee -a "$summary"
        done
    fi
    if [ $configured = yes ]; then
        # -k 0: every target that can be built is, so that one failure does not hide the rest.
        timeout "$(( $(left) - 20 ))" cmake --build "$build" -j "$(nproc)" -- -k 0 > "$logs/build.log" 2>&1
        status=$?
        say "build exit status $status; $(grep -c '^FAILED' "$logs/build.log") failed targets"
        grep -A 12 '^FAILED' "$logs/build.log" | grep -m 30 -E 'FAILED|error' | tee -a "$summary"
    fi
fi

if want 2 90; then
    tour=$build/tests/pathlens-tour
    timeout 80 "$tour" --timings > "$out/tour-timings.txt" 2>&1
    say "pathlens-tour --timings (exit $?):"; tee -a "$summary" < "$out/tour-timings.txt" | tail -20
    shots=$(mktemp -d)
    timeout "$(( $(left) > 300 ? 150 : $(left) / 3 ))" "$tour" "$shots/tour" > "$logs/tour-shots.log" 2>&1
    say "pathlens-tour screenshots (exit $?): $(ls "$shots/tour" 2>/dev/null | wc -l) files"
    tar -C "$shots" -cJf "$out/screenshots.tar.xz" tour 2>/dev/null
    rm -rf "$shots"
fi

if want 3 150; then
    # CTEST_REGEX (a subset, e.g. what failed in an earlier run) and CTEST_SECONDS (its time) are for reruns.
    (cd "$build" && timeout "${CTEST_SECONDS:-$(( $(left) > 400 ? 240 : $(left) / 2 ))}" ctest -L gpu -j 6 \
        ${CTEST_REGEX:+-R "$CTEST_REGEX"} --output-on-failure --timeout 200) \
        > "$out/ctest.txt" 2>&1
    say "ctest -L gpu: $(grep -E 'tests passed|tests failed' "$out/ctest.txt" | tail -1)"
    grep -E '^\s+[0-9]+ - .*\((Failed|Timeout|Not Run|SEGFAULT|Subprocess)' "$out/ctest.txt" | tee -a "$summary"
    grep -E '^FAIL!' "$out/ctest.txt" | head -20 | tee -a "$summary"
    say "failures that name the missing training split: $(grep -c 'train-images' "$out/ctest.txt")"
fi

benchRun() { # precisions, then seconds allowed
    [ -x "$build/tests/benchmark/pathlens-bench" ] || { say "bench ($1): pathlens-bench was not built"; return; }
    DEVICE=cuda PRECISIONS="$1" BENCH="$build/tests/benchmark/pathlens-bench" PYTHON=$python BENCH_ARGS=--cuda-graphs \
        DATA="$PWD/gpu-carry/fashion-mnist" timeout "$2" bash tests/benchmark/run.sh 10000 >> "$out/bench.txt" 2>&1
    say "bench ($1, exit $?):"; sed -n '/^single-deletion sweep/,$p' "$out/bench.txt" | tail -4 | tee -a "$summary"
    grep -E 'CUDA graphs:|max \|logit|SELF-CHECK|full network:|against fp32' "$out/bench.txt" | tail -8 | tee -a "$summary"
}
if want 4 120; then benchRun fp32 "$(( $(left) - 20 ))"; fi
if want 5 150; then benchRun "bf16 tf32" "$(( $(left) - 20 ))"; fi

if want 6 60 && command -v ncu > /dev/null; then
    # One sweep batch of the fp32 forward, kernel by kernel: where the time goes.
    timeout "$(( $(left) - 10 ))" ncu --target-processes all --launch-skip 2000 --launch-count 60 --section SpeedOfLight \
        --print-summary per-kernel \
        "$build/tests/benchmark/pathlens-bench" resources/models/resnet110-fashion.pt "$PWD/gpu-carry/fashion-mnist" \
        --device cuda --limit 2000 --live 500 --sweep-limit 1000 --no-naive > "$out/ncu.txt" 2>&1
    say "ncu (exit $?): $(wc -l < "$out/ncu.txt") lines in ncu.txt"
fi
