#pragma once

// Runs pathlens-cli (PATHLENS_CLI, set by tests/CMakeLists.txt) and keeps what it printed.

#include <QProcess>
#include <QStringList>

namespace testing {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

// `milliseconds`: how long before a run counts as hung (exit code -1; the process is killed).
inline Run cli(const QStringList &arguments, int milliseconds = 600000)
{
    QProcess process;
    process.start(QStringLiteral(PATHLENS_CLI), arguments);
    Run run;
    if (!process.waitForFinished(milliseconds))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace testing
