// The JSON and CSV forms of the experiments' results (core/results.h): the columns and keys that
// pathlens-cli and the GUI's export both write, NaN where a number is missing, and the remapping
// of the engine's counts to blocks.

#include "results.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace pathlens;

namespace {

NetworkInfo threeBlocks()
{
    NetworkInfo network;
    for (int i = 0; i < 3; ++i) {
        BlockInfo block;
        block.index = i;
        block.name = "layer" + std::to_string(i);
        block.stage = i == 0 ? 0 : 1;
        block.downsampling = i == 1;
        network.blocks.push_back(block);
    }
    return network;
}

QJsonObject parsed(const std::string &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

} // namespace

class TestResults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lesionFromCountsInBlockOrder()
    {
        // 80 of 100 right with nothing deleted; block 1 cannot be deleted (-1).
        LesionResult result = lesionResult(threeBlocks(), {80, 70, -1, 90}, 100);
        result.model = "net.pt";
        QCOMPARE(result.baseline, 0.8);
        QCOMPARE(result.baselineCorrect, int64_t(80));
        QVERIFY(std::isnan(result.blocks[1].accuracy));
        QCOMPARE(result.blocks[1].correct, int64_t(-1));
        QCOMPARE(result.blocks[2].accuracy, 0.9);
        // Block 0 costs exactly 10 points (not more), block 1 has no number: none is critical;
        // at a 5-point threshold block 0 is.
        QCOMPARE(criticalBlocks(result), std::vector<int>{});
        QCOMPARE(criticalBlocks(result, 0.05), std::vector<int>{0});
        QCOMPARE(QByteArray::fromStdString(toCsv(result)),
                 QByteArray("index,name,stage,downsampling,accuracy,baseline\n"
                            "0,layer0,0,0,0.7,0.8\n"
                            "1,layer1,1,1,nan,0.8\n"
                            "2,layer2,1,0,0.9,0.8\n"));
        const QJsonObject json = parsed(toJson(result));
        QCOMPARE(json.value("model").toString(), QStringLiteral("net.pt"));
        QCOMPARE(json.value("images").toInteger(), 100);
        QCOMPARE(json.value("baseline").toDouble(), 0.8);
        const QJsonArray blocks = json.value("blocks").toArray();
        QCOMPARE(blocks.size(), 3);
        QVERIFY(blocks[1].toObject().value("accuracy").isNull()); // no number, not NaN
        QCOMPARE(blocks[2].toObject().value("accuracy").toDouble(), 0.9);
        QCOMPARE(blocks[1].toObject().value("name").toString(), QStringLiteral("layer1"));
        QCOMPARE(blocks[1].toObject().value("downsampling").toBool(), true);
        QCOMPARE(blocks[2].toObject().value("stage").toInt(), 1);
        QVERIFY(!json.contains("compare"));

        LesionResult other = lesionResult(threeBlocks(), {10, 11, 12, 13}, 100);
        other.model = "plain.pt";
        result.compared.push_back(other);
        const QJsonObject compare = parsed(toJson(result)).value("compare").toObject();
        QCOMPARE(compare.value("model").toString(), QStringLiteral("plain.pt"));
        QCOMPARE(compare.value("baseline").toDouble(), 0.1);
        QCOMPARE(compare.value("accuracy").toArray().size(), 3);
        QCOMPARE(compare.value("accuracy").toArray()[2].toDouble(), 0.13);
    }

    void lesionFromAShardsPlan()
    {
        // Shard 1 of 2 deleted blocks 1 and... only 1 of 0..2; it ran the original first (for its
        // activations) but does not own the baseline.
        SingleDeletions plan;
        plan.arrangements.resize(2);
        plan.blocks = {1};
        plan.original = true;
        const LesionResult result = lesionResult(threeBlocks(), plan, {50, 40}, 64, Shard{1, 2});
        QVERIFY(std::isnan(result.baseline));
        QCOMPARE(result.baselineCorrect, int64_t(-1));
        QCOMPARE(result.blocks[1].correct, int64_t(40));
        QCOMPARE(result.blocks[1].accuracy, 40.0 / 64.0);
        QVERIFY(std::isnan(result.blocks[0].accuracy));
        QVERIFY(std::isnan(result.blocks[2].accuracy));
        // Unsharded, the same counts give the baseline.
        QCOMPARE(lesionResult(threeBlocks(), plan, {50, 40}, 64).baseline, 50.0 / 64.0);
        // A shard with no work: no numbers at all.
        const LesionResult idle = lesionResult(threeBlocks(), SingleDeletions{{}, {}, false}, {}, 64, Shard{2, 3});
        QVERIFY(std::isnan(idle.baseline));
        QCOMPARE(int(idle.blocks.size()), 3);
    }

