// pathlens-cli train's engine: repeatable, resumable training of the demo models, stochastic
// depth, plain twins, and files that PyTorch and the engine read alike.

#include "error.h"
#include "private/engine_p.h"
#include "private/network_p.h"
#include "training.h"

#include "testhelpers.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>

using namespace pathlens;

namespace {

struct Data
{
    Dataset train;
    Dataset test;
};

const Data &smallData()
{
    static const Data data = [] {
        Data d{loadDataset(testing::fashionMnist(), Split::Train), loadDataset(testing::fashionMnist(), Split::Test)};
        truncate(d.train, 512);
        truncate(d.test, 200);
        return d;
    }();
    return data;
}

TrainOptions tinyOptions(const QTemporaryDir &dir, const char *name)
{
    TrainOptions options;
    options.depth = 8;
    options.epochs = 2;
    options.batchSize = 64;
    options.threads = 2;
    options.device = DeviceChoice::Cpu;
    options.output = dir.filePath(name).toStdString();
    return options;
}

// Two encoder layers of width 32 (4 units), AdamW as the CLI's defaults for vit.
TrainOptions tinyTransformer(const QTemporaryDir &dir, const char *name)
{
    TrainOptions options = defaultTrainOptions("vit");
    options.depth = 2;
    options.width = 32;
    options.mlp = 64;
    options.epochs = 1;
    options.batchSize = 64;
    options.threads = 2;
    options.device = DeviceChoice::Cpu;
    options.output = dir.filePath(name).toStdString();
    return options;
}

std::vector<at::Tensor> weights(const std::string &path)
{
    std::vector<at::Tensor> result;
    for (const auto &parameter : torch::jit::load(path).parameters())
        result.push_back(parameter);
    return result;
}

// Equal, or within `tolerance` of each other element by element.
bool identical(const std::vector<at::Tensor> &a, const std::vector<at::Tensor> &b, double tolerance = 0)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (tolerance == 0 ? !at::equal(a[i], b[i]) : !at::allclose(a[i], b[i], 0, tolerance)) {
            qWarning("parameter %zu differs by up to %g", i, (a[i] - b[i]).abs().max().item<double>());
            return false;
        }
    return true;
}

} // namespace

