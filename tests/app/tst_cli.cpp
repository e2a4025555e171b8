// pathlens-cli end to end: real fixtures exported by PyTorch, real Fashion-MNIST images.

#include "testhelpers.h"

#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(PATHLENS_CLI), arguments);
    Run run;
    if (!process.waitForFinished(600000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString fixture(const char *name)
{
    return QString::fromStdString(testing::fixture(name));
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void infoListsBlocks()
    {
        const Run run = cli({"info", fixture("tv_bottleneck.pt"), "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(info["family"].toString(), QStringLiteral("torchvision-style ResNet"));
        const QJsonArray blocks = info["blocks"].toArray();
        QCOMPARE(blocks.size(), 6); // [1, 3, 1, 1] Bottlenecks
        QCOMPARE(blocks[0].toObject()["kind"].toString(), QStringLiteral("Bottleneck"));
        QVERIFY(blocks[1].toObject()["downsampling"].toBool());
        QVERIFY(!blocks[2].toObject()["downsampling"].toBool());
        QCOMPARE(info["stages"].toInt(), 4);
        QVERIFY(info["parameters"].toDouble() > 1e6);

        const Run text = cli({"info", fixture("cifar20.pt")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("layer3.2"));
        QVERIFY(text.out.contains("9 in 3 stages"));
    }

    // lesion's per-block accuracies must equal separate evals of each deletion (no reuse there).
    void lesionAgreesWithEval()
    {
        const QStringList common{"--limit", "300", "--batch", "64", "--json"};
        const Run lesion = cli(QStringList{"lesion", fixture("cifar20.pt")} + common);
        QCOMPARE(lesion.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(lesion.out).object();
        QCOMPARE(result["images"].toInt(), 300);
        QVERIFY(result.contains("seconds"));
        QCOMPARE(result["model"].toString(), fixture("cifar20.pt"));
        const QJsonArray blocks = result["blocks"].toArray();
        QCOMPARE(blocks.size(), 9);

        const Run baseline = cli(QStringList{"eval", fixture("cifar20.pt"), "--no-reuse"} + common);
        QCOMPARE(baseline.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(baseline.out).object()["accuracy"].toDouble(), result["baseline"].toDouble());
        for (int i : {0, 3, 8}) {
            const QJsonObject block = blocks[i].toObject();
            QCOMPARE(block["index"].toInt(), i);
            QCOMPARE(block["stage"].toInt(), i / 3);
            QCOMPARE(block["downsampling"].toBool(), i == 3);
            const Run single = cli(QStringList{"eval", fixture("cifar20.pt"), "--delete", QString::number(i), "--no-reuse"} + common);
            QCOMPARE(single.exitCode, 0);
            const double accuracy = QJsonDocument::fromJson(single.out).object()["accuracy"].toDouble();
            QCOMPARE(block["accuracy"].toDouble(), accuracy);
            QVERIFY(accuracy >= 0 && accuracy <= 1);
        }
    }

    void evalReorderAndCsv()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath("lesion.csv");
        const Run lesion = cli({"lesion", fixture("protocol.pt"), "--limit", "100", "--csv", csv});
        QCOMPARE(lesion.exitCode, 0);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 6);
        QCOMPARE(lines[0], QByteArray("index,name,stage,downsampling,accuracy,baseline"));

        const Run reordered = cli({"eval", fixture("protocol.pt"), "--limit", "100", "--order", "2,0,1,3,5,4", "--json"});
        QCOMPARE(reordered.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(reordered.out).object()["images"].toInt(), 100);

        const Run refused = cli({"eval", fixture("protocol.pt"), "--limit", "100", "--order", "0,1,2,4,3,5"});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("downsampling"), qPrintable(refused.err));
    }

    void pathsNeedsNoData()
    {
        const Run run = cli({"paths", fixture("cifar20.pt"), "--delete", "2", "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result["active"].toInt(), 8);
        const QJsonArray distribution = result["distribution"].toArray();
        QCOMPARE(distribution.size(), 9);
        double sum = 0;
        for (const auto &value : distribution)
            sum += value.toDouble();
        PL_COMPARE_NEAR(sum, 1.0, 1e-12);
        PL_COMPARE_NEAR(distribution[4].toDouble(), 70.0 / 256.0, 1e-15); // C(8, 4) / 2^8
        const QJsonObject surviving = result["surviving"].toObject();
        QVERIFY(surviving.contains("1") && !surviving.contains("10") && !surviving.contains("20")); // only 9 blocks
        PL_COMPARE_NEAR(surviving["1"].toArray()[1].toDouble(), 8.0 / 9.0, 1e-15);
    }

    void sweepsAndGradients()
    {
        const QStringList common{"--limit", "200", "--samples", "2", "--seed", "3", "--json"};
        const Run deleteK = cli(QStringList{"delete-k", fixture("cifar20.pt"), "--max-k", "3"} + common);
        QCOMPARE(deleteK.exitCode, 0);
        const QJsonObject deletion = QJsonDocument::fromJson(deleteK.out).object();
        const QJsonArray points = deletion["points"].toArray();
        QCOMPARE(points.size(), 4);
        QCOMPARE(points[0].toObject()["mean"].toDouble(), deletion["baseline"].toDouble());
        QCOMPARE(points[2].toObject()["accuracies"].toArray().size(), 2);
        const Run repeated = cli(QStringList{"delete-k", fixture("cifar20.pt"), "--max-k", "3"} + common);
        QCOMPARE(QJsonDocument::fromJson(repeated.out).object()["points"], deletion["points"]); // same seed, same numbers

        const Run reorder = cli(QStringList{"reorder", fixture("cifar20.pt"), "--max-swaps", "2"} + common);
        QCOMPARE(reorder.exitCode, 0);
        const QJsonArray swaps = QJsonDocument::fromJson(reorder.out).object()["points"].toArray();
        QCOMPARE(swaps.size(), 3);
        QCOMPARE(swaps[1].toObject()["kendall_tau"].toArray().size(), 2);

        const Run gradients = cli({"gradients", fixture("cifar20.pt"), "--limit", "64", "--samples", "2", "--batch", "8", "--json"});
        QCOMPARE(gradients.exitCode, 0);
        const QJsonObject curve = QJsonDocument::fromJson(gradients.out).object();
        QCOMPARE(curve["lengths"].toArray().size(), 10);
        QCOMPARE(curve["mean"].toArray().size(), 10);
        QCOMPARE(curve["samples"].toArray()[5].toInt(), 2);
        const QJsonObject effective = curve["effective"].toObject();
        QVERIFY(effective["from"].toInt() <= effective["to"].toInt());
        QVERIFY(effective["share_of_paths"].toDouble() > 0 && effective["share_of_paths"].toDouble() <= 1);
    }

    void plotsAndQuickReport()
    {
        QTemporaryDir dir;
        const Run plotted = cli({"lesion", fixture("cifar20.pt"), "--limit", "100", "--plot", dir.filePath("lesion.png"),
                                 "--dpi", "192", "--compare", fixture("protocol.pt"), "--json"});
        QCOMPARE(plotted.exitCode, 0);
        QCOMPARE(QImage(dir.filePath("lesion.png")).size(), QSize(1280, 840));
        QVERIFY(QJsonDocument::fromJson(plotted.out).object()["compare"].toObject()["accuracy"].toArray().size() == 6);

        const Run report = cli({"report", fixture("cifar20.pt"), "--quick", "--out", dir.filePath("report")});
        QCOMPARE(report.exitCode, 0);
        for (const char *name : {"lesion", "delete-k", "reorder", "paths", "gradients"})
            for (const char *suffix : {"pdf", "svg", "png", "csv", "json"})
                QVERIFY2(QFileInfo(dir.filePath(QStringLiteral("report/%1.%2").arg(name, suffix))).size() > 0, name);
        QFile index(dir.filePath("report/index.html"));
        QVERIFY(index.open(QIODevice::ReadOnly));
        const QByteArray html = index.readAll();
        QVERIFY(html.contains("effective paths"));
        QVERIFY(html.contains("0.45%"));
        QVERIFY(html.contains("gradients.png"));

        const Run noOut = cli({"report", fixture("cifar20.pt"), "--quick"});
        QCOMPARE(noOut.exitCode, 2);
        QVERIFY(noOut.err.contains("--out"));
    }

    // Ctrl-C during the second experiment of a report: exit 130, the first experiment's files
    // complete, nothing half-written, no index.
    void ctrlCStopsAReportAndKeepsWhatWasWritten()
    {
        QTemporaryDir dir;
        QProcess process;
        process.setReadChannel(QProcess::StandardError); // what waitForReadyRead waits for
        process.start(QStringLiteral(PATHLENS_CLI), {"report", fixture("cifar20.pt"), "--out", dir.filePath("report")});
        QByteArray err;
        while (!err.contains("report: random deletion") && process.waitForReadyRead(60000))
            err += process.readAllStandardError();
        QVERIFY2(err.contains("report: random deletion"), err.constData());
        QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
        QVERIFY(process.waitForFinished(60000));
        err += process.readAllStandardError();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 130 && err.contains("stopped by Ctrl-C"), err.constData());
        for (const char *suffix : {"pdf", "svg", "png", "csv", "json"})
            QVERIFY(QFileInfo(dir.filePath(QStringLiteral("report/lesion.%1").arg(suffix))).size() > 0);
        const QStringList left = QDir(dir.filePath("report")).entryList(QDir::Files);
        QVERIFY2(left.size() == 5, qPrintable(left.join(' ')));
    }

    void trainsAModelTheOtherCommandsRead()
    {
        QTemporaryDir dir;
        const QString model = dir.filePath("tiny.pt");
        const Run trained = cli({"train", "--arch", "postact", "--depth", "8", "--epochs", "1", "--limit", "256", "--out", model});
        QCOMPARE(trained.exitCode, 0);
        QVERIFY(trained.out.contains("test accuracy"));
        const Run info = cli({"info", model, "--json"});
        QCOMPARE(info.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(info.out).object();
        QCOMPARE(object["family"].toString(), QStringLiteral("block protocol"));
        QCOMPARE(object["blocks"].toArray().size(), 3);
        QCOMPARE(object["metadata"].toObject()["architecture"].toString(), QStringLiteral("postact"));
        QCOMPARE(object["metadata"].toObject()["epochs_done"].toInt(), 1);

        const Run badDepth = cli({"train", "--depth", "9", "--out", model});
        QCOMPARE(badDepth.exitCode, 2);
        QVERIFY(badDepth.err.contains("6n + 2"));
    }

    void lesionOfAPlainNetworkSkipsShapeChangingLayers()
    {
        const Run run = cli({"lesion", QStringLiteral(PATHLENS_MODELS_DIR "/plain20-fashion.pt"), "--limit", "100", "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray blocks = QJsonDocument::fromJson(run.out).object()["blocks"].toArray();
        QCOMPARE(blocks.size(), 9);
        QVERIFY(blocks[3].toObject()["accuracy"].isNull()); // 16x28x28 -> 32x14x14: no identity fits
        QVERIFY(blocks[4].toObject()["accuracy"].isDouble());
    }

    void badInputExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("fragments");
        QTest::newRow("missing model") << QStringList{"info", fixture("nope.pt")} << QStringList{"nope.pt", "no such file"};
        QTest::newRow("random bytes") << QStringList{"info", fixture("random_bytes.pt")}
                                      << QStringList{"random_bytes.pt", "not a readable TorchScript"};
        QTest::newRow("truncated") << QStringList{"eval", fixture("truncated.pt")}
                                   << QStringList{"truncated.pt", "not a readable TorchScript"};
        QTest::newRow("no residual blocks") << QStringList{"lesion", fixture("no_blocks.pt")}
                                            << QStringList{"no_blocks.pt", "not a supported residual network"};
        QTest::newRow("missing data") << QStringList{"eval", fixture("cifar20.pt"), "--data", "/no/such/data"}
                                      << QStringList{"/no/such/data", "no such file"};
        QTest::newRow("delete out of range") << QStringList{"eval", fixture("cifar20.pt"), "--limit", "10", "--delete", "12"}
                                             << QStringList{"block 12"};
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << QStringList{"unknown command"};
        QTest::newRow("bad device") << QStringList{"eval", fixture("cifar20.pt"), "--device", "tpu"} << QStringList{"tpu"};
    }

    void badInputExitsWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, fragments);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        for (const QString &fragment : fragments)
            QVERIFY2(run.err.contains(fragment), qPrintable(run.err));
    }

    void dataTheModelCannotTake()
    {
        QTemporaryDir dir;
        QFile batch(dir.filePath("test_batch.bin"));
        QVERIFY(batch.open(QIODevice::WriteOnly));
        batch.write(QByteArray(2 * 3073, '\x01'));
        batch.close();
        const Run run = cli({"eval", fixture("cifar20.pt"), "--data", dir.path()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("cifar20.pt") && run.err.contains("3x32x32") && run.err.contains(dir.path()),
                 qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
