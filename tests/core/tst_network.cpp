// The engine's block-wise execution against PyTorch: the fixtures hold PyTorch's own logits for
// the original network and for the same surgery done in Python (tests/fixtures/make_fixtures.py).

#include "arrangement.h"
#include "error.h"
#include "private/engine_p.h"
#include "private/network_p.h"

#include "testhelpers.h"

#include <QFile>
#include <QTemporaryDir>

#include <sstream>

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
        // Almost torchvision-shaped networks (tests/fixtures/zoo.py): the name-based reading
        // does not reproduce them, so their blocks are read from the TorchScript graph.
        const QString graph = QStringLiteral("residual network (blocks found in its TorchScript graph)");
        QTest::newRow("SE blocks") << "zoo_se" << graph;
        QTest::newRow("learned scalar on the residual, traced") << "zoo_gate" << graph;
        QTest::newRow("Tanh as the block activation") << "zoo_tanh" << graph;
        QTest::newRow("GELU in a child named relu, traced") << "zoo_gelu_named_relu" << graph;
        QTest::newRow("SiLU in the stem") << "zoo_silu_stem" << graph;
        QTest::newRow("extra linear layer after fc") << "zoo_extra_head" << graph;
        QTest::newRow("class prior added in forward, traced") << "zoo_prior" << graph;
        QTest::newRow("maxpool child that forward does not use") << "zoo_unused_maxpool" << graph;
        QTest::newRow("layer1, layer2, layer4") << "zoo_layer124" << graph;
        QTest::newRow("downsample = nn.Identity()") << "zoo_identity_downsample" << "torchvision-style ResNet";
        QTest::newRow("ResNet-D: deep stem, average-pool shortcuts, SiLU") << "zoo_resnet_d" << graph;
        QTest::newRow("ResNet-D, traced") << "zoo_resnet_d_traced" << graph;
        QTest::newRow("pre-activation, forward(x) = x + f(x)") << "zoo_preact" << graph;
    }

    void logitsMatchPyTorch()
    {
        QFETCH(QString, name);
        QFETCH(QString, family);
        const QString graph = QStringLiteral("residual network (blocks found in its TorchScript graph)");
        const auto network = Network::load(testing::fixture(name.toStdString() + ".pt"));
        QCOMPARE(QString::fromStdString(network->family()), family);
        torch::jit::Module refs = torch::jit::load(testing::fixture(name.toStdString() + ".ref.pt"));
        const at::Tensor input = refs.attr("input").toTensor();
        const int n = network->blockCount();
        const auto deleted = toInts(refs.attr("deleted_blocks").toTensor());
        const auto order = toInts(refs.attr("order").toTensor());
        const NetworkInfo info = network->describe({1, 28, 28});
        // The engines' CPU copy folds its batch norms into the convolutions (core/folding.cpp)
        // where the blocks come from the protocol or torchvision's names; both must match PyTorch.
        const std::shared_ptr<const Network::Impl> folded = network->onDevice("cpu");
        QVERIFY2(folded->folding.empty() == (family != graph), folded->folding.c_str());

        c10::InferenceMode inferenceMode;
        for (const Network::Impl *net : {&NetworkAccess::of(*network), folded.get()}) {
            const QString copy = net == folded.get() ? QStringLiteral("folded copy") : QStringLiteral("as loaded");
            auto check = [&](const Arrangement &arrangement, const QString &key) {
                QVERIFY2(!whyInvalid(info, arrangement), describe(arrangement).c_str());
                const at::Tensor ours = net->forward(input, arrangement);
                const at::Tensor theirs = refs.attr(key.toStdString()).toTensor();
                QCOMPARE(ours.sizes().vec(), theirs.sizes().vec());
                const double difference = (ours - theirs).abs().max().item<double>();
                QVERIFY2(difference <= 1e-4, qPrintable(QStringLiteral("%1, %2: max |difference| %3 > 1e-4 (logits up to %4)")
                                                            .arg(copy, key)
                                                            .arg(difference)
                                                            .arg(theirs.abs().max().item<double>())));
            };
            const Arrangement identity = identityArrangement(n);
            check(identity, "original");
            check(withDeleted(identity, deleted), "deleted");
            check(withOrder(identity, order), "reordered");
            check(withDeleted(withOrder(identity, order), deleted), "reordered_deleted");
            // Every single deletion (the paper's lesion study) against PyTorch's surgery.
            const at::Tensor single = refs.attr("single_deletions").toTensor();
            for (int i = 0; i < n; ++i) {
                const at::Tensor ours = net->forward(input, withDeleted(identity, {i}));
                const double difference = (ours - single[i]).abs().max().item<double>();
                QVERIFY2(difference <= 1e-4, qPrintable(QStringLiteral("%1, block %2 deleted: max |difference| %3 > 1e-4")
                                                            .arg(copy)
                                                            .arg(i)
                                                            .arg(difference)));
            }
        }
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

    // The same checks on an archive in memory (what the model-loader fuzzer calls).
    void loadsFromBytes()
    {
        QFile file(QString::fromStdString(testing::fixture("protocol.pt")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const auto network = Network::loadFromBytes(bytes.toStdString(), "in-memory.pt");
        QCOMPARE(network->blockCount(), Network::load(testing::fixture("protocol.pt"))->blockCount());
        QCOMPARE(QString::fromStdString(network->path()), QStringLiteral("in-memory.pt"));
        PL_EXPECT_ERROR(Network::loadFromBytes(bytes.left(bytes.size() / 2).toStdString(), "half.pt"), "half.pt",
                        "not a readable TorchScript");
        PL_EXPECT_ERROR(Network::loadFromBytes(std::string(), "none.pt"), "none.pt", "empty");
    }

    // Regressions found by the model-loader fuzzer (tests/fuzz/regressions/network): numbers in
    // pathlens.json that escaped as std::out_of_range (1e999), overflowed a conversion (1e300),
    // escaped describe() as c10::Error (-1) or asked for a 40 GB probe image; and a long array
    // that overflowed the stack in std::regex.
    void metadataSurvivesHostileValues()
    {
        std::string longArray = "{\"mean\": [";
        for (int i = 0; i < 20000; ++i)
            longArray += "0.5, ";
        longArray += "1]}";
        QCOMPARE(metadataNumbers(longArray, "mean").size(), size_t(20001));
        // A number beyond double's range is a JSON error (nlohmann), not an infinity read on.
        PL_EXPECT_ERROR(metadataNumbers("{\"mean\": [1e999, -2.5e-1]}", "mean"), "pathlens.json", "1e999");
        QCOMPARE(metadataNumbers("{\"mean\": [-2.5e-1]}", "mean"), std::vector<double>{-0.25});
        QCOMPARE(metadataNumbers("{\"epochs_done\" : 3, \"x\": 1}", "epochs_done"), std::vector<double>{3});
        PL_EXPECT_ERROR(metadataNumbers("{\"mean\": [0.5", "mean"), "pathlens.json", "not valid JSON");
        PL_EXPECT_ERROR(metadataNumbers("{\"mean\":", "mean"), "pathlens.json", "not valid JSON");
        QVERIFY(metadataNumbers("", "mean").empty()); // no metadata at all
        QVERIFY(metadataFlag("{\"plain\": true}", "plain"));
        QVERIFY(!metadataFlag("{\"plain\": false, \"other\": true}", "plain"));
        std::string deep;
        for (int i = 0; i < 100000; ++i)
            deep += "[";
        PL_EXPECT_ERROR(metadataNumbers("{\"mean\": " + deep + "}", "mean"), "pathlens.json"); // no stack overflow

        torch::jit::Module module = torch::jit::load(testing::fixture("protocol.pt"));
        auto withMetadata = [&](const std::string &json) {
            std::ostringstream out;
            module.save(out, {{"pathlens.json", json}});
            return Network::loadFromBytes(out.str(), "meta.pt");
        };
        PL_EXPECT_ERROR(withMetadata("{\"input_shape\": [1e999, 4, 4]}"), "meta.pt", "pathlens.json", "1e999");
        for (const char *shape : {"[1e300, 4, 4]", "[-1, 4, 4]", "[1, 100000, 100000]", "[1, 4]",
                                  "[1.5, 4, 4]"})
            PL_EXPECT_ERROR(withMetadata(std::string("{\"input_shape\": ") + shape + "}"), "meta.pt", "input_shape");
        PL_EXPECT_ERROR(withMetadata("{\"mean\": [1e999]}"), "meta.pt", "pathlens.json", "1e999");
        PL_EXPECT_ERROR(withMetadata("{\"std\": [0]}"), "meta.pt", "std", "greater than 0");
        QVERIFY(withMetadata("{\"input_shape\": [3, 32, 32], \"mean\": [0.5], \"std\": [0.2]}")->blockCount() > 0);

        // describe() refuses a size below 1 with an Error (it was an escaping c10::Error).
        const auto network = Network::load(testing::fixture("protocol.pt"));
        PL_EXPECT_ERROR(network->describe({-1, 4, 4}), "protocol.pt", "below 1");

        // An archive whose code does not compile: the ErrorReport's what() aborted the process.
        PL_EXPECT_ERROR(Network::load(PATHLENS_SOURCE_DIR "/tests/fuzz/regressions/network/damaged-source.pt"),
                        "damaged-source.pt", "does not compile");
    }

    // Models that break the block protocol's promises are refused, naming the part that differs.
    void brokenPromisesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("words");
        QTest::newRow("forward scales the residual by 0.1") << "zoo_bad_forward"
                                                            << "head(blocks(stem(x))) against the model's own forward: differs by up to";
        QTest::newRow("stem writes into its input") << "zoo_inplace_stem" << "the stem changes the tensor it receives";
        QTest::newRow("residual writes into its input") << "zoo_inplace_residual"
                                                        << "blocks.0's residual branch changes the tensor it receives";
    }

    void brokenPromisesAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, words);
        const std::string file = name.toStdString() + ".pt";
        const std::string expected = words.toStdString();
        PL_EXPECT_ERROR(Network::load(testing::fixture(file)), file.c_str(), expected.c_str(), "block protocol");
    }

    // Engines run a copy of the network per device, never the loaded module (issue: a data race
    // when Module::to rewrote the shared weights while another engine evaluated).
    void devicesGetTheirOwnCopy()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        const auto copy = network->onDevice("cpu");
        QVERIFY(copy.get() != &NetworkAccess::of(*network));
        QVERIFY(copy->module._ivalue() != NetworkAccess::of(*network).module._ivalue());
        QVERIFY(network->onDevice("cpu") == copy); // made once per device
        const auto loadedWeight = *NetworkAccess::of(*network).module.parameters().begin();
        const auto copiedWeight = *copy->module.parameters().begin();
        QVERIFY(loadedWeight.data_ptr() != copiedWeight.data_ptr());
        QVERIFY(at::equal(loadedWeight, copiedWeight));
        // The copy computes what the loaded network computes: bit for bit as loaded, within the
        // decomposition's tolerance with its batch norms folded (the engines' default).
        const auto unfolded = network->onDevice("cpu", false, false);
        QVERIFY(unfolded != copy);
        c10::InferenceMode inferenceMode;
        const at::Tensor input = at::randn({2, 1, 28, 28});
        const Arrangement identity = identityArrangement(network->blockCount());
        const at::Tensor loaded = NetworkAccess::of(*network).forward(input, identity);
        QVERIFY(at::equal(unfolded->forward(input, identity), loaded));
        QVERIFY((copy->forward(input, identity) - loaded).abs().max().item<double>() <= 1e-4);
        // An engine runs that copy, never the loaded module.
        Dataset data = loadDataset(testing::fashionMnist());
        truncate(data, 8);
        Engine engine(network, data, EngineOptions{DeviceChoice::Cpu});
        QVERIFY(EngineAccess::of(engine).net == copy);
        QVERIFY(EngineAccess::of(engine).net->module._ivalue() != NetworkAccess::of(*network).module._ivalue());
    }

    // Only top-level keys count, and a value of the wrong type is refused with its key named
    // (issue 13: a nested "plain" made a residual network plain, a nested "std" won, a string
    // "mean" was ignored without a word).
    void metadataIsReadAsJson()
    {
        const std::string nested = "{\"baseline_of\": {\"plain\": true, \"std\": [0.001]}, \"std\": [0.25], \"plain\": false}";
        QVERIFY(!metadataFlag(nested, "plain"));
        QCOMPARE(metadataNumbers(nested, "std"), std::vector<double>{0.25});
        QVERIFY(!metadataFlag("{\"baseline_of\": {\"plain\": true}}", "plain"));
        QVERIFY(metadataNumbers("{\"x\": {\"mean\": [0.5]}}", "mean").empty());
        QCOMPARE(metadataNumbers("{\"note\": \"\\\"mean\\\": [9]\", \"mean\": 0.5}", "mean"), std::vector<double>{0.5});
        PL_EXPECT_ERROR(metadataNumbers("{\"mean\": \"0.5\"}", "mean"), "\"mean\"", "found a string");
        PL_EXPECT_ERROR(metadataNumbers("{\"mean\": [0.5, \"0.5\"]}", "mean"), "\"mean\"", "holding a string");
        PL_EXPECT_ERROR(metadataFlag("{\"plain\": \"yes\"}", "plain"), "\"plain\"", "true or false");
        PL_EXPECT_ERROR(metadataNumbers("[1, 2]", "mean"), "pathlens.json", "object");

        const auto network = Network::load(testing::fixture("protocol.pt"));
        torch::jit::Module module = torch::jit::load(testing::fixture("protocol.pt"));
        auto withMetadata = [&](const std::string &json) {
            std::ostringstream out;
            module.save(out, {{"pathlens.json", json}});
            return Network::loadFromBytes(out.str(), "meta.pt");
        };
        QVERIFY(!withMetadata("{\"baseline_of\": {\"plain\": true}}")->describe(network->defaultInputShape()).plain);
        // The top-level flag is read: a residual network that claims to be plain is then refused,
        // because its blocks' own forward adds the shortcut that a plain reading leaves out.
        PL_EXPECT_ERROR(withMetadata("{\"plain\": true, \"x\": {\"plain\": false}}"), "meta.pt",
                        "blocks.0: post(shortcut(x) + residual(x)) against the block's own forward");
        for (const auto &[json, key] : std::vector<std::pair<std::string, std::string>>{
                 {"{\"mean\": \"0.5\"}", "mean"}, {"{\"std\": {\"value\": 0.3}}", "std"},
                 {"{\"plain\": 1}", "plain"}, {"{\"input_shape\": \"1x28x28\"}", "input_shape"},
                 {"{\"name\": 7}", "name"}, {"{\"classes\": [\"a\", 2]}", "classes"},
                 {"{\"epochs_done\": \"3\"}", "epochs_done"}, {"{\"depth\": [20]}", "depth"}})
        {
            const std::string quoted = "\"" + key + "\"";
            PL_EXPECT_ERROR(withMetadata(json), "meta.pt", "pathlens.json", quoted.c_str());
        }
        PL_EXPECT_ERROR(withMetadata("{\"std\": [0.3"), "meta.pt", "pathlens.json", "not valid JSON");
        PL_EXPECT_ERROR(withMetadata("{\"std\": [-0.35]}"), "meta.pt", "std", "greater than 0");
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
