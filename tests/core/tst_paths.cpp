#include "paths.h"
#include "testhelpers.h"

#include <algorithm>
#include <numeric>

using namespace pathlens;

class TestPaths final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paperNumbersForResNet110()
    {
        // DESIGN.md section 4: n = 54; the paper's "0.45%" and "more than 95%".
        PL_COMPARE_NEAR(100 * shareOfPaths(54, 5, 17), 0.454, 0.0005);
        PL_COMPARE_NEAR(100 * shareOfPaths(54, 19, 35), 98.0, 0.05);
        // the exact values, from Python's math.comb
        PL_COMPARE_NEAR(shareOfPaths(54, 5, 17), 0.004536670150778743, 1e-15);
        PL_COMPARE_NEAR(shareOfPaths(54, 19, 35), 0.9801656732719317, 1e-15);
    }

    void countsAreExact()
    {
        QCOMPARE(pathCounts(54)[27], 1946939425648112.0);
        QCOMPARE(pathCounts(54)[0], 1.0);
        QCOMPARE(pathCounts(54)[1], 54.0);
        // C(66, 33) = 7219428434016265740 is beyond 2^53; the double is its correctly rounded value.
        QCOMPARE(pathCounts(66)[33], 7219428434016265740.0);
    }

    void largeNetworksStayFinite()
    {
        for (int n : {66, 200, 1000}) {
            const auto distribution = pathLengthDistribution(n);
            QCOMPARE(int(distribution.size()), n + 1);
            for (double p : distribution)
                QVERIFY(std::isfinite(p) && p >= 0);
            PL_COMPARE_NEAR(std::accumulate(distribution.begin(), distribution.end(), 0.0), 1.0, 1e-12);
        }
        // C(200, 100) / 2^200, from Python's exact integers
        PL_COMPARE_NEAR(pathLengthDistribution(200)[100] / 0.05634847900925642, 1.0, 1e-14);
        PL_COMPARE_NEAR(pathCounts(200)[100] / 9.054851465610328e58, 1.0, 1e-14);
    }

    void survivingFractions()
    {
        // Deleting d of n blocks leaves C(n - d, k) / C(n, k) of the paths of length k.
        const auto none = survivingFraction(54, 0);
        for (double f : none)
            QCOMPARE(f, 1.0);
        const auto ten = survivingFraction(54, 10);
        QCOMPARE(ten[0], 1.0);
        PL_COMPARE_NEAR(ten[1], 44.0 / 54.0, 1e-15);
        PL_COMPARE_NEAR(ten[27] / 0.0003525296108005627, 1.0, 1e-14); // C(44, 27) / C(54, 27)
        QCOMPARE(ten[45], 0.0);
        QCOMPARE(ten[54], 0.0);
        const auto many = survivingFraction(200, 20);
        for (double f : many)
            QVERIFY(std::isfinite(f) && f >= 0 && f <= 1);
    }

    // Parallel groups: (1 + z)^3 (1 + 3 z) = 1 + 6z + 12z^2 + 10z^3 + 3z^4, by hand; 32 paths.
    void parallelGroupCounts()
    {
        QVERIFY(groupedPathCounts({1, 1, 3, 1}) == (std::vector<double>{1, 6, 12, 10, 3}));
        const auto fractions = groupedPathLengthDistribution({1, 1, 3, 1});
        QCOMPARE(fractions[2], 12.0 / 32.0);
        QVERIFY(groupedPathCounts({1, 0, 2}) == (std::vector<double>{1, 3, 2})); // a group with no active member
        // Ordinary blocks only: the binomial counts.
        QVERIFY(groupedPathCounts(std::vector<int>(54, 1)) == pathCounts(54));
        // Against the definition: every path picks, per group of m, none or one of its branches.
        const std::vector<int> groups{2, 1, 4, 1, 3};
        std::vector<double> enumerated(groups.size() + 1, 0.0);
        std::vector<int> choice(groups.size(), 0); // 0: the group's input alone, j > 0: branch j
        while (true) {
            enumerated[size_t(std::count_if(choice.begin(), choice.end(), [](int c) { return c > 0; }))] += 1;
            size_t g = 0;
            while (g < groups.size() && ++choice[g] > groups[g])
                choice[g++] = 0;
            if (g == groups.size())
                break;
        }
        QVERIFY(groupedPathCounts(groups) == enumerated);
        QCOMPARE(std::accumulate(enumerated.begin(), enumerated.end(), 0.0), 3.0 * 2 * 5 * 2 * 4);
    }

    // The share of the original network's paths that a group keeps (the Surviving paths tab drew
    // the original's 100 % beside a parallel group): blocks 1-3 of 4 in one group,
    // (1 + z)(1 + 3z) = 1 + 4z + 3z^2 of C(4, k) = 1, 4, 6, 4, 1.
    void keptPathsOfParallelGroups()
    {
        QVERIFY(keptPathFraction(4, {1, 3}) == (std::vector<double>{1, 1, 0.5, 0, 0}));
        QVERIFY(keptPathFraction(6, {1, 0, 1, 1, 0, 1}) == survivingFraction(6, 2)); // deletions alone
        QVERIFY(keptPathFraction(24, {1, 1, 1, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1})[17] > 0); // the ViT's 8-15
        QCOMPARE(keptPathFraction(24, {1, 1, 1, 1, 1, 1, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1})[18], 0.0);
    }
};

QTEST_APPLESS_MAIN(TestPaths)
#include "tst_paths.moc"
