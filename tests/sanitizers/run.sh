#!/bin/bash
# Builds core (and, for threads, widgets) and some of their Qt Test executables with a sanitizer
# in their own build tree and runs them; any sanitizer report fails. CTest's `sanitizers` and
# `thread_sanitizer` tests run it; by hand:
#   bash tests/sanitizers/run.sh [SOURCE_DIR [BUILD_DIR [FIXTURES_DIR [address|thread]]]]
#   (defaults: ., build/asan, build/fixtures, address; the fixtures come from CTest's make_fixtures)
set -uo pipefail
src=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
build=${2:-$src/build/asan}
fixtures=${3:-$src/build/fixtures}
mode=${4:-address}
start=$SECONDS

if [ "$mode" = address ]; then
    # The core tests that run under AddressSanitizer + UndefinedBehaviorSanitizer: the parsers,
    # the model loader and the pure logic. Left out for time: tst_engine and tst_experiments
    # (inference: every LibTorch tensor is allocated and freed through ASan's allocator, which
    # made tst_engine take minutes instead of seconds), tst_training, tst_gradients and
    # tst_bundled (the same, longer). The tree builds only the engine's part of core (all that
    # these tests and tst_engine need); for the others, all of core:
    #   cmake -B build/asan -DPATHLENS_SANITIZE_WHOLE_CORE=ON && ninja -C build/asan tst_training
    option=-DPATHLENS_SANITIZE=ON
    targets=(tst_paths tst_arrangement tst_dataset tst_network)
    runs=("tst_paths" "tst_arrangement" "tst_dataset" "tst_network")
    # detect_leaks=0: LibTorch and Qt are not instrumented and keep allocations alive until exit
    # (operator registries, thread pools, Qt's global statics); LeakSanitizer would report those
    # as leaks, while what we look for here are memory errors in our own code.
    export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:check_initialization_order=1:strict_init_order=1
    # halt_on_error: with -fno-sanitize-recover=undefined already fatal; print_stacktrace names the line.
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
elif [ "$mode" = thread ]; then
    # Core's code that runs on several threads at once: engines built while another evaluates
    # (the per-device copies of the weights) and engines sharing their thread budget.
    # ThreadSanitizer sees the accesses of what this tree compiles, not those inside LibTorch (not
    # instrumented): a race in our own state is found, one inside LibTorch is not, and tst_engine
    # checks that kind by its effect (enginesBuiltDuringAnEvaluationChangeNothing).
    # Not the widgets: Debian's Qt is not instrumented, but its headers annotate QMutex::lock for
    # ThreadSanitizer while the unlock inside libQt6Core is not, so every QMutexLocker is reported
    # as a double lock, and what Qt's thread pool hands between threads as a race (tried with
    # tst_liveevaluation and tst_mainwindow: reports in Qt's own templates only).
    option=-DPATHLENS_SANITIZE_THREAD=ON
    targets=(tst_engine)
    runs=("tst_engine enginesBuiltDuringAnEvaluationChangeNothing enginesAtWorkShareTheirThreads")
    # Suppressed: only reports from inside libraries this tree does not compile (tsan.supp).
    export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$src/tests/sanitizers/tsan.supp"
else
    echo "sanitizers: unknown mode '$mode' (address or thread)" >&2
    exit 2
fi

# -O1: sanitizer reports with usable stacks at a fraction of the -O2 compile time.
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
      "$option" -DPATHLENS_FIXTURES_DIR="$fixtures" >"$build.configure.log" 2>&1 \
    || { cat "$build.configure.log"; exit 1; }
cmake --build "$build" --target "${targets[@]}" || exit 1
echo "sanitizers ($mode): built in $((SECONDS - start)) s"

export QT_QPA_PLATFORM=offscreen
status=0
for run in "${runs[@]}"; do
    read -r -a command <<<"$run"
    test=${command[0]}
    t0=$SECONDS
    if "$build/tests/$test" "${command[@]:1}" >"$build/$test.log" 2>&1; then
        echo "sanitizers ($mode): $test passed in $((SECONDS - t0)) s"
    else
        tail -80 "$build/$test.log"
        echo "sanitizers ($mode): $test FAILED (log: $build/$test.log)"
        status=1
    fi
done
echo "sanitizers ($mode): done in $((SECONDS - start)) s"
exit $status
