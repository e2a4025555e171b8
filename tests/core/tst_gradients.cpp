// Gradient per path length (DESIGN.md section 5) against an independent computation in PyTorch.

#include "engine_impl.h"
#include "error.h"
#include "gradients.h"
#include "paths.h"

#include "testhelpers.h"

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
        const at::Tensor ours = pathGradient(network->impl(), refs.attr("input").toTensor(),
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
