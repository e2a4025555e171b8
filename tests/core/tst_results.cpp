// The JSON and CSV forms of the experiments' results (core/results.h, core/classresults.h): the
// columns and keys that pathlens-cli and the GUI's export both write, NaN where a number is
// missing, and the remapping of the engine's counts to blocks; and the forgiving JSON reading of
// the files a user hands pathlens (core/jsonvalue.h).

#include "classresults.h"
#include "error.h"
#include "experiments.h"
#include "jsonvalue.h"
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

    // lesion --span 2 on three blocks: runs {0, 1} and {1, 2}, each one row named by its ends.
    void spanDeletions()
    {
        const SingleDeletions plan = singleDeletions(threeBlocks(), {}, 2);
        QCOMPARE(plan.span, 2);
        QVERIFY(plan.blocks == std::vector<int>({0, 1}));
        QCOMPARE(int(plan.arrangements.size()), 3); // the original first
        auto active = [](const Arrangement &arrangement) {
            std::vector<bool> flags;
            for (const Slot &slot : arrangement)
                flags.push_back(slot.active);
            return flags;
        };
        QVERIFY(active(plan.arrangements[0]) == std::vector<bool>({true, true, true}));
        QVERIFY(active(plan.arrangements[1]) == std::vector<bool>({false, false, true}));
        QVERIFY(active(plan.arrangements[2]) == std::vector<bool>({true, false, false}));
        const LesionResult result = lesionResult(threeBlocks(), plan, {80, 30, 60}, 100);
        QCOMPARE(int(result.blocks.size()), 2);
        QCOMPARE(result.blocks[0].name, std::string("layer0 .. layer1"));
        QVERIFY(result.blocks[0].downsampling); // layer1 in the run downsamples
        QCOMPARE(result.blocks[1].accuracy, 0.6);
        const QJsonObject json = parsed(toJson(result));
        QCOMPARE(json.value("span").toInt(), 2);
        QVERIFY(!parsed(toJson(lesionResult(threeBlocks(), {80, 70, 60, 90}, 100))).contains("span"));
        // The whole network is the widest span; wider, or none, is refused.
        QCOMPARE(int(singleDeletions(threeBlocks(), {}, 3).blocks.size()), 1);
        QVERIFY_THROWS_EXCEPTION(Error, singleDeletions(threeBlocks(), {}, 4));
        QVERIFY_THROWS_EXCEPTION(Error, singleDeletions(threeBlocks(), {}, 0));
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

    // lesion --per-class: the original and block 1 deleted, two classes (one whose name needs quotes).
    void perClass()
    {
        PerClassLesion study;
        study.classes = {"T-shirt, top", "say \"hi\""};
        study.images = {4, 5};
        study.blocks = {-1, 1};
        study.blockNames = {"none", "layer1"};
        study.correct = {{4, 3}, {1, 0}};
        QCOMPARE(QByteArray::fromStdString(perClassCsv(study)),
                 QByteArray("block,name,class,correct,images,accuracy,baseline_accuracy\n"
                            "-1,\"none\",\"T-shirt, top\",4,4,1,1\n"
                            "-1,\"none\",\"say \"\"hi\"\"\",3,5,0.6,0.6\n"
                            "1,\"layer1\",\"T-shirt, top\",1,4,0.25,1\n"
                            "1,\"layer1\",\"say \"\"hi\"\"\",0,5,0,0.6\n"));
        QCOMPARE(QByteArray::fromStdString(perClassJson(study, 1).dump()),
                 QByteArray("[{\"class\":\"T-shirt, top\",\"correct\":1,\"images\":4},"
                            "{\"class\":\"say \\\"hi\\\"\",\"correct\":0,\"images\":5}]"));
    }

    // lesion --disagreement: the full network and the variants that delete blocks 0 and 2.
    void disagreement()
    {
        EnsembleReading reading;
        reading.disagreement = {{0, 0.25, 0.5}, {0.25, 0, 0.125}, {0.5, 0.125, 0}};
        reading.images = 8;
        reading.fullCorrect = 6;
        reading.majorityCorrect = 7;
        reading.meanVariantDisagreement = 0.125;
        QCOMPARE(QByteArray::fromStdString(disagreementCsv({0, 2}, reading)),
                 QByteArray("deleted,none,0,2\nnone,0,0.25,0.5\n0,0.25,0,0.125\n2,0.5,0.125,0\n"));
        const QJsonObject json = parsed(disagreementJson({0, 2}, reading).dump());
        QCOMPARE(json.value("variants").toArray(), (QJsonArray{"none", 0, 2}));
        QCOMPARE(json.value("matrix").toArray()[0].toArray()[2].toDouble(), 0.5);
        QCOMPARE(json.value("images").toInt(), 8);
        QCOMPARE(json.value("full_accuracy").toDouble(), 0.75);
        QCOMPARE(json.value("majority_vote_accuracy").toDouble(), 0.875);
        QCOMPARE(json.value("mean_pairwise_disagreement").toDouble(), 0.125);
    }

    // Files a user may have edited are read as Qt read them: the wrong type is a fallback, never a throw.
    void forgivingJson()
    {
        const Json object = *json::parse("{\"int\": 3, \"whole\": 3.0, \"half\": 1.5, \"big\": 1e10, \"text\": \"3\", "
                                         "\"flag\": true, \"list\": [1, -2], \"negative\": -7}");
        QCOMPARE(json::toInt(json::member(object, "int"), -1), 3);
        QCOMPARE(json::toInt(json::member(object, "whole"), -1), 3);
        QCOMPARE(json::toInt(json::member(object, "half"), -1), -1);
        QCOMPARE(json::toInt(json::member(object, "big"), -1), -1);
        QCOMPARE(json::toInteger(json::member(object, "big"), -1), int64_t(10000000000));
        QCOMPARE(json::toInt(json::member(object, "negative"), 0), -7);
        QCOMPARE(json::toInt(json::member(object, "text"), -1), -1);
        QCOMPARE(json::toDouble(json::member(object, "text"), 2.5), 2.5);
        QCOMPARE(json::toDouble(json::member(object, "int")), 3.0);
        QCOMPARE(json::toString(json::member(object, "text")), std::string("3"));
        QCOMPARE(json::toString(json::member(object, "int")), std::string());
        QVERIFY(json::toBool(json::member(object, "flag")));
        QVERIFY(!json::toBool(json::member(object, "int")));
        QVERIFY(json::member(object, "missing").is_null());
        QVERIFY(json::member(json::member(object, "list"), "int").is_null()); // not an object
        QCOMPARE(json::array(json::member(object, "list")).size(), size_t(2));
        QVERIFY(json::array(json::member(object, "int")).empty());
        QVERIFY(json::object(json::member(object, "list")).empty());
        QVERIFY(json::contains(object, "flag") && !json::contains(object, "missing"));

        json::ParseError error;
        QVERIFY(!json::parse("{\"title\": ", &error));
        QVERIFY2(error.reason.find("parse error") == 0, error.reason.c_str()); // without nlohmann's "[json.exception...]"
        QCOMPARE(error.offset, size_t(11)); // nlohmann counts from 1: the end of the 10 bytes
        QVERIFY(!json::parse("[1e400]", &error)); // out of a double's range: refused, not thrown
        QVERIFY2(error.reason.find("number overflow") != std::string::npos, error.reason.c_str());
        // Nested deeper than Qt allowed: refused (writing it out again would recurse that deep).
        QVERIFY(json::parse(std::string(1024, '[') + std::string(1024, ']')));
        QVERIFY(!json::parse(std::string(1025, '[') + std::string(1025, ']'), &error));
        QVERIFY2(error.reason.find("too deeply nested") == 0, error.reason.c_str());

        // Written as Qt wrote it: keys sorted, four spaces, a final newline; bad UTF-8 replaced.
        QCOMPARE(json::indented(Json{{"b", 1}, {"a", {true}}}), std::string("{\n    \"a\": [\n        true\n    ],\n    \"b\": 1\n}\n"));
        QCOMPARE(json::compact(Json{{"name", "a\xff"}}), std::string("{\"name\":\"a\xef\xbf\xbd\"}"));
    }
};

QTEST_APPLESS_MAIN(TestResults)
#include "tst_results.moc"
