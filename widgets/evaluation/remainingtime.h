#pragma once

#include <QElapsedTimer>
#include <QString>

namespace pathlens {

// "12 s elapsed, about 40 s left" for a measurement under way. The rest is estimated from the rate
// since its first progress report, not since it was started: building the engine takes seconds in
// which no work is reported, and counting them made the estimate for the rest too long early on.
class RemainingTime
{
public:
    void start();                                         // the measurement starts now
    QString text(double fractionDone);                    // at this moment
    QString textAt(double seconds, double fractionDone);  // `seconds` after the start

private:
    QElapsedTimer m_clock;
    double m_firstSeconds = -1; // the first report with work done
    double m_firstFraction = 0;
};

} // namespace pathlens
