#include "error.h"
#include "experiments.h"

#include "testhelpers.h"

#include <algorithm>
#include <numeric>

using namespace pathlens;

namespace {

double directKendallTau(const std::vector<int> &order)
{
    const size_t n = order.size();
    int64_t concordant = 0;
    int64_t discordant = 0;
    for (size_t i = 0; i < n; ++i)
        for (size_t j = i + 1; j < n; ++j)
            (order[i] < order[j] ? concordant : discordant) += 1;
    return double(concordant - discordant) / (double(n) * double(n - 1) / 2.0);
}

Arrangement fromOrder(const std::vector<int> &order)
{
    Arrangement arrangement;
    for (int block : order)
        arrangement.push_back({block, true});
    return arrangement;
}

} // namespace

class TestExperiments final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kendallTauMatchesDirectCount()
    {
        std::mt19937_64 random(11);
        for (int n : {2, 3, 10, 54, 101}) {
            std::vector<int> order(n);
            std::iota(order.begin(), order.end(), 0);
            QCOMPARE(kendallTau(fromOrder(order)), 1.0);
            std::reverse(order.begin(), order.end());
            QCOMPARE(kendallTau(fromOrder(order)), -1.0);
            for (int trial = 0; trial < 20; ++trial) {
                std::shuffle(order.begin(), order.end(), random);
                PL_COMPARE_NEAR(kendallTau(fromOrder(order)), directKendallTau(order), 1e-12);
            }
        }
    }

    void deleteKAndReorderOnRealData()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        Dataset data = loadDataset(testing::fashionMnist());
        truncate(data, 256);
        Engine engine(network, data);
        const NetworkInfo &info = engine.info();
        const auto deletable = deletableBlocks(info, false);
        QCOMPARE(int(deletable.size()), 7); // 9 blocks, 2 downsampling
        QCOMPARE(int(deletableBlocks(info, true).size()), 9);

        std::mt19937_64 random(1);
        for (int trial = 0; trial < 50; ++trial) {
            const Arrangement deleted = deleteRandomBlocks(info, identityArrangement(9), 3, random);
            QCOMPARE(activeCount(deleted), 6);
            for (const Slot &slot : deleted)
                QVERIFY(slot.active || !info.blocks[slot.block].downsampling);
            const Arrangement swapped = swapRandomPairs(info, identityArrangement(9), 4, random);
            QVERIFY2(!whyInvalid(info, swapped), describe(swapped).c_str());
        }
        PL_EXPECT_ERROR(deleteRandomBlocks(info, identityArrangement(9), 8, random), "only 7");

        const SweepResult sweep = deleteKSweep(engine, 7, 3, 42);
        QCOMPARE(int(sweep.points.size()), 8);
        QCOMPARE(int(sweep.points[0].accuracies.size()), 1);
        QCOMPARE(sweep.points[0].mean, sweep.baseline); // k = 0 is the original, exactly
        QCOMPARE(sweep.baseline, engine.evaluate({identityArrangement(9)}).accuracy[0]);
        QCOMPARE(int(sweep.points[3].accuracies.size()), 3);
        QVERIFY(sweep.points[7].std == 0.0); // deleting all 7 deletable blocks leaves one arrangement
        const SweepResult again = deleteKSweep(engine, 7, 3, 42);
        for (size_t k = 0; k < sweep.points.size(); ++k)
            QVERIFY(again.points[k].accuracies == sweep.points[k].accuracies);

        const SweepResult reorder = reorderSweep(engine, 4, 3, 42);
        QCOMPARE(reorder.points[0].mean, reorder.baseline);
        QVERIFY(reorder.points[0].taus == std::vector<double>{1.0});
        for (const SweepPoint &point : reorder.points)
            for (double tau : point.taus)
                QVERIFY(tau <= 1.0 && tau >= -1.0);
        QVERIFY(*std::min_element(reorder.points[4].taus.begin(), reorder.points[4].taus.end()) < 1.0);
    }
};

QTEST_APPLESS_MAIN(TestExperiments)
#include "tst_experiments.moc"
