// `--shard I/N` and `merge` end to end, as local processes: the merged parts of every sharded
// command equal the unsharded run (every key but "seconds", exactly; CSV byte for byte), and
// merges of parts that do not belong together exit with 2 and say why (DESIGN.md section 8).

#include "testhelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

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

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject withoutSeconds(QJsonObject object)
{
    object.remove(QStringLiteral("seconds"));
    return object;
}

// The same options for every run of one experiment; shards add --shard, and write parts.
QStringList experiment(const QString &name)
{
    const QString model = fixture("cifar20.pt");
    // 2 threads everywhere: the thread count is one of the options all parts must share.
    const QStringList common{"--limit", "100", "--threads", "2"};
    if (name == QLatin1String("lesion"))
        return QStringList{"lesion", model} + common;
    if (name == QLatin1String("delete-k"))
        return QStringList{"delete-k", model, "--max-k", "3", "--samples", "2", "--seed", "3"} + common;
    // The bundled ResNet-110, whose block 0 costs about 17 points: the samples are also split by
    // whether they deleted it, and the merge keeps the blocks each sample touched.
    if (name == QLatin1String("delete-k critical"))
        return {"delete-k", QStringLiteral(PATHLENS_MODELS_DIR "/resnet110-fashion.pt"), "--max-k", "10", "--samples", "3",
                "--seed", "5", "--limit", "60", "--threads", "2"};
    // Issue 28: runs of 3 units shuffled (one order per run, from --seed) and only MLP units
    // deleted, on the timm-style ViT: the options travel with the parts, and the merge replays them.
    const QStringList vit{fixture("roles_timm_vit.pt"), "--data", fixture("roles_timm_vit-images-idx3-ubyte")};
    if (name == QLatin1String("lesion span"))
        return QStringList{"lesion"} + vit + QStringList{"--span", "3", "--intervention", "shuffle", "--seed", "5"} + common;
    if (name == QLatin1String("delete-k kind"))
        return QStringList{"delete-k"} + vit + QStringList{"--kind", "MLP", "--max-k", "3", "--samples", "2"} + common;
    if (name == QLatin1String("reorder"))
        return QStringList{"reorder", model, "--max-swaps", "2", "--samples", "2", "--seed", "3"} + common;
    // Two rounds in three shards: shard 2 has no work, which is valid.
    return {"gradients", model, "--limit", "64", "--samples", "2", "--batch", "8", "--threads", "2"};
}

} // namespace