class TestTraining final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lossFallsAndSeedRepeats()
    {
        QTemporaryDir dir;
        TrainOptions options = tinyOptions(dir, "a.pt");
        options.epochs = 3;
        std::vector<double> epochLoss;
        const TrainResult first = train(options, smallData().train, smallData().test, [&](const TrainProgress &p) {
            if (p.step == p.steps && p.testAccuracy < 0)
                epochLoss.push_back(p.loss);
        });
        QVERIFY(first.finished);
        QCOMPARE(int(epochLoss.size()), 3);
        QVERIFY2(epochLoss[2] < 0.8 * epochLoss[0],
                 qPrintable(QStringLiteral("mean loss per epoch %1 -> %2").arg(epochLoss[0]).arg(epochLoss[2])));
        QVERIFY(first.testAccuracy > 0.3); // chance is 0.1
        QVERIFY(!QFileInfo::exists(QString::fromStdString(options.output + ".checkpoint")));

        options.output = dir.filePath("b.pt").toStdString();
        train(options, smallData().train, smallData().test);
        QVERIFY(identical(weights(dir.filePath("a.pt").toStdString()), weights(options.output)));
    }

    void resumeEndsWithTheSameWeights()
    {
        QTemporaryDir dir;
        TrainOptions options = tinyOptions(dir, "whole.pt");
        train(options, smallData().train, smallData().test);

        options.output = dir.filePath("resumed.pt").toStdString();
        options.stopAfterEpochs = 1; // as if interrupted after epoch 1
        const TrainResult stopped = train(options, smallData().train, smallData().test);
        QVERIFY(!stopped.finished);
        QCOMPARE(stopped.epochsDone, 1);
        QVERIFY(QFileInfo::exists(QString::fromStdString(options.output + ".checkpoint")));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(options.output)));
        const QString afterOneEpoch = dir.filePath("epoch1.pt");
        QVERIFY(QFile::copy(QString::fromStdString(options.output + ".checkpoint"), afterOneEpoch));
        options.stopAfterEpochs = -1;
        options.resume = true;
        const TrainResult resumed = train(options, smallData().train, smallData().test);
        QVERIFY(resumed.finished);
        QCOMPARE(resumed.epochsDone, 2);
        // Bit for bit with Debian's reference BLAS. With OpenBLAS (build.sh installs it) the resumed
        // run's matrix products round differently, as their buffers lie elsewhere in memory:
        // measured up to 3e-8 after these 2 epochs, with one OpenBLAS thread too.
        const auto whole = weights(dir.filePath("whole.pt").toStdString());
        QVERIFY(identical(whole, weights(options.output), 1e-6));
        // One epoch fewer is far outside that tolerance.
        QVERIFY(!identical(whole, weights(afterOneEpoch.toStdString()), 1e-6));
    }

    void stochasticDepthDropRates()
    {
        const auto survival = survivalProbabilities(54, 0.5);
        PL_COMPARE_NEAR(survival.front(), 1.0 - 0.5 / 54.0, 1e-15);
        PL_COMPARE_NEAR(survival[26], 1.0 - 27.0 / 54.0 * 0.5, 1e-15);
        PL_COMPARE_NEAR(survival.back(), 0.5, 1e-15);
        std::mt19937_64 random(9);
        const int batches = 20000;
        std::vector<int> drops(54, 0);
        for (int b = 0; b < batches; ++b) {
            const auto dropped = sampleDrops(survival, random);
            for (int l = 0; l < 54; ++l)
                drops[l] += dropped[l];
        }
        // Binomial standard deviation at p = 0.5 and 20,000 draws is 0.0035; allow about 4 of them.
        for (int l = 0; l < 54; ++l)
            PL_COMPARE_NEAR(drops[l] / double(batches), 1.0 - survival[l], 0.015);
    }

    void stochasticDepthScalesBranchesAtTestTime()
    {
        QTemporaryDir dir;
        TrainOptions options = tinyOptions(dir, "sd.pt");
        options.epochs = 1;
        options.survivalLast = 0.5;
        train(options, smallData().train, smallData().test);
        torch::jit::Module model = torch::jit::load(options.output);
        model.eval();
        const at::Tensor x = at::randn({2, 16, 28, 28});
        torch::jit::Module first = (*model.attr("blocks").toModule().named_children().begin()).value;
        const double p = first.attr("survival").toDouble();
        PL_COMPARE_NEAR(p, 1.0 - 1.0 / 3.0 * 0.5, 1e-12);
        c10::InferenceMode inferenceMode;
        const at::Tensor scaled = first.run_method("residual", x).toTensor();
        first.setattr("survival", 1.0);
        const at::Tensor unscaled = first.run_method("residual", x).toTensor();
        QVERIFY((scaled - p * unscaled).abs().max().item<double>() < 1e-5);
    }

    void plainTwinHasNoShortcuts()
    {
        QTemporaryDir dir;
        TrainOptions options = tinyOptions(dir, "plain.pt");
        options.epochs = 1;
        options.architecture = "plain";
        options.depth = 14; // two layers per stage keep their shape
        train(options, smallData().train, smallData().test);
        const auto network = Network::load(options.output);
        const NetworkInfo info = network->describe({1, 28, 28});
        QVERIFY(info.plain);
        QCOMPARE(int(info.blocks.size()), 6);
        c10::InferenceMode inferenceMode;
        const at::Tensor x = at::randn({2, 16, 28, 28});
        for (const auto &child : NetworkAccess::of(*network).module.attr("blocks").toModule().named_children()) {
            torch::jit::Module block = child.value;
            QCOMPARE(block.run_method("shortcut", x).toTensor().abs().sum().item<double>(), 0.0);
        }
        // Deleting a layer that keeps its shape makes it the identity; one that changes it is refused.
        QVERIFY(NetworkAccess::of(*network).runBlock({0, false}, x).is_same(x));
        QVERIFY(!whyInvalid(info, withDeleted(identityArrangement(6), {1})));
        const auto why = whyInvalid(info, withDeleted(identityArrangement(6), {2}));
        QVERIFY(why && why->find("plain") != std::string::npos);
        PL_EXPECT_ERROR(train([&] { TrainOptions o = options; o.survivalLast = 0.5; return o; }(), smallData().train,
                              smallData().test),
                        "stochastic depth");
    }

    // The paper's plain control: every layer keeps its shape, so every single deletion is allowed.
    void constantWidthPlainControlCanLoseEveryLayer()
    {
        QTemporaryDir dir;
        TrainOptions options = tinyOptions(dir, "plain15.pt");
        options.epochs = 1;
        options.architecture = "plain-constant";
        options.depth = 5;
        options.width = 8;
        train(options, smallData().train, smallData().test);
        const auto network = Network::load(options.output);
        const NetworkInfo info = network->describe({1, 28, 28});
        QVERIFY(info.plain);
        QCOMPARE(int(info.blocks.size()), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(info.blocks[i].inputShape, (std::vector<int64_t>{8, 14, 14})); // the stride-2 stem
            QVERIFY(!info.blocks[i].downsampling);
            QVERIFY(!whyInvalid(info, withDeleted(identityArrangement(5), {i})));
        }
        options.width = 0;
        PL_EXPECT_ERROR(train(options, smallData().train, smallData().test), "--width");
    }

    // He et al.'s stem (conv -> BN -> ReLU) in the pre-activation network: the identity stream
    // starts non-negative, not as a bare convolution.
    void preActivationStemEndsWithReLU()
    {
        QTemporaryDir dir;
        TrainOptions options = tinyOptions(dir, "preact.pt");
        options.epochs = 1;
        train(options, smallData().train, smallData().test);
        torch::jit::Module model = torch::jit::load(options.output);
        model.eval();
        c10::InferenceMode inferenceMode;
        const at::Tensor stem = model.run_method("stem", at::randn({4, 1, 28, 28})).toTensor();
        QCOMPARE(stem.min().item<double>(), 0.0);
        QVERIFY(stem.max().item<double>() > 0);
    }

    // Veit et al., Section 5: exactly K of the n blocks active in every mini-batch, each block
    // equally often; at test time every branch is scaled by K/n.
    void shortPathTrainingSamplesKBlocks()
    {
        std::mt19937_64 random(3);
        std::vector<int> active(54, 0);
        const int batches = 20000;
        for (int b = 0; b < batches; ++b) {
            const auto dropped = sampleActiveBlocks(54, 23, random);
            QCOMPARE(int(std::count(dropped.begin(), dropped.end(), false)), 23);
            for (int l = 0; l < 54; ++l)
                active[l] += !dropped[l];
        }
        // p = 23/54 = 0.426, binomial standard deviation over 20,000 draws 0.0035; about 4 of them.
        for (int l = 0; l < 54; ++l)
            PL_COMPARE_NEAR(active[l] / double(batches), 23.0 / 54.0, 0.015);

        QTemporaryDir dir;
        TrainOptions options = tinyOptions(dir, "short.pt");
        options.epochs = 3;
        options.sampleBlocks = 2;
        const TrainResult result = train(options, smallData().train, smallData().test);
        QVERIFY(result.finished);
        QVERIFY2(result.testAccuracy > 0.3, qPrintable(QString::number(result.testAccuracy))); // as the full net: chance is 0.1
        torch::jit::Module model = torch::jit::load(options.output);
        for (const auto &child : model.attr("blocks").toModule().named_children())
            PL_COMPARE_NEAR(child.value.attr("survival").toDouble(), 2.0 / 3.0, 1e-12);
        options.sampleBlocks = 4;
        PL_EXPECT_ERROR(train(options, smallData().train, smallData().test), "--sample-blocks", "1 to 3");
        options.sampleBlocks = 2;
        options.survivalLast = 0.5;
        PL_EXPECT_ERROR(train(options, smallData().train, smallData().test), "--sample-blocks", "--stochastic-depth");
    }

    // The trained file is an ordinary TorchScript archive: PyTorch's model(x) equals the engine's.
    void pytorchReadsTrainedModels_data()
    {
        QTest::addColumn<QString>("architecture");
        QTest::newRow("pre-activation") << "preact";
        QTest::newRow("post-activation") << "postact";
        QTest::newRow("plain") << "plain";
        QTest::newRow("plain, constant width") << "plain-constant";
        QTest::newRow("vision transformer") << "vit";
    }

    void pytorchReadsTrainedModels()
    {
        QFETCH(QString, architecture);
        QTemporaryDir dir;
        TrainOptions options = tinyOptions(dir, "model.pt");
        options.epochs = 1;
        options.architecture = architecture.toStdString();
        if (architecture == "vit")
            options = tinyTransformer(dir, "model.pt");
        train(options, smallData().train, smallData().test);
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {"-c", "import sys, torch\n"
                            "m = torch.jit.load(sys.argv[1]).eval()\n"
                            "x = torch.linspace(-1, 1, 2 * 784).reshape(2, 1, 28, 28)\n"
                            "print(' '.join(repr(v) for v in m(x).flatten().tolist()))\n",
                      QString::fromStdString(options.output)});
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QList<QByteArray> values = python.readAllStandardOutput().trimmed().split(' ');
        QCOMPARE(values.size(), 20);

        const auto network = Network::load(options.output);
        c10::InferenceMode inferenceMode;
        const at::Tensor x = at::linspace(-1, 1, 2 * 784).reshape({2, 1, 28, 28});
        const at::Tensor ours = NetworkAccess::of(*network).forward(x, identityArrangement(network->blockCount())).flatten();
        for (int i = 0; i < 20; ++i)
            PL_COMPARE_NEAR(ours[i].item<double>(), values[i].toDouble(), 1e-4);
    }

    // The ViT is 2 units per encoder layer, attention then MLP, with kinds read from their
    // operations; deleting any one unit gives what PyTorch computes from the file's own stem,
    // units and head with that unit skipped (its shortcut is the identity).
    void transformerUnitsMatchPyTorchWithEachDeleted()
    {
        QTemporaryDir dir;
        const TrainOptions options = tinyTransformer(dir, "vit.pt");
        const TrainResult result = train(options, smallData().train, smallData().test);
        QVERIFY(result.testAccuracy > 0.2); // chance is 0.1; 512 images, one epoch

        const auto network = Network::load(options.output);
        const NetworkInfo info = network->describe({1, 28, 28});
        QCOMPARE(int(info.blocks.size()), 4);
        const char *names[] = {"blocks.layer0_attention", "blocks.layer0_mlp", "blocks.layer1_attention", "blocks.layer1_mlp"};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(info.blocks[size_t(i)].name, std::string(names[i]));
            QCOMPARE(info.blocks[size_t(i)].unit, std::string(i % 2 == 0 ? "attention" : "MLP"));
            QCOMPARE(info.blocks[size_t(i)].outputShape, (Shape{50, 32})); // 49 patches of 4x4 and the class token
        }
        QVERIFY(metadataText(network->metadataJson(), "recipe").find("--patch 4") != std::string::npos);

        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {"-c", "import sys, torch\n"
                            "m = torch.jit.load(sys.argv[1]).eval()\n"
                            "x = torch.linspace(-1, 1, 2 * 784).reshape(2, 1, 28, 28)\n"
                            "units = list(m.blocks.children())\n"
                            "for deleted in [-1] + list(range(len(units))):\n"
                            "    y = m.stem(x)\n"
                            "    for i, unit in enumerate(units):\n"
                            "        y = y if i == deleted else unit(y)\n"
                            "    print(' '.join(repr(v) for v in m.head(y).flatten().tolist()))\n",
                      QString::fromStdString(options.output)});
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QList<QByteArray> lines = python.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        c10::InferenceMode inferenceMode;
        const at::Tensor x = at::linspace(-1, 1, 2 * 784).reshape({2, 1, 28, 28});
        for (int deleted = -1; deleted < 4; ++deleted) {
            Arrangement arrangement = identityArrangement(4);
            if (deleted >= 0)
                arrangement[size_t(deleted)].active = false;
            const at::Tensor ours = NetworkAccess::of(*network).forward(x, arrangement).flatten();
            const QList<QByteArray> values = lines[deleted + 1].split(' ');
            QCOMPARE(values.size(), 20);
            for (int i = 0; i < 20; ++i)
                PL_COMPARE_NEAR(ours[i].item<double>(), values[i].toDouble(), 1e-4);
        }
    }

    void transformerOptionsAreExplained()
    {
        QTemporaryDir dir;
        TrainOptions options = tinyTransformer(dir, "v.pt");
        options.heads = 3;
        PL_EXPECT_ERROR(train(options, smallData().train, smallData().test), "--heads", "divisor of the width 32");
        options.heads = 4;
        options.patch = 29;
        PL_EXPECT_ERROR(train(options, smallData().train, smallData().test), "--patch", "1 to 28", "28x28");
        // --resume refuses a changed patch size: it would be another model.
        options.patch = 4;
        options.epochs = 2;
        options.stopAfterEpochs = 1;
        train(options, smallData().train, smallData().test);
        options.stopAfterEpochs = -1;
        options.resume = true;
        options.patch = 7;
        PL_EXPECT_ERROR(train(options, smallData().train, smallData().test), "--patch 7", "the checkpoint has 4");
    }

    // --init: a second schedule from a trained model's weights (the bundled ViT's last 12 epochs).
    // At a learning rate far below a float's resolution the weights cannot move, so the file written
    // holds the first model's weights exactly; a run without --init (same seed) does not.
    void initialWeightsStartFromATrainedModel()
    {
        QTemporaryDir dir;
        const TrainOptions first = tinyTransformer(dir, "first.pt");
        QVERIFY(train(first, smallData().train, smallData().test).finished);
        TrainOptions again = tinyTransformer(dir, "again.pt");
        again.learningRate = 1e-30;
        again.initialWeights = first.output;
        QVERIFY(train(again, smallData().train, smallData().test).finished);
        QVERIFY(identical(weights(again.output), weights(first.output)));
        TrainOptions fresh = again;
        fresh.initialWeights.clear();
        fresh.output = dir.filePath("fresh.pt").toStdString();
        QVERIFY(train(fresh, smallData().train, smallData().test).finished);
        QVERIFY(!identical(weights(fresh.output), weights(first.output)));

        // The file says what it started from: --init in the recipe, the first model's metadata whole.
        const auto metadataOf = [](const std::string &path) {
            return QJsonDocument::fromJson(QByteArray::fromStdString(Network::load(path)->metadataJson())).object();
        };
        const QJsonObject metadata = metadataOf(again.output);
        QVERIFY(metadata.value("recipe").toString().contains("--init first.pt"));
        QCOMPARE(metadata.value("initialised_from").toObject().value("epochs_done").toInt(), 1);
        QCOMPARE(metadata.value("initialised_from").toObject().value("recipe").toString(),
                 metadataOf(first.output).value("recipe").toString());

        // Another size or architecture is refused by name, before any training.
        TrainOptions wider = again;
        wider.width = 64;
        wider.heads = 4;
        PL_EXPECT_ERROR(train(wider, smallData().train, smallData().test), "first.pt", "--init", "has shape");
        TrainOptions residual = tinyOptions(dir, "r.pt");
        residual.initialWeights = first.output;
        PL_EXPECT_ERROR(train(residual, smallData().train, smallData().test), "first.pt", "--init", "not of the architecture");
        residual.initialWeights = dir.filePath("missing.pt").toStdString();
        PL_EXPECT_ERROR(train(residual, smallData().train, smallData().test), "missing.pt");
    }

    // --teacher: half the loss is the teacher's softened answers, so a student learns what the
    // teacher says where that differs from the labels. A weak teacher (2 epochs on 512 images)
    // disagrees with the labels on most test images; a student distilled from it agrees with it
    // far more often than the same student trained on the labels alone.
    void studentLearnsTheTeachersAnswers()
    {
        QTemporaryDir dir;
        const TrainOptions teacher = tinyOptions(dir, "teacher.pt");
        QVERIFY(train(teacher, smallData().train, smallData().test).finished);
        TrainOptions alone = tinyOptions(dir, "alone.pt");
        alone.seed = 2;
        alone.epochs = 4;
        QVERIFY(train(alone, smallData().train, smallData().test).finished);
        TrainOptions distilled = alone;
        distilled.output = dir.filePath("distilled.pt").toStdString();
        distilled.teacher = teacher.output;
        QVERIFY(train(distilled, smallData().train, smallData().test).finished);

        const at::Tensor images = normalisedImages(smallData().test, smallData().train.mean, smallData().train.std, false);
        const auto answers = [&](const std::string &path) {
            torch::jit::Module model = torch::jit::load(path);
            model.eval();
            c10::InferenceMode inferenceMode;
            return model.forward({images}).toTensor().argmax(1);
        };
        const at::Tensor teacherAnswers = answers(teacher.output);
        const auto agreement = [&](const std::string &path) { return answers(path).eq(teacherAnswers).to(at::kDouble).mean().item<double>(); };
        const double aloneAgrees = agreement(alone.output);
        const double distilledAgrees = agreement(distilled.output);
        qInfo("agreement with the teacher: %.3f alone, %.3f distilled", aloneAgrees, distilledAgrees);
        QVERIFY2(distilledAgrees > aloneAgrees + 0.1, qPrintable(QStringLiteral("agreement with the teacher: %1 alone, %2 distilled")
                                                                     .arg(aloneAgrees).arg(distilledAgrees)));

        const std::string metadata = Network::load(distilled.output)->metadataJson();
        QVERIFY(QString::fromStdString(metadata).contains("--teacher teacher.pt"));
        // A resumed run must keep its teacher; a missing teacher is named.
        TrainOptions stopped = distilled;
        stopped.output = dir.filePath("stopped.pt").toStdString();
        stopped.stopAfterEpochs = 1;
        QVERIFY(!train(stopped, smallData().train, smallData().test).finished);
        stopped.stopAfterEpochs = -1;
        stopped.resume = true;
        stopped.teacher = alone.output;
        PL_EXPECT_ERROR(train(stopped, smallData().train, smallData().test), "--teacher", "alone.pt", "the checkpoint has", "teacher.pt");
        distilled.teacher = dir.filePath("missing.pt").toStdString();
        PL_EXPECT_ERROR(train(distilled, smallData().train, smallData().test), "missing.pt");
    }

    void badOptionsAreExplained()
    {
        QTemporaryDir dir;
        TrainOptions options = tinyOptions(dir, "x.pt");
        options.depth = 12;
        PL_EXPECT_ERROR(train(options, smallData().train, smallData().test), "6n + 2", "12");
        options.depth = 8;
        options.architecture = "vgg";
        PL_EXPECT_ERROR(train(options, smallData().train, smallData().test), "preact, postact, plain, plain-constant or vit");
        options.architecture = "preact";
        options.learningRate = std::nan("");
        PL_EXPECT_ERROR(train(options, smallData().train, smallData().test), "--lr");
        options.learningRate = 0.1;
        options.survivalLast = std::nan("");
        PL_EXPECT_ERROR(train(options, smallData().train, smallData().test), "--stochastic-depth");
        options.survivalLast = 1;
        options.resume = true;
        PL_EXPECT_ERROR(train(options, smallData().train, smallData().test), "x.pt.checkpoint", "no checkpoint");
        // A folder as --out is refused before the training, not after it.
        options.resume = false;
        options.output = dir.path().toStdString();
        const std::string folder = options.output;
        PL_EXPECT_ERROR(train(options, smallData().train, smallData().test), folder.c_str(), "is a folder");
    }

    // --resume continues the run that was started: options that change the model or its schedule
    // are refused and named (they trained one model and wrote metadata claiming another).
    void resumeRefusesChangedOptions()
    {
        QTemporaryDir dir;
        TrainOptions options = tinyOptions(dir, "r.pt");
        options.epochs = 2;
        options.stopAfterEpochs = 1;
        train(options, smallData().train, smallData().test);
        options.stopAfterEpochs = -1;
        options.resume = true;
        const std::string checkpoint = options.output + ".checkpoint";
        TrainOptions changed = options;
        changed.depth = 14;
        PL_EXPECT_ERROR(train(changed, smallData().train, smallData().test), checkpoint.c_str(), "--depth 14",
                        "the checkpoint has 8");
        changed = options;
        changed.architecture = "postact";
        changed.epochs = 5;
        PL_EXPECT_ERROR(train(changed, smallData().train, smallData().test), "--arch postact", "--epochs 5",
                        "the checkpoint has 2");
        changed = options;
        changed.survivalLast = 0.5;
        PL_EXPECT_ERROR(train(changed, smallData().train, smallData().test), "--stochastic-depth 0.5");
        Data other = smallData();
        other.train.path = "/elsewhere";
        PL_EXPECT_ERROR(train(options, other.train, other.test), "--data /elsewhere");

        // The checkpoint's metadata is JSON whose top-level keys hold what was trained.
        const std::string json = Network::load(checkpoint)->metadataJson();
        QCOMPARE(metadataNumbers(json, "depth"), std::vector<double>{8});
        QCOMPARE(metadataNumbers(json, "epochs_done"), std::vector<double>{1});
        QVERIFY(!metadataFlag(json, "plain"));
        QCOMPARE(metadataNumbers(json, "input_shape"), (std::vector<double>{1, 28, 28}));
        // The name labels figures: the data set's folder name, not its whole path.
        const QString name = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object()["name"].toString();
        const QString folder = QFileInfo(QString::fromStdString(testing::fashionMnist())).fileName();
        QVERIFY2(name.endsWith(" (" + folder + ")") && !name.contains('/'), qPrintable(name));
    }
};

QTEST_APPLESS_MAIN(TestTraining)
#include "tst_training.moc"
