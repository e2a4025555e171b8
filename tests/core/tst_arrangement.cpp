#include "arrangement.h"
#include "error.h"
#include "network.h"
#include "testhelpers.h"

using namespace pathlens;

namespace {

// Two stages of three blocks: 8x8x8 then 16x4x4, the second stage opened by a downsampling block.
NetworkInfo twoStageNetwork()
{
    NetworkInfo info;
    info.stemOutputShape = {8, 8, 8};
    for (int i = 0; i < 6; ++i) {
        BlockInfo block;
        block.index = i;
        block.name = "layer" + std::to_string(i / 3 + 1) + "." + std::to_string(i % 3);
        block.stage = i / 3;
        block.downsampling = i == 3;
        block.inputShape = i <= 3 ? Shape{8, 8, 8} : Shape{16, 4, 4};
        block.outputShape = i < 3 ? Shape{8, 8, 8} : Shape{16, 4, 4};
        info.blocks.push_back(block);
    }
    info.stageCount = 2;
    return info;
}

} // namespace

class TestArrangement final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identityIsValid()
    {
        const auto info = twoStageNetwork();
        QVERIFY(!whyInvalid(info, identityArrangement(6)));
        QCOMPARE(activeCount(identityArrangement(6)), 6);
    }

    void deletionKeepsPositionsAndMarksBlocks()
    {
        const auto arrangement = withDeleted(identityArrangement(6), {1, 3});
        QCOMPARE(activeCount(arrangement), 4);
        QVERIFY(!arrangement[1].active);
        QVERIFY(!arrangement[3].active);
        QCOMPARE(arrangement[3].block, 3);
        QVERIFY(!whyInvalid(twoStageNetwork(), arrangement)); // deleting a downsampling block keeps its projection
        PL_EXPECT_ERROR(withDeleted(identityArrangement(6), {6}), "block 6", "0..5");
    }

    void reorderWithinStageIsValid()
    {
        const auto info = twoStageNetwork();
        const auto arrangement = withOrder(withDeleted(identityArrangement(6), {2}), {2, 0, 1, 3, 5, 4});
        QVERIFY(!whyInvalid(info, arrangement));
        QCOMPARE(arrangement[0].block, 2);
        QVERIFY(!arrangement[0].active); // the flag travels with the block
        QCOMPARE(commonPrefixLength(arrangement, identityArrangement(6)), 0);
        QCOMPARE(commonPrefixLength(withDeleted(identityArrangement(6), {4}), identityArrangement(6)), 4);
    }

    // The work of an arrangement run after another: the active slots after their shared prefix, and the head.
    void resumedWorkCountsTheBlocksRunAgain()
    {
        const Arrangement identity = identityArrangement(6);
        QCOMPARE(resumedWork({}, identity), 7);
        QCOMPARE(resumedWork(identity, identity), 1);
        QCOMPARE(resumedWork(identity, withDeleted(identity, {4})), 2);     // slots 4 (deleted) and 5
        QCOMPARE(resumedWork(identity, withDeleted(identity, {0, 4})), 5);  // 1, 2, 3, 5
    }

    void invalidReordersAreExplained()
    {
        const auto info = twoStageNetwork();
        const auto movedDownsampling = whyInvalid(info, withOrder(identityArrangement(6), {0, 1, 2, 4, 3, 5}));
        QVERIFY(movedDownsampling);
        QVERIFY2(movedDownsampling->find("downsampling") != std::string::npos, movedDownsampling->c_str());
        QVERIFY2(movedDownsampling->find("layer2.0") != std::string::npos, movedDownsampling->c_str());

        const auto crossedStage = whyInvalid(info, withOrder(identityArrangement(6), {0, 1, 4, 3, 2, 5}));
        QVERIFY(crossedStage);
        QVERIFY2(crossedStage->find("stage") != std::string::npos, crossedStage->c_str());

        Arrangement duplicate = identityArrangement(6);
        duplicate[1].block = 0;
        const auto twice = whyInvalid(info, duplicate);
        QVERIFY(twice && twice->find("twice") != std::string::npos);

        QVERIFY(whyInvalid(info, identityArrangement(5)));
        PL_EXPECT_ERROR(withOrder(identityArrangement(6), {0, 1, 2, 3, 4}), "5 blocks", "6");
        PL_EXPECT_ERROR(withOrder(identityArrangement(6), {0, 1, 1, 3, 4, 5}), "twice");
        PL_EXPECT_ERROR(withOrder(identityArrangement(6), {0, 1, 2, 3, 4, 9}), "block 9");
    }

    void repeatsAndParallelGroupsFollowTheShapeRules()
    {
        const auto info = twoStageNetwork();
        // Block 1 maps 8x8x8 to itself: it may run twice, and with block 2 in parallel.
        const Arrangement repeated = withRepeated(identityArrangement(6), 1, 1);
        QCOMPARE(int(repeated.size()), 7);
        QCOMPARE(repeated[2].block, 1);
        QVERIFY(!whyInvalid(info, repeated));
        QVERIFY(hasRepeatsOrParallel(repeated));
        const Arrangement parallel = withParallel(identityArrangement(6), 0, 2, Join::Mean);
        QVERIFY(!whyInvalid(info, parallel));
        QCOMPARE(activeGroupSizes(withDeleted(parallel, {1})), (std::vector<int>{2, 1, 1, 1}));
        QCOMPARE(describe(parallel), std::string("order 0+1+2,3,4,5 (parallel branches averaged)"));
        QVERIFY(!hasRepeatsOrParallel(identityArrangement(6)));

        // The downsampling block 3 can neither repeat nor join a group; block 1 with a ReLU after
        // its addition cannot join one either.
        const auto downsamplingTwice = whyInvalid(info, withRepeated(identityArrangement(6), 3, 3));
        QVERIFY(downsamplingTwice && downsamplingTwice->find("downsampling") != std::string::npos);
        QVERIFY(whyInvalid(info, withParallel(identityArrangement(6), 2, 3, Join::Sum)));
        auto postActivation = info;
        postActivation.blocks[1].post = true;
        const auto post = whyInvalid(postActivation, withParallel(identityArrangement(6), 0, 1, Join::Sum));
        QVERIFY2(post && post->find("after its addition") != std::string::npos, post ? post->c_str() : "");
        PL_EXPECT_ERROR(withParallel(identityArrangement(6), 4, 6, Join::Sum), "0..5");
        PL_EXPECT_ERROR(withRepeated(identityArrangement(6), 2, 1), "cannot repeat slots 2..1: the first slot comes after the last");
    }

    void shapeMismatchIsExplained()
    {
        // A block whose declared input differs from what arrives is refused even inside its stage.
        auto info = twoStageNetwork();
        info.blocks[2].inputShape = {8, 16, 16};
        const auto why = whyInvalid(info, withOrder(identityArrangement(6), {0, 2, 1, 3, 4, 5}));
        QVERIFY(why);
        QVERIFY2(why->find("8x16x16") != std::string::npos, why->c_str());
    }
};

QTEST_APPLESS_MAIN(TestArrangement)
#include "tst_arrangement.moc"
