// The engine's block-wise execution against PyTorch: the fixtures hold PyTorch's own logits for
// the original network and for the same surgery done in Python (tests/fixtures/make_fixtures.py).

#include "arrangement.h"
#include "error.h"
#include "network_impl.h"

#include "testhelpers.h"

#include <QTemporaryDir>

#include <cmath>

using namespace pathlens;

namespace {

std::vector<int> toInts(const at::Tensor &tensor)
{
    const at::Tensor values = tensor.to(at::kLong).contiguous();
    return std::vector<int>(values.data_ptr<int64_t>(), values.data_ptr<int64_t>() + values.numel());
}

} // namespace

class TestNetwork final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void logitsMatchPyTorch_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("family");
        QTest::newRow("torchvision BasicBlock, scripted") << "tv_basic" << "torchvision-style ResNet";
        QTest::newRow("torchvision Bottleneck, traced, no maxpool") << "tv_bottleneck" << "torchvision-style ResNet";
        QTest::newRow("CIFAR-style ResNet-20") << "cifar20" << "torchvision-style ResNet";
        QTest::newRow("block protocol") << "protocol" << "block protocol";
    }

    void logitsMatchPyTorch()
    {
        QFETCH(QString, name);
        QFETCH(QString, family);
        const auto network = Network::load(testing::fixture(name.toStdString() + ".pt"));
        QCOMPARE(QString::fromStdString(network->family()), family);
        torch::jit::Module refs = torch::jit::load(testing::fixture(name.toStdString() + ".ref.pt"));
        const at::Tensor input = refs.attr("input").toTensor();
        const int n = network->blockCount();
        const auto deleted = toInts(refs.attr("deleted_blocks").toTensor());
        const auto order = toInts(refs.attr("order").toTensor());
        const NetworkInfo info = network->describe({1, 28, 28});

        c10::InferenceMode inferenceMode;
        auto check = [&](const Arrangement &arrangement, const char *key) {
            QVERIFY2(!whyInvalid(info, arrangement), describe(arrangement).c_str());
            const at::Tensor ours = network->impl().forward(input, arrangement);
            const at::Tensor theirs = refs.attr(key).toTensor();
            QCOMPARE(ours.sizes().vec(), theirs.sizes().vec());
            const double difference = (ours - theirs).abs().max().item<double>();
            QVERIFY2(difference <= 1e-4, qPrintable(QStringLiteral("%1: max |difference| %2 > 1e-4 (logits up to %3)")
                                                        .arg(key)
                                                        .arg(difference)
                                                        .arg(theirs.abs().max().item<double>())));
        };
        const Arrangement identity = identityArrangement(n);
        check(identity, "original");
        check(withDeleted(identity, deleted), "deleted");
        check(withOrder(identity, order), "reordered");
        check(withDeleted(withOrder(identity, order), deleted), "reordered_deleted");
        // Deleting changes the answer: the comparison above is not vacuous.
        QVERIFY((refs.attr("deleted").toTensor() - refs.attr("original").toTensor()).abs().max().item<double>() > 1e-3);
    }

    void describeReportsStructure_data() { logitsMatchPyTorch_data(); }

    void describeReportsStructure()
    {
        QFETCH(QString, name);
        const auto network = Network::load(testing::fixture(name.toStdString() + ".pt"));
        torch::jit::Module refs = torch::jit::load(testing::fixture(name.toStdString() + ".ref.pt"));
        const NetworkInfo info = network->describe(network->defaultInputShape());
        QVERIFY(info.inputShape == (Shape{1, 28, 28}));
        const auto downsampling = toInts(refs.attr("downsampling").toTensor());
        QCOMPARE(int(info.blocks.size()), int(downsampling.size()));
        QCOMPARE(info.parameters, refs.attr("parameter_count").toTensor().item<int64_t>());
        QCOMPARE(info.classCount, 10);
        int64_t blockParameters = 0;
        int stage = 0;
        Shape arriving = info.stemOutputShape;
        for (const BlockInfo &block : info.blocks) {
            QCOMPARE(block.downsampling, bool(downsampling[block.index]));
            if (block.downsampling && block.index > 0)
                ++stage;
            QCOMPARE(block.stage, stage);
            QVERIFY(block.inputShape == arriving);
            if (!block.downsampling)
                QVERIFY(block.outputShape == block.inputShape);
            arriving = block.outputShape;
            blockParameters += block.parameters;
        }
        QCOMPARE(info.stageCount, stage + 1);
        QVERIFY(blockParameters > 0 && blockParameters < info.parameters);
    }

    void cifarStagesAndShapes()
    {
        const NetworkInfo info = Network::load(testing::fixture("cifar20.pt"))->describe({1, 28, 28});
        QCOMPARE(int(info.blocks.size()), 9);
        QCOMPARE(info.stageCount, 3);
        QCOMPARE(QString::fromStdString(info.blocks[3].name), QStringLiteral("layer2.0"));
        QVERIFY(info.blocks[0].inputShape == (Shape{16, 28, 28}));
        QVERIFY(info.blocks[3].outputShape == (Shape{32, 14, 14}));
        QVERIFY(info.blocks[8].outputShape == (Shape{64, 7, 7}));
        QVERIFY(!info.blocks[0].downsampling);
        QVERIFY(info.blocks[3].downsampling && info.blocks[6].downsampling);
    }

    void unsupportedFilesAreExplained()
    {
        PL_EXPECT_ERROR(Network::load(testing::fixture("missing.pt")), "missing.pt", "no such file");
        PL_EXPECT_ERROR(Network::load(testing::fixture("empty.pt")), "empty.pt", "empty");
        PL_EXPECT_ERROR(Network::load(testing::fixture("random_bytes.pt")), "random_bytes.pt", "not a readable TorchScript");
        PL_EXPECT_ERROR(Network::load(testing::fixture("truncated.pt")), "truncated.pt", "not a readable TorchScript");
        PL_EXPECT_ERROR(Network::load(testing::fixture("no_blocks.pt")), "no_blocks.pt", "not a supported residual network",
                        "classifier, features");
        PL_EXPECT_ERROR(Network::load(PATHLENS_FIXTURES_DIR), "is a folder");
    }

    void wrongInputShapeIsExplained()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        PL_EXPECT_ERROR(network->describe({3, 28, 28}), "cifar20.pt", "3x28x28", "the stem");
    }

    // A model whose weights hold NaN still loads and runs, with a warning naming the tensor.
    void nanWeightsAreNamedInAWarning()
    {
        QCOMPARE(QString::fromStdString(Network::load(testing::fixture("cifar20.pt"))->warning()), QString());
        torch::jit::Module module = torch::jit::load(testing::fixture("cifar20.pt"));
        {
            at::NoGradGuard noGrad; // weights are leaves that require gradients
            for (const auto &parameter : module.named_parameters())
                if (parameter.name == "layer2.1.conv1.weight")
                    parameter.value.view(-1).narrow(0, 0, 3).fill_(std::nan(""));
        }
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("nan.pt")).toStdString();
        module.save(path);
        const auto network = Network::load(path);
        const QString warning = QString::fromStdString(network->warning());
        QVERIFY2(warning.contains(QStringLiteral("layer2.1.conv1.weight (3)")), qPrintable(warning));
        QVERIFY(warning.contains(QString::fromStdString(path)));
        QCOMPARE(network->blockCount(), 9);
    }
};

QTEST_APPLESS_MAIN(TestNetwork)
#include "tst_network.moc"
