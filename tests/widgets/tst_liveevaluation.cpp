// LiveEvaluation's state machine with a fake evaluator (no model, no LibTorch): the original
// first, latest request wins, cancellation, the result cache, and errors of any type.

#include "engine.h"
#include "liveevaluation.h"
#include "remainingtime.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <memory>
#include <mutex>
#include <new>
#include <thread>

using namespace pathlens;

namespace {

// Accuracy = active blocks / 100, in 10 "batches" of a few milliseconds each; it can be held at
// its first batch until released, and it records what it was asked and whether it saw a cancel.
struct Fake
{
    std::atomic<int> calls{0};
    std::atomic<int> cancelled{0};
    std::atomic<bool> hold{false};
    std::atomic<bool> running{false};
    std::atomic<bool> throwing{false};
    std::mutex mutex;
    std::vector<Arrangement> seen;

    Evaluator evaluator()
    {
        return [this](const Arrangement &arrangement, const EvaluationProgress &progress, const CancelToken &cancel) {
            ++calls;
            {
                std::lock_guard<std::mutex> lock(mutex);
                seen.push_back(arrangement);
            }
            if (throwing)
                throw std::bad_alloc();
            running = true;
            const double accuracy = activeCount(arrangement) / 100.0;
            EvaluationOutcome outcome{accuracy, 100, 0.01, false};
            for (int batch = 1; batch <= 10; ++batch) {
                while (hold && !cancel.cancelled())
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                if (cancel.cancelled()) {
                    ++cancelled;
                    outcome.cancelled = true;
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(3));
                progress(qint64(accuracy * batch * 10), batch * 10, 100);
            }
            running = false;
            return outcome;
        };
    }
};

constexpr int blocks = 6;

Arrangement deleted(std::initializer_list<int> which)
{
    Arrangement arrangement = identityArrangement(blocks);
    for (int block : which)
        arrangement[size_t(block)].active = false;
    return arrangement;
}

} // namespace

