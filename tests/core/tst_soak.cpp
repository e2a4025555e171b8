// Long runs: the engine evaluates 2,000 random arrangements in a row, as a GUI session of rapid
// edits would; memory must not creep up and a repeated arrangement must give identical results.

#include "engine.h"

#include "testhelpers.h"

#include <QFile>

#include <cstring>
#include <random>

using namespace pathlens;

namespace {

// Resident memory of this process in KiB (VmRSS of /proc/self/status); -1 when unreadable.
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

// k random deletions (any block but the downsampling ones) and one random within-stage swap,
// valid by construction; checked by the engine anyway.
Arrangement randomArrangement(const NetworkInfo &info, std::mt19937 &random)
{
    const int n = int(info.blocks.size());
    Arrangement arrangement = identityArrangement(n);
    std::vector<int> order(n);
    for (int i = 0; i < n; ++i)
        order[i] = i;
    const int a = int(random() % n);
    const int b = int(random() % n);
    if (a != b && info.blocks[a].stage == info.blocks[b].stage && !info.blocks[a].downsampling
        && !info.blocks[b].downsampling)
        std::swap(order[a], order[b]);
    arrangement = withOrder(arrangement, order);
    std::vector<int> deleted;
    for (int i = 0; i < n; ++i)
        if (!info.blocks[i].downsampling && random() % 3 == 0)
            deleted.push_back(i);
    return withDeleted(arrangement, deleted);
}

} // namespace

class TestSoak final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoThousandArrangementsNeitherLeakNorDrift()
    {
        // The 9-block CIFAR-style fixture on 4 images in two batches, on one thread: each stored
        // activation is 100 KB or more, so a leak of one per batch would add 400 MB over the run,
        // far above the 10% allowed; the run takes about a minute of CPU time.
        Dataset data = loadDataset(testing::fashionMnist());
        truncate(data, 4);
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        EngineOptions options;
        options.device = DeviceChoice::Cpu;
        options.threads = 1;   // tiny batches gain nothing from more, and the results are deterministic
        options.batchSize = 2; // two batches per call, so the per-batch cache is exercised too
        Engine engine(network, data, options);
        const NetworkInfo &info = engine.info();

        std::mt19937 random(11);
        const Arrangement repeated = randomArrangement(info, random);
        const EvalResult firstResult = engine.evaluate({repeated});
        const std::vector<float> firstLogits = engine.logits(repeated, 0, data.size());

        constexpr int total = 2000;
        constexpr int settled = 100; // allocator pools and thread-local buffers have grown by then
        qint64 residentAfterSettling = 0;
        qint64 largestResident = 0;
        for (int i = 1; i <= total; ++i) {
            // Every 250th call repeats the first arrangement, between different ones, so that the
            // cached activations it resumes from were made by other arrangements.
            const bool repeat = i % 250 == 0;
            const Arrangement arrangement = repeat ? repeated : randomArrangement(info, random);
            const EvalResult result = engine.evaluate({arrangement});
            QCOMPARE(result.images, data.size());
            if (repeat)
                QVERIFY2(result.correct == firstResult.correct, qPrintable(QStringLiteral("call %1").arg(i)));
            if (i == settled)
                residentAfterSettling = residentKiB();
            if (i > settled)
                largestResident = std::max(largestResident, residentKiB());
        }
        QVERIFY(residentAfterSettling > 0);
        // Within 10% of the resident memory after the first 100 arrangements, to the end.
        QVERIFY2(largestResident <= residentAfterSettling * 11 / 10,
                 qPrintable(QStringLiteral("resident memory grew from %1 KiB after %2 arrangements to %3 KiB")
                                .arg(residentAfterSettling).arg(settled).arg(largestResident)));
        qInfo("resident memory: %lld KiB after %d arrangements, at most %lld KiB up to %d", residentAfterSettling,
              settled, largestResident, total);

        // Bitwise-equal logits for the repeated arrangement at the end of the run.
        const std::vector<float> lastLogits = engine.logits(repeated, 0, data.size());
        QCOMPARE(lastLogits.size(), firstLogits.size());
        QVERIFY(std::memcmp(lastLogits.data(), firstLogits.data(), lastLogits.size() * sizeof(float)) == 0);
        QVERIFY(engine.evaluate({repeated}).correct == firstResult.correct);
    }
};

QTEST_APPLESS_MAIN(TestSoak)
#include "tst_soak.moc"