class TestShards final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergedEqualsUnsharded_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"lesion", "delete-k", "reorder", "gradients", "delete-k critical", "lesion span", "delete-k kind"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void mergedEqualsUnsharded()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QStringList arguments = experiment(name);
        const Run whole = cli(arguments + QStringList{"--json", "--csv", dir.filePath("whole.csv")});
        QVERIFY2(whole.exitCode == 0, qPrintable(whole.err));
        const QJsonObject unsharded = QJsonDocument::fromJson(whole.out).object();
        if (name == QLatin1String("lesion span"))
            QCOMPARE(unsharded["intervention"].toString(), QStringLiteral("shuffle"));
        if (name == QLatin1String("delete-k kind"))
            QCOMPARE(unsharded["kind"].toString(), QStringLiteral("MLP"));

        const int count = 3;
        QStringList parts;
        double secondsSum = 0;
        for (int i = 0; i < count; ++i) {
            const Run shard = cli(arguments + QStringList{"--json", "--shard", QStringLiteral("%1/%2").arg(i).arg(count)});
            QVERIFY2(shard.exitCode == 0, qPrintable(shard.err));
            const QJsonObject part = QJsonDocument::fromJson(shard.out).object();
            QCOMPARE(part["shard"].toObject()["index"].toInt(), i);
            QCOMPARE(part["shard"].toObject()["count"].toInt(), count);
            const QJsonObject agreed = part["agreed"].toObject();
            for (const char *key : {"model_sha256", "data", "limit", "seed", "device", "precision", "batch", "threads"})
                QVERIFY2(agreed.contains(QLatin1String(key)), key);
            QCOMPARE(agreed["precision"].toString(), QStringLiteral("fp32"));
            secondsSum += part["seconds"].toDouble();
            parts << dir.filePath(QStringLiteral("part-%1.json").arg(i));
            QFile file(parts.last());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(shard.out);
            // The counts beside the accuracies are whole numbers equal to the unsharded run's.
            if (name == QLatin1String("lesion")) {
                QCOMPARE(part["baseline"].isNull(), i != 0);
                const QJsonArray blocks = part["blocks"].toArray();
                QCOMPARE(blocks.size(), 3); // blocks i, i + 3, i + 6 of 9
                for (const QJsonValue &value : blocks) {
                    const QJsonObject block = value.toObject();
                    QCOMPARE(block["index"].toInt() % count, i);
                    QCOMPARE(block["images"].toInt(), 100);
                    const QJsonObject same = unsharded["blocks"].toArray()[block["index"].toInt()].toObject();
                    QCOMPARE(block["correct"].toInteger(), qRound64(same["accuracy"].toDouble() * 100));
                    QCOMPARE(block["accuracy"].toDouble(), same["accuracy"].toDouble());
                }
            }
            if (name == QLatin1String("gradients"))
                QCOMPARE(part["rounds"].toArray().size(), i < 2 ? 1 : 0);
        }
        if (name == QLatin1String("delete-k critical")) {
            QVERIFY(unsharded["critical_blocks"].toArray().contains(0));
            // Over k = 1..10 some of the 30 samples deleted block 0 and the rest did not (seed 5):
            // those that did score far lower (measured: 2 samples at 61% against 29 at 91%;
            // without block 0 alone it is about 78% on 2,000 images).
            int touching = 0, sparing = 0;
            double touchingSum = 0, sparingSum = 0;
            for (const QJsonValue &value : unsharded["points"].toArray()) {
                const QJsonObject hit = value.toObject()["touching_critical"].toObject();
                const QJsonObject miss = value.toObject()["sparing_critical"].toObject();
                touching += hit["samples"].toInt();
                sparing += miss["samples"].toInt();
                touchingSum += hit["samples"].toInt() * hit["mean"].toDouble();
                sparingSum += miss["samples"].toInt() * miss["mean"].toDouble();
            }
            QCOMPARE(touching + sparing, 1 + 10 * 3);
            QVERIFY2(touching > 0 && sparing > 0, qPrintable(QStringLiteral("%1 and %2").arg(touching).arg(sparing)));
            QVERIFY2(touchingSum / touching < sparingSum / sparing - 0.15,
                     qPrintable(QStringLiteral("%1 vs %2").arg(touchingSum / touching).arg(sparingSum / sparing)));
        }

        const Run merged = cli(QStringList{"merge"} + parts + QStringList{"--json", "--csv", dir.filePath("merged.csv")});
        QVERIFY2(merged.exitCode == 0, qPrintable(merged.err));
        const QJsonObject joined = QJsonDocument::fromJson(merged.out).object();
        QCOMPARE(joined.keys(), unsharded.keys());
        QCOMPARE(withoutSeconds(joined), withoutSeconds(unsharded)); // every double bit for bit
        QCOMPARE(readBytes(dir.filePath("merged.csv")), readBytes(dir.filePath("whole.csv")));
        // "seconds" is the sum of the shards' (rounding of the printed sum: 1e-9 s).
        PL_COMPARE_NEAR(joined["seconds"].toDouble(), secondsSum, 1e-9);
    }

    // A report in two shards, merged into a folder: the same JSON and CSV as the unsharded report.
    void mergedReportEqualsUnsharded()
    {
        QTemporaryDir dir;
        const QStringList arguments{"report", fixture("cifar20.pt"), "--quick", "--threads", "2"};
        const Run whole = cli(arguments + QStringList{"--out", dir.filePath("whole")});
        QVERIFY2(whole.exitCode == 0, qPrintable(whole.err));
        QStringList parts;
        for (int i = 0; i < 2; ++i) {
            const Run shard = cli(arguments + QStringList{"--shard", QStringLiteral("%1/2").arg(i)});
            QVERIFY2(shard.exitCode == 0, qPrintable(shard.err));
            parts << dir.filePath(QStringLiteral("part-%1.json").arg(i));
            QFile file(parts.last());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(shard.out);
        }
        const Run merged = cli(QStringList{"merge"} + parts + QStringList{"--out", dir.filePath("merged")});
        QVERIFY2(merged.exitCode == 0, qPrintable(merged.err));
        for (const char *name : {"lesion", "delete-k", "reorder", "paths", "gradients"}) {
            const QString json = QStringLiteral("%1.json").arg(QLatin1String(name));
            const QString csv = QStringLiteral("%1.csv").arg(QLatin1String(name));
            QCOMPARE(withoutSeconds(QJsonDocument::fromJson(readBytes(dir.filePath("merged/" + json))).object()),
                     withoutSeconds(QJsonDocument::fromJson(readBytes(dir.filePath("whole/" + json))).object()));
            QVERIFY2(!readBytes(dir.filePath("whole/" + csv)).isEmpty(), name);
            QCOMPARE(readBytes(dir.filePath("merged/" + csv)), readBytes(dir.filePath("whole/" + csv)));
            for (const char *suffix : {"pdf", "svg", "png"})
                QVERIFY(QFileInfo(dir.filePath(QStringLiteral("merged/%1.%2").arg(QLatin1String(name), QLatin1String(suffix))))
                            .size() > 0);
        }
        // The paper's own axes beside ours: Fig. 5b against Kendall's tau, Fig. 6c linear.
        for (const char *name : {"reorder-tau", "gradients-linear"})
            for (const char *suffix : {"pdf", "svg", "png"})
                QVERIFY(QFileInfo(dir.filePath(QStringLiteral("merged/%1.%2").arg(QLatin1String(name), QLatin1String(suffix))))
                            .size() > 0);
        const QByteArray index = readBytes(dir.filePath("merged/index.html"));
        QVERIFY(index.contains("effective paths"));
        // Every sampled figure's caption says on what it rests.
        QVERIFY(index.contains("delete-k: 200 test images, 2 samples per point, seed 1"));
        QVERIFY(index.contains("reorder-tau: Fig. 5b against Kendall's tau"));
        QVERIFY(index.contains("gradients: batches drawn from 200 training images: 2 samples of 16 per length, seed 1"));
    }

    void wrongMergesExitWithTwo()
    {
        QTemporaryDir dir;
        auto part = [&](const QStringList &arguments, const QString &file) {
            const Run run = cli(arguments + QStringList{"--json"});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QFile out(dir.filePath(file));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(run.out);
        };
        // Cheap parts: single deletion on 16 images.
        const QStringList run3{"lesion", fixture("cifar20.pt"), "--limit", "16", "--threads", "2"};
        for (int i = 0; i < 3; ++i)
            part(run3 + QStringList{"--shard", QStringLiteral("%1/3").arg(i)}, QStringLiteral("a%1.json").arg(i));
        part(run3 + QStringList{"--seed", "4", "--shard", "1/3"}, "other-seed.json");
        part(run3 + QStringList{"--shard", "1/2"}, "of-two.json");
        part(run3, "unsharded.json");
        const QString a0 = dir.filePath("a0.json");
        const QString a1 = dir.filePath("a1.json");
        const QString a2 = dir.filePath("a2.json");

        struct Case
        {
            QStringList arguments;
            QStringList fragments;
        };
        const QList<Case> cases{
            {{"merge", a0, a2}, {"shard 1 of 3 is missing"}},
            {{"merge", a0}, {"shards 1, 2 of 3 are missing"}},
            {{"merge", a0, a1, a1, a2}, {"shard 1/3 given twice", a1}},
            {{"merge", a0, dir.filePath("other-seed.json"), a2}, {"two different runs", "'seed'", "other-seed.json"}},
            {{"merge", a0, dir.filePath("of-two.json"), a2}, {"two different runs", "of-two.json"}},
            {{"merge", a0, dir.filePath("unsharded.json")}, {"unsharded.json", "not the part of a sharded run"}},
            {{"merge", a0, dir.filePath("nope.json")}, {"nope.json", "cannot read"}},
            {{"merge"}, {"merge needs the part files"}},
            {run3 + QStringList{"--json", "--shard", "3/3"}, {"--shard 3/3", "0 to 2"}},
            {run3 + QStringList{"--json", "--shard", "0/0"}, {"--shard 0/0", "at least 1"}},
            {run3 + QStringList{"--json", "--shard", "1"}, {"expected I/N"}},
            {run3 + QStringList{"--json", "--shard", "0/2", "--csv", dir.filePath("x.csv")}, {"--csv belongs to merge"}},
            {QStringList{"eval", fixture("cifar20.pt"), "--shard", "0/2"}, {"--shard works with"}},
        };
        for (const Case &c : cases) {
            const Run run = cli(c.arguments);
            QVERIFY2(run.exitCode == 2, qPrintable(c.arguments.join(' ') + ": exit " + QString::number(run.exitCode)));
            for (const QString &fragment : c.fragments)
                QVERIFY2(run.err.contains(fragment), qPrintable(c.arguments.join(' ') + ": " + run.err));
        }
        QVERIFY(!QFileInfo::exists(dir.filePath("x.csv")));

        // merge opens the model again: a file changed since the shards ran is refused.
        const QString copy = dir.filePath("model.pt");
        QVERIFY(QFile::copy(fixture("cifar20.pt"), copy));
        part({"lesion", copy, "--limit", "16", "--threads", "2", "--shard", "0/1"}, "whole-run.json");
        QFile model(copy);
        QVERIFY(model.open(QIODevice::Append));
        model.write("x");
        model.close();
        const Run changed = cli({"merge", dir.filePath("whole-run.json")});
        QCOMPARE(changed.exitCode, 2);
        QVERIFY2(changed.err.contains(copy) && changed.err.contains("not the file the shards used"), qPrintable(changed.err));
    }
};

QTEST_GUILESS_MAIN(TestShards)
#include "tst_shards.moc"