class TestLiveEvaluation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A measurement whose engine takes 10 s to build and then works at a steady 1% a second: the
    // time left counts down with the clock. Estimated from the whole time so far, it read 166 s
    // at 20 s and 160 s at 30 s.
    void remainingTimeCountsDown()
    {
        RemainingTime remaining;
        remaining.start();
        QCOMPARE(remaining.textAt(3, 0), QStringLiteral("3 s elapsed"));
        auto left = [&](double seconds) {
            const QString text = remaining.textAt(seconds, 0.01 * (seconds - 10));
            return text.section(QStringLiteral("about "), 1).section(QLatin1Char(' '), 0, 0).toDouble();
        };
        left(11); // the first report
        for (double seconds : {20.0, 30.0, 60.0, 100.0})
            QCOMPARE(left(seconds), 110 - seconds); // exact: the rate is steady
    }

    // Three edits while the original is measured: the original, then only the last edit, and one
    // finished number, for the last edit.
    void originalFirstThenLatestWins()
    {
        Fake fake;
        LiveEvaluation live;
        live.setEvaluator(fake.evaluator(), blocks, 100);
        QSignalSpy finished(&live, &LiveEvaluation::finished);
        QSignalSpy original(&live, &LiveEvaluation::originalMeasured);
        fake.hold = true;
        live.request(deleted({1}), 1);
        live.request(deleted({1, 2}), 2);
        live.request(deleted({1, 2, 3}), 3);
        fake.hold = false;
        QVERIFY(finished.wait(5000));
        QTest::qWait(100); // nothing else arrives
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toInt(), 3);
        QCOMPARE(finished.first().at(1).toDouble(), 0.03);
        QCOMPARE(finished.first().at(4).toBool(), false);
        QCOMPARE(original.count(), 1);
        QCOMPARE(original.first().at(0).toDouble(), 0.06);
        QCOMPARE(fake.calls.load(), 2);
        QVERIFY(fake.seen.front() == identityArrangement(blocks));
        QVERIFY(fake.seen.back() == deleted({1, 2, 3}));
        QVERIFY(live.lastTiming().finishedMs >= live.lastTiming().firstEstimateMs);
    }

    // A newer request cancels the one in flight at its next batch; only the newer one finishes.
    void newerRequestCancelsTheRunningOne()
    {
        Fake fake;
        LiveEvaluation live;
        live.setEvaluator(fake.evaluator(), blocks, 100);
        QSignalSpy finished(&live, &LiveEvaluation::finished);
        live.request(identityArrangement(blocks), 0);
        QVERIFY(finished.wait(5000));
        fake.hold = true;
        live.request(deleted({4}), 1);
        QTRY_VERIFY(fake.running);
        live.request(deleted({5}), 2);
        fake.hold = false;
        QVERIFY(finished.wait(5000));
        QTest::qWait(100);
        QCOMPARE(finished.count(), 2);
        QCOMPARE(finished.last().at(0).toInt(), 2);
        QCOMPARE(finished.last().at(1).toDouble(), 0.05);
        QCOMPARE(fake.cancelled.load(), 1);
    }

    // cancel(): the run stops at its next batch and nothing arrives, not even its estimates.
    void cancelDropsEverything()
    {
        Fake fake;
        LiveEvaluation live;
        live.setEvaluator(fake.evaluator(), blocks, 100);
        QSignalSpy finished(&live, &LiveEvaluation::finished);
        live.request(identityArrangement(blocks), 0);
        QVERIFY(finished.wait(5000));
        QSignalSpy estimates(&live, &LiveEvaluation::estimate);
        fake.hold = true;
        live.request(deleted({2}), 1);
        QTRY_VERIFY(fake.running);
        live.cancel();
        fake.hold = false;
        QTRY_COMPARE(fake.cancelled.load(), 1);
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(estimates.count(), 0);
        QVERIFY(!live.isRunning());
    }

    // Undo, redo and revisits: a known arrangement answers at once, from the cache, without a run;
    // a new evaluator (other images, device or model) starts an empty cache.
    void knownArrangementsAnswerAtOnce()
    {
        Fake fake;
        LiveEvaluation live;
        live.setEvaluator(fake.evaluator(), blocks, 100);
        QSignalSpy finished(&live, &LiveEvaluation::finished);
        live.request(deleted({1}), 1);
        QVERIFY(finished.wait(5000));
        const int runs = live.evaluationsStarted();
        QCOMPARE(runs, 2); // the original, then the edit

        live.request(identityArrangement(blocks), 2); // undo
        QCOMPARE(finished.count(), 2); // synchronously, no event loop needed
        QCOMPARE(finished.last().at(1).toDouble(), 0.06);
        QCOMPARE(finished.last().at(4).toBool(), true);
        live.request(deleted({1}), 3); // redo
        QCOMPARE(finished.count(), 3);
        QCOMPARE(finished.last().at(1).toDouble(), 0.05);
        QCOMPARE(live.evaluationsStarted(), runs);
        QCOMPARE(fake.calls.load(), 2);

        // A cached answer also wins over a run in flight: the run's number never arrives.
        fake.hold = true;
        live.request(deleted({3}), 4);
        QTRY_VERIFY(fake.running);
        live.request(identityArrangement(blocks), 5);
        fake.hold = false;
        QTest::qWait(200);
        QCOMPARE(finished.count(), 4);
        QCOMPARE(finished.last().at(0).toInt(), 5);

        live.setEvaluator(fake.evaluator(), blocks, 100);
        QVERIFY(!live.isCached(identityArrangement(blocks)));
        QCOMPARE(live.originalAccuracy(), -1.0);
    }

    // Any exception of the evaluator (std::bad_alloc here, c10::Error in the program) arrives as
    // a failure message, never out of a Qt slot.
    void exceptionsBecomeFailures()
    {
        Fake fake;
        fake.throwing = true;
        LiveEvaluation live;
        live.setEvaluator(fake.evaluator(), blocks, 100);
        QSignalSpy failed(&live, &LiveEvaluation::failed);
        live.request(identityArrangement(blocks), 0);
        QVERIFY(failed.wait(5000));
        QVERIFY(!failed.first().at(0).toString().isEmpty());
        QVERIFY(!live.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestLiveEvaluation)
#include "tst_liveevaluation.moc"
