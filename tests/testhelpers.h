#pragma once

// Shared by the test executables: fixture paths and comparisons with stated tolerances.

#include <QElapsedTimer>
#include <QLocale>
#include <QString>
#include <QTest>

#include <cmath>
#include <string>

namespace testing {

inline std::string fixture(const std::string &name)
{
    return std::string(PATHLENS_FIXTURES_DIR) + "/" + name;
}

inline const char *fashionMnist()
{
    return "/usr/share/datasets/fashion-mnist";
}

// Runs `open`, which queues loads on `window` (a MainWindow: models, data, sessions, new
// engines), and waits until they are done: true when none of them failed.
template <typename Window, typename Open>
bool loads(Window &window, Open &&open, int timeoutMs = 300000)
{
    const int failuresBefore = window.loadFailures();
    open();
    QElapsedTimer clock;
    clock.start();
    while (window.isLoading() && clock.elapsed() < timeoutMs)
        QTest::qWait(10);
    return !window.isLoading() && window.loadFailures() == failuresBefore;
}

// A fraction as the program writes a percentage in `language` ("en": 90.1%, "de": 90,1 %).
inline QString percentIn(const QString &language, double fraction)
{
    const QLocale locale(language == QLatin1String("de") ? QLocale::German : QLocale::English);
    const QString number = locale.toString(100 * fraction, 'f', 1);
    return language == QLatin1String("de") ? number + QStringLiteral(" %") : number + QStringLiteral("%");
}

} // namespace testing

// |actual - expected| <= tolerance, with both numbers in the failure message.
#define PL_COMPARE_NEAR(actual, expected, tolerance)                                                               \
    do {                                                                                                           \
        const double plActual = (actual);                                                                          \
        const double plExpected = (expected);                                                                      \
        QVERIFY2(std::abs(plActual - plExpected) <= (tolerance),                                                   \
                 qPrintable(QStringLiteral("%1 = %2, expected %3 within %4")                                       \
                                .arg(QStringLiteral(#actual))                                                      \
                                .arg(plActual, 0, 'g', 12)                                                         \
                                .arg(plExpected, 0, 'g', 12)                                                       \
                                .arg(double(tolerance))));                                                         \
    } while (false)

// The statement throws pathlens::Error whose message contains every given fragment.
#define PL_EXPECT_ERROR(statement, ...)                                                                            \
    do {                                                                                                           \
        try {                                                                                                      \
            statement;                                                                                             \
            QFAIL("expected an error from: " #statement);                                                          \
        } catch (const pathlens::Error &plError) {                                                                 \
            for (const char *plFragment : {__VA_ARGS__})                                                           \
                QVERIFY2(std::string(plError.what()).find(plFragment) != std::string::npos,                        \
                         qPrintable(QStringLiteral("message '%1' lacks '%2'").arg(plError.what(), plFragment)));   \
        }                                                                                                          \
    } while (false)
