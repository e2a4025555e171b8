// Gradient per path length (DESIGN.md section 5) against an independent computation in PyTorch.

#include "private/engine_p.h"
#include "error.h"
#include "gradients.h"
#include "paths.h"

#include "testhelpers.h"

#include <cmath>
#include <random>

using namespace pathlens;

class TestGradients final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // For linear residual branches the gradient along a path is the product of the branches'
    // Jacobians (transposed) applied to the head's gradient; make_fixtures.py computes it with
    // conv_transpose2d, independently of the engine's block-wise back-propagation.
    void pathGradientIsTheProductOfJacobians_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QList<int>>("chosen");
        QTest::newRow("no residual branch") << "path_none" << QList<int>{};
        QTest::newRow("blocks 1 and 3") << "path_1_3" << QList<int>{1, 3};
        QTest::newRow("every block") << "path_all" << QList<int>{0, 1, 2, 3, 4};
    }

    void pathGradientIsTheProductOfJacobians()
    {
        QFETCH(QString, reference);
        QFETCH(QList<int>, chosen);
        const auto network = Network::load(testing::fixture("linear.pt"));
        torch::jit::Module refs = torch::jit::load(testing::fixture("linear.ref.pt"));
        const at::Tensor ours = pathGradient(NetworkAccess::of(*network), refs.attr("input").toTensor(),
                                             refs.attr("labels").toTensor(), identityArrangement(5),
                                             std::vector<int>(chosen.begin(), chosen.end()));
        const at::Tensor theirs = refs.attr(reference.toStdString()).toTensor();
        QCOMPARE(ours.sizes().vec(), theirs.sizes().vec());
        const double scale = theirs.abs().max().item<double>();
        QVERIFY(scale > 1e-2);
        const double difference = (ours - theirs).abs().max().item<double>();
        QVERIFY2(difference <= 1e-5 * scale, // float32 through up to five convolutions
                 qPrintable(QStringLiteral("max |difference| %1 for gradients up to %2").arg(difference).arg(scale)));
    }

    // A pure exponential decay, mean(k) = r^k, makes the total C(n, k) r^k proportional to the
    // Binomial(n, r / (1 + r)) distribution, so the central windows are its quantiles (computed
    // here from lgamma, independently of the path counts). n = 54, r = 0.25 (p = 0.2) is about the
    // paper's case: the 90% window spans about 10 lengths, the 95% about 12.
    void windowsOfAnExponentialDecayAreBinomialQuantiles()
    {
        const int n = 54;
        const double r = 0.25;
        const double p = r / (1 + r);
        auto quantile = [&](double q) {
            double cumulative = 0;
            for (int k = 0; k <= n; ++k) {
                cumulative += std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0)
                                       + k * std::log(p) + (n - k) * std::log(1 - p));
                if (cumulative >= q)
                    return k;
            }
            return n;
        };
        GradientResult exact;
        for (int k = 0; k <= n; ++k)
            exact.lengths.push_back(k);
        std::vector<double> decay(n + 1);
        for (int k = 0; k <= n; ++k)
            decay[k] = std::pow(r, k);
        exact.rounds = {0, 1, 2, 3, 4};
        exact.norms.assign(5, decay);
        summarise(exact);
        QCOMPARE(int(exact.windows.size()), 2);
        const EffectiveWindow &w90 = exact.windows[0];
        const EffectiveWindow &w95 = exact.windows[1];
        QCOMPARE(w90.from, quantile(0.05));
        QCOMPARE(w90.to, quantile(0.95));
        QCOMPARE(w95.from, quantile(0.025));
        QCOMPARE(w95.to, quantile(0.975));
        qInfo("n = 54, r = 0.25: 90%% window %d-%d, 95%% window %d-%d", w90.from, w90.to, w95.from, w95.to);
        QVERIFY(w90.to - w90.from >= 8 && w90.to - w90.from <= 11);
        QCOMPARE(exact.effectiveFrom, w90.from);
        QCOMPARE(exact.effectiveTo, w90.to);
        // Identical rounds: every resample is the same, so the intervals are the window itself.
        QCOMPARE(w90.fromLow, w90.from);
        QCOMPARE(w90.toHigh, w90.to);

        // Noisy rounds (8 of them, each length's sample off by a log-normal factor, sigma 0.8): the
        // bootstrap intervals contain the exact ends, and are wider than a point.
        GradientResult noisy = exact;
        std::mt19937_64 random(11);
        std::normal_distribution<double> noise(0.0, 0.8);
        noisy.rounds.clear();
        noisy.norms.clear();
        for (int round = 0; round < 8; ++round) {
            std::vector<double> sample(n + 1);
            for (int k = 0; k <= n; ++k)
                sample[k] = decay[k] * std::exp(noise(random));
            noisy.rounds.push_back(round);
            noisy.norms.push_back(sample);
        }
        summarise(noisy);
        for (int i = 0; i < 2; ++i) {
            const EffectiveWindow &w = noisy.windows[i];
            const EffectiveWindow &truth = exact.windows[i];
            QCOMPARE(w.resamples, 1000);
            QVERIFY2(w.fromLow <= truth.from && truth.from <= w.fromHigh && w.toLow <= truth.to && truth.to <= w.toHigh,
                     qPrintable(QStringLiteral("from %1 in [%2, %3], to %4 in [%5, %6]")
                                    .arg(truth.from).arg(w.fromLow).arg(w.fromHigh).arg(truth.to).arg(w.toLow).arg(w.toHigh)));
            QVERIFY(w.fromLow <= w.from && w.from <= w.fromHigh && w.toLow <= w.to && w.to <= w.toHigh);
            qInfo("noisy %g%% window %d [%d, %d] to %d [%d, %d]", 100 * w.coverage, w.from, w.fromLow, w.fromHigh, w.to,
                  w.toLow, w.toHigh);
            QVERIFY(w.fromHigh > w.fromLow || w.toHigh > w.toLow);
        }
    }

    void measuredCurveIsConsistent()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        Dataset data = loadDataset(testing::fashionMnist(), Split::Train);
        truncate(data, 512);
        Engine engine(network, data);
        GradientOptions options;
        options.samplesPerLength = 3;
        options.batchSize = 16;
        options.seed = 5;
        int calls = 0;
        const Arrangement arrangement = withDeleted(identityArrangement(9), {4});
        const GradientResult result = measureGradients(engine, arrangement, options,
                                                       [&](int done, int total, const GradientResult &) {
                                                           ++calls;
                                                           QCOMPARE(total, 3 * 9);
                                                           QCOMPARE(done, calls * 9);
                                                       });
        QCOMPARE(calls, 3);
        const int n = 8; // active blocks
        QCOMPARE(int(result.lengths.size()), n + 1);
        const auto counts = pathCounts(n);
        for (int k = 0; k <= n; ++k) {
            QCOMPARE(result.samples[k], 3);
            QVERIFY(std::isfinite(result.mean[k]) && result.mean[k] > 0);
            QVERIFY(result.std[k] >= 0);
            PL_COMPARE_NEAR(result.total[k], counts[k] * result.mean[k], 1e-9 * result.total[k]);
        }
        QVERIFY(result.effectiveFrom <= result.effectiveTo && result.effectiveTo <= n);
        PL_COMPARE_NEAR(result.effectiveShare, shareOfPaths(n, result.effectiveFrom, result.effectiveTo), 1e-15);

        // Same seed, same numbers.
        const GradientResult again = measureGradients(engine, arrangement, options);
        QVERIFY(again.mean == result.mean);
        options.seed = 6;
        QVERIFY(measureGradients(engine, arrangement, options).mean != result.mean);
    }
};

QTEST_APPLESS_MAIN(TestGradients)
#include "tst_gradients.moc"
