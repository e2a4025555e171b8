#include "engine.h"
#include "error.h"

#include "testhelpers.h"

using namespace pathlens;

namespace {

// The bundled, trained plain-15 on the first 128 Fashion-MNIST test images (one batch): a real
// network whose accuracy means something, small enough for two CPU cores.
struct Setup
{
    std::shared_ptr<Network> network = Network::load(std::string(PATHLENS_MODELS_DIR) + "/plain15-fashion.pt");
    Dataset data = [] {
        Dataset all = loadDataset(testing::fashionMnist());
        truncate(all, 128);
        return all;
    }();
};

EngineOptions onCpu(Precision precision)
{
    EngineOptions options;
    options.device = DeviceChoice::Cpu;
    options.batchSize = 128;
    options.precision = precision;
    return options;
}

} // namespace

class TestPrecision final : public QObject
{
    Q_OBJECT

    std::unique_ptr<Setup> m_setup;

private Q_SLOTS:
    void initTestCase() { m_setup = std::make_unique<Setup>(); }

    void namesRoundTrip()
    {
        for (Precision precision : {Precision::Fp32, Precision::Tf32, Precision::Bf16})
            QVERIFY(parsePrecision(precisionName(precision)) == precision);
        PL_EXPECT_ERROR(parsePrecision("fp16"), "unknown precision 'fp16'", "fp32, tf32 or bf16");
    }

    void tf32IsRefusedOnTheCpu()
    {
        const Setup &setup = *m_setup;
        PL_EXPECT_ERROR(Engine(setup.network, setup.data, onCpu(Precision::Tf32)), "tf32", "only on CUDA", "the CPU",
                        "--precision fp32 or bf16");
    }

    void fp32IsTheDefaultAndExact()
    {
        QVERIFY(EngineOptions().precision == Precision::Fp32);
        const Setup &setup = *m_setup;
        Engine engine(setup.network, setup.data, onCpu(Precision::Fp32));
        QVERIFY(engine.precision() == Precision::Fp32);
        const EvalResult result = engine.evaluate({identityArrangement(setup.network->blockCount())});
        QVERIFY(!result.precisionCheck);  // nothing to compare: this is the reference
        QVERIFY(engine.notice().empty()); // and nothing to warn about
    }

    // LibTorch 1.13 runs bfloat16 convolutions on this CPU (oneDNN): bf16 is allowed here, and
    // every evaluation says how far it is from fp32.
    void bf16RunsOnTheCpuAndSaysHowFarFromFp32()
    {
        const Setup &setup = *m_setup;
        const int n = setup.network->blockCount();
        const std::vector<Arrangement> arrangements{identityArrangement(n), withDeleted(identityArrangement(n), {4})};
        Engine exact(setup.network, setup.data, onCpu(Precision::Fp32));
        const EvalResult reference = exact.evaluate(arrangements);
        Engine reduced(setup.network, setup.data, onCpu(Precision::Bf16));
        QVERIFY(reduced.precision() == Precision::Bf16);
        const EvalResult result = reduced.evaluate(arrangements);
        QCOMPARE(result.images, int64_t(128));
        QVERIFY(result.precisionCheck.has_value());
        const EvalResult::PrecisionCheck check = *result.precisionCheck;
        QCOMPARE(check.images, int64_t(128));
        // The check's fp32 number is the fp32 engine's, and its bf16 number the bf16 run's, exactly.
        QCOMPARE(check.fp32, reference.accuracy[0]);
        QCOMPARE(check.reduced, result.accuracy[0]);
        // bfloat16 keeps 8 bits of mantissa: a few of 128 predictions may change (2.5% = 3 of
        // them allowed), the trained network stays far above chance (10%).
        for (size_t i = 0; i < arrangements.size(); ++i) {
            qInfo("arrangement %zu: fp32 %.4f, bf16 %.4f", i, reference.accuracy[i], result.accuracy[i]);
            PL_COMPARE_NEAR(result.accuracy[i], reference.accuracy[i], 0.025);
        }
        QVERIFY(reference.accuracy[0] > 0.85);
        const std::string notice = reduced.notice();
        QVERIFY2(notice.find("bf16 arithmetic: the unedited network scores") != std::string::npos
                     && notice.find("in fp32") != std::string::npos && notice.find("percentage points apart") != std::string::npos,
                 notice.c_str());
        // Logits in bf16 stay close to fp32's, returned as floats.
        const auto exactLogits = exact.logits(identityArrangement(n), 0, 16);
        const auto reducedLogits = reduced.logits(identityArrangement(n), 0, 16);
        QCOMPARE(reducedLogits.size(), exactLogits.size());
        double worst = 0, largest = 0;
        for (size_t i = 0; i < exactLogits.size(); ++i) {
            worst = std::max(worst, double(std::abs(exactLogits[i] - reducedLogits[i])));
            largest = std::max(largest, double(std::abs(exactLogits[i])));
        }
        QVERIFY2(worst > 0, "bf16 logits equal fp32's bit for bit: the network did not run in bf16");
        QVERIFY2(worst < 0.1 * largest, qPrintable(QStringLiteral("bf16 logits differ by %1 of %2").arg(worst).arg(largest)));
    }

    void aCancelledOrRepeatedRunIsNotCheckedTwice()
    {
        const Setup &setup = *m_setup;
        Engine reduced(setup.network, setup.data, onCpu(Precision::Bf16));
        const Arrangement unedited = identityArrangement(setup.network->blockCount());
        const EvalResult first = reduced.evaluate({unedited}, 0, 32);
        QVERIFY(first.precisionCheck.has_value());
        QCOMPARE(first.precisionCheck->images, int64_t(32));
        const EvalResult again = reduced.evaluate({unedited}, 0, 32); // the same range: the stored check
        QVERIFY(again.precisionCheck.has_value());
        QCOMPARE(again.precisionCheck->fp32, first.precisionCheck->fp32);
        CancelToken cancel;
        cancel.cancel();
        const EvalResult cancelled = reduced.evaluate({unedited}, 0, -1, {}, &cancel);
        QVERIFY(cancelled.cancelled);
        QVERIFY(!cancelled.precisionCheck); // no images evaluated: nothing to compare
    }
};

QTEST_APPLESS_MAIN(TestPrecision)
#include "tst_precision.moc"
