// The cores other processes leave free (core/private/freecores.h): the parsing and rounding, and
// a real busy process seen as one.

#include "private/freecores.h"

#include "testhelpers.h"

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

using namespace pathlens;

class TestFreeCores final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void busyTicksLeaveOutIdleAndIowait()
    {
        // user nice system idle iowait irq softirq steal guest guest_nice
        QCOMPARE(busyTicks("cpu  100 20 30 400 50 6 7 8 0 0\n"), 171.0);
        QCOMPARE(busyTicks("cpu  1 2 3 4\n"), 6.0); // old kernels have four fields
        QVERIFY(busyTicks("intr 12345") < 0);
        QVERIFY(busyTicks("") < 0);
    }

    void threadsFollowTheFreeCores()
    {
        QCOMPARE(threadsForFreeCores(2.0, 2), 2);
        QCOMPARE(threadsForFreeCores(1.8, 2), 2);  // a little background load keeps both
        QCOMPARE(threadsForFreeCores(1.6, 2), 1);  // a busy neighbour's core is not taken
        QCOMPARE(threadsForFreeCores(1.0, 2), 1);
        QCOMPARE(threadsForFreeCores(0.0, 2), 1);  // at least one
        QCOMPARE(threadsForFreeCores(15.9, 8), 8); // at most the wanted
        QCOMPARE(threadsForFreeCores(3.0, 0), 1);
    }

    // A child process that spins takes a core from this one: the measurement says so within a
    // second. (Other tests running beside this one can only lower the free cores further.)
    void aBusyProcessTakesACore()
    {
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0)
            for (volatile unsigned long spin = 0;; spin = spin + 1) {
            }
        FreeCores &cores = FreeCores::instance();
        const double before = cores.now(); // starts the interval
        std::this_thread::sleep_for(std::chrono::milliseconds(1200));
        const double during = cores.now();
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
        const double machine = double(std::max(1u, std::thread::hardware_concurrency()));
        QVERIFY(before >= 1 && before <= machine);
        QVERIFY2(during <= std::max(1.0, machine - 0.5), qPrintable(QString("free cores %1 of %2").arg(during).arg(machine)));
    }
};

QTEST_APPLESS_MAIN(TestFreeCores)
#include "tst_freecores.moc"
