#include "error.h"
#include "statistics.h"

#include "testhelpers.h"

#include <cmath>

using namespace pathlens;

// Reference values: Wilson (1927), evaluated independently with Python's statistics.NormalDist
// (z = 1.959963984540054 at 95%) and the closed form; they agree with published tables, e.g.
// 93 of 100 -> [0.8625, 0.9657].
class TestStatistics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalQuantile()
    {
        PL_COMPARE_NEAR(pathlens::normalQuantile(0.95), 1.959963984540054, 1e-12);
        PL_COMPARE_NEAR(pathlens::normalQuantile(0.99), 2.5758293035489, 1e-12);
        PL_COMPARE_NEAR(pathlens::normalQuantile(0.6826894921370859), 1.0, 1e-12); // one sigma
        PL_EXPECT_ERROR(pathlens::normalQuantile(1.0), "strictly between 0 and 1");
        PL_EXPECT_ERROR(pathlens::normalQuantile(0.0), "strictly between 0 and 1");
    }

    // Tables of Student's t (two-sided): the interval of a mean of few samples.
    void studentQuantileKnownValues()
    {
        PL_COMPARE_NEAR(pathlens::studentQuantile(0.95, 1), 12.7062047362, 1e-8);
        PL_COMPARE_NEAR(pathlens::studentQuantile(0.95, 2), 4.30265272975, 1e-8);
        PL_COMPARE_NEAR(pathlens::studentQuantile(0.95, 9), 2.26215716274, 1e-8);
        PL_COMPARE_NEAR(pathlens::studentQuantile(0.95, 30), 2.04227245630, 1e-8);
        PL_COMPARE_NEAR(pathlens::studentQuantile(0.99, 5), 4.03214298356, 1e-8);
        PL_COMPARE_NEAR(pathlens::studentQuantile(0.95, 1000), 1.96233908082, 1e-8);
        PL_EXPECT_ERROR(pathlens::studentQuantile(0.95, 0), "degree of freedom");
        // Two samples 0.2 apart: mean 0.5, standard error 0.1, t 12.7: the whole of [0, 1].
        const pathlens::Interval wide = pathlens::meanAccuracyInterval(0.5, 0.1, 2);
        QCOMPARE(wide.lower, 0.0);
        QCOMPARE(wide.upper, 1.0);
        const pathlens::Interval ten = pathlens::meanAccuracyInterval(0.9, 0.01, 10);
        PL_COMPARE_NEAR(ten.lower, 0.9 - 0.0226215716274, 1e-10);
        PL_COMPARE_NEAR(ten.upper, 0.9 + 0.0226215716274, 1e-10);
        QVERIFY(std::isnan(pathlens::meanAccuracyInterval(0.9, 0, 1).lower));
    }

    void wilsonIntervalKnownValues()
    {
        const Interval a = wilsonInterval(93, 100);
        PL_COMPARE_NEAR(a.lower, 0.8625048526, 1e-9);
        PL_COMPARE_NEAR(a.upper, 0.9656807389, 1e-9);
        const Interval b = wilsonInterval(930, 1000); // ten times the images: about a third as wide
        PL_COMPARE_NEAR(b.lower, 0.9124853518, 1e-9);
        PL_COMPARE_NEAR(b.upper, 0.9442236359, 1e-9);
        const Interval half = wilsonInterval(5, 10); // symmetric about one half
        PL_COMPARE_NEAR(half.lower, 0.2365930905, 1e-9);
        PL_COMPARE_NEAR(half.upper, 0.7634069095, 1e-9);
    }

    void wilsonIntervalAtTheEnds()
    {
        // Not empty at 0 or n successes, and never outside [0, 1].
        const Interval none = wilsonInterval(0, 10);
        QCOMPARE(none.lower, 0.0);
        PL_COMPARE_NEAR(none.upper, 0.2775327999, 1e-9);
        const Interval all = wilsonInterval(10, 10);
        PL_COMPARE_NEAR(all.lower, 0.7224672001, 1e-9);
        QCOMPARE(all.upper, 1.0);
        const Interval one = wilsonInterval(1, 1, 0.99);
        QVERIFY(one.lower > 0 && one.lower < 0.5 && one.upper == 1.0);
    }

    void wilsonIntervalRefusesImpossibleCounts()
    {
        PL_EXPECT_ERROR(wilsonInterval(0, 0), "trials > 0", "0 of 0");
        PL_EXPECT_ERROR(wilsonInterval(11, 10), "11 of 10");
        PL_EXPECT_ERROR(wilsonInterval(-1, 10), "-1 of 10");
        PL_EXPECT_ERROR(wilsonInterval(5, 10, 1.5), "strictly between 0 and 1");
    }

    // Spearman's rho with a tie, by hand: ranks of y = (1, 2, 3.5, 5, 3.5), r = 8 / sqrt(10 * 9.5);
    // the interval tanh(atanh(r) -+ 1.95996 sqrt(1.06 / 2)) evaluated independently in Python.
    void spearmanKnownValues()
    {
        const RankCorrelation tied = spearman({1, 2, 3, 4, 5}, {5, 6, 7, 8, 7});
        QCOMPARE(tied.pairs, 5);
        PL_COMPARE_NEAR(tied.rho, 0.8207826816681233, 1e-12);
        PL_COMPARE_NEAR(tied.interval.lower, -0.2614498675621887, 1e-9);
        PL_COMPARE_NEAR(tied.interval.upper, 0.9887195287096668, 1e-9);
        // Ranks only: any increasing transform of either side leaves rho unchanged.
        const RankCorrelation transformed = spearman({1, 8, 27, 64, 125}, {-5, -4, -3, -2, -3});
        PL_COMPARE_NEAR(transformed.rho, tied.rho, 1e-12);
        // Reversed order: -1, and the interval collapses onto it.
        const RankCorrelation reversed = spearman({1, 2, 3, 4, 5, 6}, {60, 50, 40, 30, 20, 10});
        QCOMPARE(reversed.rho, -1.0);
        QCOMPARE(reversed.interval.lower, -1.0);
        QCOMPARE(reversed.interval.upper, -1.0);
    }

    void spearmanWithoutEnoughData()
    {
        QVERIFY(std::isnan(spearman({}, {}).rho));
        QVERIFY(std::isnan(spearman({1, 2, 3, 4}, {7, 7, 7, 7}).rho)); // no spread: no rank order
        const RankCorrelation three = spearman({1, 2, 3}, {1, 3, 2});
        PL_COMPARE_NEAR(three.rho, 0.5, 1e-12);
        QVERIFY(std::isnan(three.interval.lower) && std::isnan(three.interval.upper)); // n - 3 = 0
        PL_EXPECT_ERROR(spearman({1, 2}, {1}), "2 and 1");
    }
};

QTEST_APPLESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
