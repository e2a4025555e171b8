#include "remainingtime.h"

#include <QCoreApplication>

namespace pathlens {

void RemainingTime::start()
{
    m_clock.start();
    m_firstSeconds = -1;
    m_firstFraction = 0;
}

QString RemainingTime::text(double fractionDone)
{
    return textAt(double(m_clock.elapsed()) / 1000.0, fractionDone);
}

QString RemainingTime::textAt(double seconds, double fractionDone)
{
    if (fractionDone <= 0)
        return QCoreApplication::translate("pathlens::AnalysisController", "%1 s elapsed").arg(seconds, 0, 'f', 0);
    if (m_firstSeconds < 0) {
        m_firstSeconds = seconds;
        m_firstFraction = fractionDone;
    }
    // Until a second report, the only rate there is: the whole time so far.
    const bool rateSinceFirst = fractionDone > m_firstFraction && seconds > m_firstSeconds;
    const double left = rateSinceFirst ? (seconds - m_firstSeconds) * (1 - fractionDone) / (fractionDone - m_firstFraction)
                                       : seconds * (1 - fractionDone) / fractionDone;
    return QCoreApplication::translate("pathlens::AnalysisController", "%1 s elapsed, about %2 s left").arg(seconds, 0, 'f', 0).arg(left, 0, 'f', 0);
}

} // namespace pathlens
