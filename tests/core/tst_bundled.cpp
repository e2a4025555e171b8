// The bundled models (resources/models): each loads with no flags and reaches the accuracy its
// metadata states (measured on all 10,000 test images after training) on the first 2,000 test
// images, within 1.5 percentage points.

#include "engine.h"
#include "error.h"
#include "experiments.h"
#include "network.h"

#include "gradients.h"
#include "testhelpers.h"

#include <regex>

using namespace pathlens;

namespace {

double statedAccuracy(const std::string &metadata)
{
    std::smatch match;
    if (!std::regex_search(metadata, match, std::regex("\"test_accuracy\"\\s*:\\s*([0-9.]+)")))
        return -1;
    return std::stod(match[1]);
}

} // namespace

class TestBundledModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reachStatedAccuracy_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("blocks");
        QTest::newRow("pre-activation ResNet-110") << "resnet110-fashion.pt" << 54;
        QTest::newRow("stochastic depth") << "resnet110-sd-fashion.pt" << 54;
        QTest::newRow("plain control") << "plain15-fashion.pt" << 15;
    }

    void reachStatedAccuracy()
    {
        QFETCH(QString, file);
        QFETCH(int, blocks);
        const auto network = Network::load(std::string(PATHLENS_MODELS_DIR) + "/" + file.toStdString());
        QCOMPARE(network->blockCount(), blocks);
        const double stated = statedAccuracy(network->metadataJson());
        QVERIFY2(stated > 0.85, qPrintable(QStringLiteral("stated accuracy %1: not a trained model").arg(stated)));
        Dataset data = loadDataset(testing::fashionMnist());
        truncate(data, 2000);
        Engine engine(network, data);
        const EvalResult result = engine.evaluate({identityArrangement(blocks)});
        PL_COMPARE_NEAR(result.accuracy[0], stated, 0.015);
    }

    // The paper's plain control: every layer can be deleted (plain20 had two shape-changing layer
    // pairs that could not), and its one path runs through all of them.
    void plainControlCanDeleteEveryLayer()
    {
        Dataset data = loadDataset(testing::fashionMnist());
        truncate(data, 8);
        Engine engine(Network::load(std::string(PATHLENS_MODELS_DIR) + "/plain15-fashion.pt"), data);
        const NetworkInfo &info = engine.info();
        QVERIFY(info.plain);
        QCOMPARE(singleDeletions(info).blocks.size(), size_t(15));
        for (const BlockInfo &block : info.blocks)
            QVERIFY2(!block.downsampling, qPrintable(QString::fromStdString(block.name)));
    }

    // A plain network has no gradient per path length: a message, not LibTorch's autograd error.
    void plainControlHasNoPathGradients()
    {
        const std::string path = std::string(PATHLENS_MODELS_DIR) + "/plain15-fashion.pt";
        Dataset data = loadDataset(testing::fashionMnist(), Split::Train);
        truncate(data, 64);
        Engine engine(Network::load(path), data);
        PL_EXPECT_ERROR(measureGradients(engine, identityArrangement(15), GradientOptions{}), path.c_str(), "needs shortcuts");
    }
};

QTEST_APPLESS_MAIN(TestBundledModels)
#include "tst_bundled.moc"