    void sweeps()
    {
        SweepResult reorder;
        reorder.reorder = true;
        reorder.model = "net.pt";
        reorder.images = 10;
        reorder.baseline = 0.5;
        reorder.samples = 2;
        reorder.seed = -3; // as the user gave it
        SweepPoint none;
        none.k = 0;
        none.accuracies = {0.5};
        none.taus = {1.0};
        summarise(none);
        SweepPoint one;
        one.k = 1;
        one.accuracies = {0.4, 0.2};
        one.taus = {0.75, 0.5};
        none.touched = {{}};
        one.touched = {{2, 3}, {0, 1}};
        summarise(one);
        reorder.points = {none, one};
        QCOMPARE(QByteArray::fromStdString(toCsv(reorder)),
                 QByteArray("swaps,sample,accuracy,kendall_tau,touched\n0,0,0.5,1,\n1,0,0.4,0.75,2 3\n1,1,0.2,0.5,0 1\n"));
        const QJsonObject json = parsed(toJson(reorder));
        QCOMPARE(json.value("seed").toInt(), -3);
        QCOMPARE(json.value("samples").toInt(), 2);
        const QJsonObject point = json.value("points").toArray()[1].toObject();
        QCOMPARE(point.value("swaps").toInt(), 1);
        QVERIFY(!point.contains("deleted"));
        PL_COMPARE_NEAR(point.value("mean").toDouble(), 0.3, 1e-15);
        PL_COMPARE_NEAR(point.value("std").toDouble(), std::sqrt(0.02), 1e-15);
        QCOMPARE(point.value("kendall_tau").toArray()[0].toDouble(), 0.75);
        QCOMPARE(point.value("touched").toArray()[1].toArray()[0].toInt(), 0);
        QVERIFY(!json.contains("critical_blocks"));
        QVERIFY(!point.contains("touching_critical"));

        // Block 0 critical: sample 1 (0.2) moved it, sample 0 (0.4) did not.
        SweepResult split = reorder;
        split.critical = {0};
        const QJsonObject splitJson = parsed(toJson(split));
        QCOMPARE(splitJson.value("critical_blocks").toArray()[0].toInt(), 0);
        const QJsonObject splitPoint = splitJson.value("points").toArray()[1].toObject();
        QCOMPARE(splitPoint.value("touching_critical").toObject().value("samples").toInt(), 1);
        QCOMPARE(splitPoint.value("touching_critical").toObject().value("mean").toDouble(), 0.2);
        QCOMPARE(splitPoint.value("sparing_critical").toObject().value("mean").toDouble(), 0.4);
        // The original touches nothing: an empty group has no mean.
        const QJsonObject original = splitJson.value("points").toArray()[0].toObject();
        QCOMPARE(original.value("touching_critical").toObject().value("samples").toInt(), 0);
        QVERIFY(original.value("touching_critical").toObject().value("mean").isNull());

        SweepResult deletion = reorder;
        deletion.reorder = false;
        QCOMPARE(QByteArray::fromStdString(toCsv(deletion)), QByteArray("deleted,sample,accuracy,touched\n0,0,0.5,\n1,0,0.4,2 3\n1,1,0.2,0 1\n"));
        const QJsonObject deleted = parsed(toJson(deletion)).value("points").toArray()[1].toObject();
        QCOMPARE(deleted.value("deleted").toInt(), 1);
        QVERIFY(!deleted.contains("kendall_tau"));
    }

    void pathLengths()
    {
        // 2 of 3 blocks active: Binomial(2, 1/2); deleting 1 of 3 keeps C(2, k) / C(3, k).
        // Counts outside 0..3 are skipped, and the arrangement's own deletion is not doubled.
        const PathsResult result = pathsResult(3, 2, {1, 5});
        QCOMPARE(int(result.surviving.size()), 1);
        QCOMPARE(QByteArray::fromStdString(toCsv(result)),
                 QByteArray("length,fraction_of_paths,surviving_after_1_deleted\n"
                            "0,0.25,1\n1,0.5,0.666666666667\n2,0.25,0.333333333333\n3,0,0\n"));
        const QJsonObject json = parsed(toJson(result));
        QCOMPARE(json.value("blocks").toInt(), 3);
        QCOMPARE(json.value("active").toInt(), 2);
        QCOMPARE(json.value("distribution").toArray().size(), 3);
        QCOMPARE(json.value("surviving").toObject().value("1").toArray()[1].toDouble(), 2.0 / 3.0);
        // The central 95% of Binomial(54, 1/2): lengths 20..34.
        // A plain network: one path through its 2 active layers, broken by any deletion.
        const PathsResult plain = pathsResult(3, 2, {1}, true);
        QCOMPARE(plain.distribution, (std::vector<double>{0, 0, 1}));
        QCOMPARE(plain.surviving.at(1), (std::vector<double>{0, 0, 0, 0}));
        QVERIFY(parsed(toJson(plain)).value("plain").toBool());
        const LengthRange range = centralLengths(pathsResult(54, 54, {}));
        QCOMPARE(range.from, 20);
        QCOMPARE(range.to, 34);
    }

    void gradients()
    {
        GradientResult result;
        result.model = "net.pt";
        result.lengths = {0, 1, 2};
        result.mean = {3.0, 2.0, 1.0};
        result.std = {0.0, 0.5, std::nan("")};
        result.samples = {4, 4, 1};
        result.total = {3.0, 4.0, 1.0};
        result.effectiveFrom = 0;
        result.effectiveTo = 1;
        result.effectiveShare = 0.75;
        result.batchSize = 32;
        result.seconds = 1.5;
        QCOMPARE(QByteArray::fromStdString(toCsv(result)),
                 QByteArray("length,mean,std,samples,paths,total\n0,3,0,4,1,3\n1,2,0.5,4,2,4\n2,1,nan,1,1,1\n"));
        const QJsonObject json = parsed(toJson(result));
        QCOMPARE(json.value("batch").toInt(), 32);
        QCOMPARE(json.value("seconds").toDouble(), 1.5);
        QVERIFY(json.value("std").toArray()[2].isNull());
        const QJsonObject effective = json.value("effective").toObject();
        QCOMPARE(effective.value("from").toInt(), 0);
        QCOMPARE(effective.value("to").toInt(), 1);
        QCOMPARE(effective.value("share_of_paths").toDouble(), 0.75);
        QCOMPARE(json.value("lengths").toArray().size(), 3);
    }
};

QTEST_APPLESS_MAIN(TestResults)
#include "tst_results.moc"
