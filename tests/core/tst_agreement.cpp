#include "agreement.h"
#include "error.h"

#include "testhelpers.h"

using namespace pathlens;

// Three single-deletion variants and the full network on five images, small enough to check
// every number by hand (the expected values are worked out in the comments).
namespace {
const std::vector<int64_t> labels{0, 1, 2, 2, 1};
const Predictions full{0, 1, 2, 1, 0}; // right on images 0, 1, 2
const std::vector<Predictions> variants{
    {0, 1, 2, 2, 0}, // differs from full on image 3
    {1, 1, 2, 2, 0}, // on images 0 and 3
    {0, 2, 1, 1, 1}, // on images 1, 2 and 4
};
} // namespace

class TestAgreement final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void confusionAndClassCounts()
    {
        // Rows are true classes: class 1 (images 1, 4) predicted as 1 and 0; class 2 (2, 3) as 2 and 1.
        const auto matrix = confusionMatrix(full, labels, 3);
        const std::vector<std::vector<int64_t>> expected{{1, 0, 0}, {1, 1, 0}, {0, 1, 1}};
        QVERIFY(matrix == expected);
        const ClassCounts counts = classCounts(full, labels, 3);
        QVERIFY((counts.correct == std::vector<int64_t>{1, 1, 1}));
        QVERIFY((counts.images == std::vector<int64_t>{1, 2, 2}));
        QCOMPARE(countCorrect(full, labels), int64_t(3));
    }

    void disagreementOfVariants()
    {
        std::vector<Predictions> all{full};
        all.insert(all.end(), variants.begin(), variants.end());
        const auto d = disagreementMatrix(all);
        const std::vector<std::vector<double>> expected{
            {0.0, 0.2, 0.4, 0.6}, {0.2, 0.0, 0.2, 0.8}, {0.4, 0.2, 0.0, 1.0}, {0.6, 0.8, 1.0, 0.0}};
        QCOMPARE(d.size(), expected.size());
        for (size_t a = 0; a < d.size(); ++a)
            for (size_t b = 0; b < d.size(); ++b)
                PL_COMPARE_NEAR(d[a][b], expected[a][b], 1e-12);
    }

    void majorityVoteAndTies()
    {
        // Votes per image: (0,1,0) -> 0, (1,1,2) -> 1, (2,2,1) -> 2, (2,2,1) -> 2, (0,0,1) -> 0.
        QVERIFY((majorityVote(variants, full, 3) == Predictions{0, 1, 2, 2, 0}));
        // Two voters: image 0 ties 0 and 1, the tie-breaker says 1; image 1 ties 1 and 2, the
        // tie-breaker's 0 is not among them, so the smaller class wins.
        QVERIFY((majorityVote({{0, 1}, {1, 2}}, {1, 0}, 3) == Predictions{1, 1}));
        // No voters at all: the tie-breaker's prediction.
        QVERIFY((majorityVote({}, {2, 0}, 3) == Predictions{2, 0}));
    }

    void ensembleReadingOfTheExample()
    {
        const EnsembleReading reading = ensembleReading(full, variants, labels, 3);
        QCOMPARE(reading.images, int64_t(5));
        QCOMPARE(reading.fullCorrect, int64_t(3));
        QCOMPARE(reading.majorityCorrect, int64_t(4)); // the vote {0,1,2,2,0} misses only image 4
        PL_COMPARE_NEAR(reading.meanVariantDisagreement, (0.2 + 0.8 + 1.0) / 3, 1e-12);
        PL_COMPARE_NEAR(reading.disagreement[0][3], 0.6, 1e-12);
    }

    void badInputIsRefused()
    {
        PL_EXPECT_ERROR(confusionMatrix({0, 1}, {0, 1, 2}, 3), "2 predictions where 3 were expected");
        PL_EXPECT_ERROR(confusionMatrix({0, 1, 3}, {0, 1, 2}, 3), "predicted class 3", "3 classes");
        PL_EXPECT_ERROR(classCounts({0, 1, 2}, {0, 1, -1}, 3), "label -1");
        PL_EXPECT_ERROR(disagreementMatrix({{0, 1}, {0}}), "disagreement", "1 predictions where 2");
        PL_EXPECT_ERROR(majorityVote({{0, 1}, {0, 5}}, {0, 1}, 3), "predicted class 5");
    }
};

QTEST_APPLESS_MAIN(TestAgreement)
#include "tst_agreement.moc"
