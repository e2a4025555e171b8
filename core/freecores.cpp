#include "private/freecores.h"

#include <sched.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <thread>

namespace pathlens {

double busyTicks(const char *statLine)
{
    unsigned long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    const int fields = std::sscanf(statLine, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &user, &nice, &system,
                                   &idle, &iowait, &irq, &softirq, &steal);
    if (fields < 4)
        return -1;
    return double(user + nice + system + irq + softirq + steal);
}

int threadsForFreeCores(double freeCores, int wanted)
{
    return std::clamp(int(std::floor(freeCores + 0.25)), 1, std::max(1, wanted));
}

FreeCores &FreeCores::instance()
{
    static FreeCores cores;
    return cores;
}

FreeCores::FreeCores()
    : m_machineCores(double(std::max(1u, std::thread::hardware_concurrency())))
    , m_cores(int(m_machineCores))
    , m_ticksPerSecond(double(sysconf(_SC_CLK_TCK)))
    , m_last(sample())
{
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) == 0) // e.g. a Slurm job's cores
        m_cores = std::min(m_cores, std::max(1, CPU_COUNT(&allowed)));
    m_free = m_cores;
}

CpuTimes FreeCores::sample() const
{
    CpuTimes times;
    times.when = std::chrono::steady_clock::now();
    times.allBusy = -1;
    if (FILE *stat = std::fopen("/proc/stat", "r")) {
        char line[512] = {};
        if (std::fgets(line, sizeof line, stat) && m_ticksPerSecond > 0) {
            const double ticks = busyTicks(line);
            times.allBusy = ticks < 0 ? -1 : ticks / m_ticksPerSecond;
        }
        std::fclose(stat);
    }
    timespec own{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &own);
    times.own = double(own.tv_sec) + 1e-9 * double(own.tv_nsec);
    return times;
}

void FreeCores::holdForTesting(double freeCores)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_held = freeCores;
}

double FreeCores::now()
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_held >= 0)
        return m_held;
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_last.when).count();
    if (elapsed < 0.5)
        return m_free;
    const CpuTimes current = sample();
    if (current.allBusy >= 0 && m_last.allBusy >= 0) {
        // The whole machine's busy time less this process's own (its spinning threads included).
        const double others = std::max(0.0, (current.allBusy - m_last.allBusy) - (current.own - m_last.own)) / elapsed;
        m_free = std::clamp(m_machineCores - others, 1.0, double(m_cores));
    }
    m_last = current;
    return m_free;
}

} // namespace pathlens
