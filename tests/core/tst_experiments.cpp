#include "error.h"
#include "experiments.h"
#include "predictors.h"

#include "testhelpers.h"

#include <cmath>

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

        // Every sample says which blocks it changed: k deleted ones, or those that two swaps moved.
        for (const SweepPoint &point : sweep.points) {
            QCOMPARE(point.touched.size(), point.accuracies.size());
            for (const auto &touched : point.touched)
                QCOMPARE(int(touched.size()), point.k);
        }
        for (const auto &touched : reorder.points[2].touched)
            QVERIFY(touched.size() <= 4 && touched.size() != 1);
    }

    // A running sweep's plot (sweepSoFar) shows each sample as soon as the engine has counted it:
    // from the last report, exactly the finished sweep; from a report with only some samples
    // counted, those samples with their counts, and NaN where a point has none yet.
    void sweepSoFarFromProgress()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        Dataset data = loadDataset(testing::fashionMnist());
        truncate(data, 256);
        EngineOptions options;
        options.batchSize = 64;
        Engine engine(network, data, options);
        for (const SweepPlan &plan : {deleteKPlan(engine.info(), 7, 3, 42), reorderPlan(engine.info(), 4, 3, 42)}) {
            QCOMPARE(int(plan.arrangements.size()), 1 + (plan.points - 1) * 3);
            std::vector<EvalProgress> reports;
            const SweepResult finished = runSweep(engine, plan, [&](const EvalProgress &p) { reports.push_back(p); });
            QVERIFY(reports.size() >= 4); // one per batch at least
            const SweepResult last = sweepSoFar(plan, reports.back());
            QCOMPARE(last.baseline, finished.baseline);
            QCOMPARE(last.points.size(), finished.points.size());
            for (size_t k = 0; k < finished.points.size(); ++k) {
                QVERIFY(last.points[k].accuracies == finished.points[k].accuracies);
                QVERIFY(last.points[k].taus == finished.points[k].taus);
                QCOMPARE(last.points[k].mean, finished.points[k].mean);
            }
            // The first batch done: every sample on its 64 images.
            const SweepResult firstBatch = sweepSoFar(plan, reports.front());
            QCOMPARE(reports.front().imagesDone, int64_t(64));
            QCOMPARE(firstBatch.baseline, double(reports.front().correct[0]) / 64.0);
            QCOMPARE(firstBatch.points[3].accuracies.size(), size_t(3));

            // Only some samples counted (as within a batch): the unit u is entry u + 1.
            EvalProgress some = reports.back();
            some.imagesCounted.assign(some.imagesCounted.size(), 0);
            some.imagesCounted[0] = 256;     // the original
            some.imagesCounted[1 + 4] = 256; // unit 4: k = 2, sample 0
            some.imagesCounted[1 + 5] = 128; // unit 5: k = 2, sample 1, on half the images
            some.correctCounted[1 + 5] = 100;
            const SweepResult partial = sweepSoFar(plan, some);
            QCOMPARE(partial.baseline, finished.baseline);
            QCOMPARE(partial.points[2].accuracies,
                     (std::vector<double>{finished.points[2].accuracies[0], 100.0 / 128.0}));
            QCOMPARE(partial.points[2].sampleIndices, (std::vector<int>{0, 1}));
            QVERIFY(std::isnan(partial.points[1].mean));
            QVERIFY(partial.points[1].accuracies.empty());
            QVERIFY(std::isnan(partial.points[3].mean));
        }
        // A report that counts nothing per arrangement (a single evaluation's) draws nothing.
        const SweepPlan plan = deleteKPlan(engine.info(), 2, 1, 1);
        EvalProgress none;
        const SweepResult nothing = sweepSoFar(plan, none);
        QVERIFY(std::isnan(nothing.baseline));
        QVERIFY(std::all_of(nothing.points.begin(), nothing.points.end(), [](const SweepPoint &p) { return p.accuracies.empty(); }));
    }

    // Two groups, not one mean: samples that touched a critical block against those that did not.
    void samplesSplitByCriticalBlocks()
    {
        QVERIFY(touchedBlocks(identityArrangement(4)).empty());
        QCOMPARE(touchedBlocks(withDeleted(identityArrangement(4), {2, 0})), (std::vector<int>{0, 2}));
        QCOMPARE(touchedBlocks(withOrder(identityArrangement(4), {0, 2, 1, 3})), (std::vector<int>{1, 2}));

        // Deleting block 0 costs 60 points, block 2 exactly 10 (not more than 10), block 3 11.
        QCOMPARE(criticalBlocks(0.9, {0, 1, 2, 3}, {0.3, 0.89, 0.8, 0.79}), (std::vector<int>{0, 3}));

        SweepPoint point;
        point.accuracies = {0.30, 0.34, 0.90, 0.88, 0.86};
        point.touched = {{0, 5}, {0, 7}, {4, 5}, {6, 7}, {5, 6}};
        summarise(point);
        PL_COMPARE_NEAR(point.mean, 0.656, 1e-12);
        PL_COMPARE_NEAR(point.standardError, point.std / std::sqrt(5.0), 1e-12);
        const CriticalSplit split = splitByCritical(point, {0});
        QCOMPARE(split.touching.samples, 2);
        PL_COMPARE_NEAR(split.touching.mean, 0.32, 1e-12);
        PL_COMPARE_NEAR(split.touching.standardError, std::sqrt(0.0008) / std::sqrt(2.0), 1e-12); // sd of {0.30, 0.34}
        QCOMPARE(split.sparing.samples, 3);
        PL_COMPARE_NEAR(split.sparing.mean, 0.88, 1e-12);
        PL_COMPARE_NEAR(split.sparing.standardError, 0.02 / std::sqrt(3.0), 1e-12); // sd of {0.90, 0.88, 0.86}
        const CriticalSplit none = splitByCritical(point, {});
        QCOMPARE(none.touching.samples, 0);
        QCOMPARE(none.sparing.samples, 5);
    }

    // Per-class counts and predictions of a real single-deletion study agree with the totals and
    // with the logits, and the ensemble reading is consistent with them.
    void singleDeletionsPerClassOnRealData()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        Dataset data = loadDataset(testing::fashionMnist());
        truncate(data, 200);
        Engine engine(network, data);
        const int classes = engine.info().classCount;
        const SingleDeletions plan = singleDeletions(engine.info());
        const EvalResult counted = engine.evaluate(plan.arrangements);
        const EvalResult study = engine.evaluatePredictions(plan.arrangements);
        QVERIFY(counted.predictions.empty()); // kept only when asked for
        QVERIFY(study.correct == counted.correct);
        QVERIFY(study.classCorrect == counted.classCorrect);
        const std::vector<int64_t> labels = engine.labels();
        QVERIFY(labels == std::vector<int64_t>(data.labels.begin(), data.labels.end()));
        const ClassCounts expectedImages = classCounts(Predictions(labels.begin(), labels.end()), labels, classes);
        QVERIFY(study.classImages == expectedImages.images);
        QCOMPARE(study.predictions.size(), plan.arrangements.size());
        for (size_t a = 0; a < plan.arrangements.size(); ++a) {
            QCOMPARE(int64_t(study.predictions[a].size()), study.images);
            const ClassCounts counts = classCounts(study.predictions[a], labels, classes);
            QVERIFY(counts.correct == study.classCorrect[a]);
            QCOMPARE(countCorrect(study.predictions[a], labels), study.correct[a]);
        }
        // The predictions are the arg max of the logits (checked on images 37..52 of one variant).
        const std::vector<float> logits = engine.logits(plan.arrangements[3], 37, 16);
        for (int i = 0; i < 16; ++i) {
            const auto row = logits.begin() + i * classes;
            QCOMPARE(int(std::max_element(row, row + classes) - row), int(study.predictions[3][37 + i]));
        }
        // A part of the images: per-class counts and predictions cover exactly those.
        const EvalResult part = engine.evaluatePredictions({plan.arrangements[0]}, 50, 30);
        QCOMPARE(part.predictions[0].size(), size_t(30));
        QVERIFY(part.predictions[0] == Predictions(study.predictions[0].begin() + 50, study.predictions[0].begin() + 80));
        QVERIFY(part.classImages == classCounts(Predictions(labels.begin() + 50, labels.begin() + 80),
                                                engine.labels(50, 30), classes).images);

        const EnsembleReading reading = singleDeletionEnsemble(plan, study, labels, classes);
        QCOMPARE(reading.disagreement.size(), plan.arrangements.size());
        QCOMPARE(reading.fullCorrect, study.correct[0]);
        for (size_t a = 0; a < reading.disagreement.size(); ++a) {
            QCOMPARE(reading.disagreement[a][a], 0.0);
            // Two variants that disagree on d images differ in accuracy by at most d images.
            for (size_t b = 0; b < reading.disagreement.size(); ++b)
                QVERIFY(std::abs(double(study.correct[a] - study.correct[b])) <= reading.disagreement[a][b] * 200 + 1e-9);
        }
        QCOMPARE(reading.majorityCorrect, countCorrect(majorityVote(std::vector<Predictions>(study.predictions.begin() + 1,
                                                                                           study.predictions.end()),
                                                                    study.predictions[0], classes),
                                                       labels));
        PL_EXPECT_ERROR(singleDeletionEnsemble(plan, counted, labels, classes), "needs the predictions");
    }

    // delete-k --kind: random deletions pick only units of the kind (any case); a kind the
    // network lacks is refused with the kinds it has.
    void deletionsOfOneKind()
    {
        const auto network = Network::load(testing::fixture("roles_timm_vit.pt"));
        const NetworkInfo info = network->describe(network->defaultInputShape());
        QCOMPARE(int(info.blocks.size()), 8); // 4 layers, attention and MLP each
        const std::vector<int> attention = deletableBlocks(info, false, "Attention");
        QVERIFY(attention == (std::vector<int>{0, 2, 4, 6}));
        QVERIFY(deletableBlocks(info, false, "mlp") == (std::vector<int>{1, 3, 5, 7}));
        std::mt19937_64 random(3);
        for (int trial = 0; trial < 20; ++trial) {
            const Arrangement deleted = deleteRandomBlocks(info, identityArrangement(8), 2, random, false, "MLP");
            QCOMPARE(activeCount(deleted), 6);
            for (const Slot &slot : deleted)
                QVERIFY(slot.active || info.blocks[slot.block].unit == "MLP");
        }
        PL_EXPECT_ERROR(deleteRandomBlocks(info, identityArrangement(8), 5, random, false, "attention"), "only 4");
        PL_EXPECT_ERROR(deletableBlocks(info, false, "convolution"), "roles_timm_vit.pt", "\"convolution\"",
                        "MLP, attention");
    }

    // The predictors meet the deletions run by run: a run without a similarity (its shape changes)
    // or without a number (it cannot be deleted) is left out, the rest paired in order.
    void predictorsPairRunsWithTheirDeletions()
    {
        LesionResult lesion;
        lesion.images = 100;
        lesion.baseline = 0.90;
        for (int i = 0; i < 5; ++i)
            lesion.blocks.push_back({i, "b" + std::to_string(i), 0, false, 0.90 - 0.01 * i, 90 - i});
        lesion.blocks[3].accuracy = std::numeric_limits<double>::quiet_NaN(); // cannot be deleted
        Similarities similarities;
        similarities.images = 100;
        const double cosines[] = {0.99, 0.5, 0.9, 0.8, 0.7};
        for (int i = 0; i < 5; ++i) {
            RunSimilarity run;
            run.first = i;
            run.comparable = i != 1; // block 1 changes the shape
            if (run.comparable) {
                run.meanCosine = cosines[i];
                run.angularDistance = std::acos(cosines[i]) / M_PI;
            }
            similarities.runs.push_back(run);
        }
        const PredictorResult result = predictorResult(lesion, similarities);
        QCOMPARE(int(result.rows.size()), 3);
        QCOMPARE(result.rows[0].first, 0);
        QCOMPARE(result.rows[1].first, 2);
        QCOMPARE(result.rows[2].first, 4);
        PL_COMPARE_NEAR(result.rows[2].blockInfluence, 0.3, 1e-12);
        PL_COMPARE_NEAR(result.rows[2].cost, 0.04, 1e-12);
        // Influence 0.01, 0.1, 0.3 against cost 0, 0.02, 0.04: the same order.
        PL_COMPARE_NEAR(result.influenceVsCost.rho, 1.0, 1e-12);
        QCOMPARE(result.influenceVsCost.pairs, 3);
        QCOMPARE(result.pickedRun, 0);   // the smallest angular distance
        QCOMPARE(result.cheapestRun, 0); // and the cheapest deletion
        similarities.span = 2;
        PL_EXPECT_ERROR(predictorResult(lesion, similarities), "measured differently");
    }
};

QTEST_APPLESS_MAIN(TestExperiments)
#include "tst_experiments.moc"
