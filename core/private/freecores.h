#pragma once

// Private to core and its tests: how many cores other processes leave to this one (issue 27).
//
// Measured beside one busy process (`yes > /dev/null`) on 2 cores, a single-deletion sweep of the
// bundled ResNet-110 over 300 images took 14.0 s quiet with 2 threads, 58.3 s busy with 2 threads,
// 25.4 s busy with 1 thread and 27.4 s busy with 2 threads and OMP_WAIT_POLICY=passive: the time
// went to OpenMP's threads spinning at barriers for a core the other process held. So the engine
// uses no more threads than there are cores free, re-measured while it runs.

#include <chrono>
#include <mutex>

namespace pathlens {

// CPU time in seconds: all processes' (from /proc/stat) and this process's own.
struct CpuTimes
{
    double allBusy = 0;
    double own = 0;
    std::chrono::steady_clock::time_point when;
};

// The busy time of all processes in /proc/stat's first line ("cpu  user nice system idle iowait
// irq softirq steal ..."), in clock ticks: everything but idle and iowait. Negative when the line
// cannot be read.
double busyTicks(const char *statLine);

// Threads to use when `freeCores` cores are free: at least one, at most `wanted`. A core counts
// from three quarters free (a core half used by a video call is worth no second spinning thread).
int threadsForFreeCores(double freeCores, int wanted);

// Process-wide: the cores that other processes left free over the last interval of at least half a
// second (the whole machine's cores until the first interval has passed, or where /proc/stat is
// unreadable). Thread-safe.
class FreeCores
{
public:
    static FreeCores &instance();
    double now();
    // For tests of the engines' own sharing of threads, which another test's load beside them must
    // not change: this answer instead of the measurement (negative: measure again).
    void holdForTesting(double freeCores);

private:
    FreeCores();
    CpuTimes sample() const;

    std::mutex m_mutex;
    double m_machineCores; // all of the machine's, which /proc/stat counts
    int m_cores;           // those this process may run on
    double m_ticksPerSecond;
    CpuTimes m_last;
    double m_free = 1;
    double m_held = -1;
};

} // namespace pathlens
