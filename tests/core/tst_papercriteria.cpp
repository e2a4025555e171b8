// The report's "matches the paper / differs" verdicts, decided by the stated criteria.

#include "papercriteria.h"

#include "testhelpers.h"

using namespace pathlens;

class TestPaperCriteria final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleDeletion()
    {
        // Drops 0.2, 0.5, 0.9 and 3 points: median 0.7 < 1.
        Verdict v = singleDeletionVerdict(0.93, {0.928, 0.925, 0.921, 0.90});
        QVERIFY(v.matches);
        QVERIFY2(v.finding.find("0.70") != std::string::npos, v.finding.c_str());
        // Block 0 of the old bundled model: a few drops of 1.5 points and more make the median 1.5.
        v = singleDeletionVerdict(0.93, {0.915, 0.915, 0.23, 0.925});
        QVERIFY(!v.matches);
        QVERIFY(!singleDeletionVerdict(0.9, {}).matches);
    }

    void plainControl()
    {
        QVERIFY(plainControlVerdict({0.10, 0.14, 0.06, 0.099}, 10).matches);
        const Verdict v = plainControlVerdict({0.10, 0.16, 0.09}, 10); // 6 points above chance
        QVERIFY(!v.matches);
        QVERIFY2(v.finding.find("16.00") != std::string::npos, v.finding.c_str());
    }

    void nonIncreasing()
    {
        // A rise of 1 point inside overlapping intervals is noise; one of 5 points outside is not.
        QVERIFY(nonIncreasingVerdict({0.9, 0.91, 0.85, 0.80}, {0.01, 0.01, 0.01, 0.01}, "k").matches);
        const Verdict v = nonIncreasingVerdict({0.9, 0.80, 0.85, 0.70}, {0.01, 0.01, 0.01, 0.01}, "k");
        QVERIFY(!v.matches);
        QVERIFY2(v.finding.find("80.00% to 85.00% at point 2") != std::string::npos, v.finding.c_str());
        // Two samples per point (--quick): intervals of +-248 points show nothing either way.
        const Verdict wide = nonIncreasingVerdict({0.9, 0.80, 0.55, 0.60}, {0.0, 1.2, 2.48, 1.9}, "k");
        QVERIFY(!wide.comparable && !wide.matches);
        QVERIFY2(wide.finding.find("too wide to judge (median +-190.00 points") != std::string::npos, wide.finding.c_str());
    }

    void effectiveWindow()
    {
        EffectiveWindow w;
        w.from = 6, w.to = 16, w.fromLow = 5, w.fromHigh = 7, w.toLow = 15, w.toHigh = 17;
        QVERIFY(effectiveWindowVerdict(54, w).matches);
        w.from = w.fromLow = w.fromHigh = 19;
        w.to = w.toLow = w.toHigh = 30;
        QVERIFY(!effectiveWindowVerdict(54, w).matches);
        w.from = w.fromLow = w.fromHigh = 2;
        w.to = w.toLow = w.toHigh = 5;
        QVERIFY(effectiveWindowVerdict(54, w).matches);
        const Verdict other = effectiveWindowVerdict(9, w);
        QVERIFY(!other.matches);
        QVERIFY(!other.comparable);
        QVERIFY(other.finding.find("not the paper's 54") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestPaperCriteria)
#include "tst_papercriteria.moc"
