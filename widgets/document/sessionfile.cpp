// Reading and writing session files: the parts of sessions that touch the file system and load
// the model. Kept apart from session.cpp so that the session fuzzer (tests/fuzz) builds the parser
// with Qt Core alone.

#include "session.h"

#include "arrangement.h"
#include "error.h"
#include "network.h"
#include "safefile.h"

#include <QCoreApplication>
#include <QFile>

namespace pathlens {

QString readSessionFile(const QString &path, Session &session, std::shared_ptr<Network> &network)
{
    auto failure = [&](const QString &why) { return QStringLiteral("%1: %2").arg(path, why); };
    try {
        checkReadableFile(path.toStdString()); // a FIFO would block the GUI thread
    } catch (const Error &e) {
        return QString::fromStdString(e.what());
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(file.errorString());
    try {
        session = parseSession(file.readAll(), path);
        network = Network::load(session.model.toStdString());
        const NetworkInfo info = network->describe(network->defaultInputShape());
        if (session.arrangement.size() != info.blocks.size())
            return failure(QCoreApplication::translate("Session", "the arrangement has %1 slots, but %2 has %3 blocks")
                               .arg(session.arrangement.size())
                               .arg(session.model)
                               .arg(info.blocks.size()));
        if (const auto why = whyInvalid(info, session.arrangement))
            return failure(QCoreApplication::translate("Session", "the arrangement cannot run: %1").arg(QString::fromStdString(*why)));
    } catch (const std::exception &e) { // pathlens::Error, and whatever LibTorch's loader throws
        return QString::fromUtf8(e.what());
    } catch (...) {
        return failure(QStringLiteral("unknown error"));
    }
    return {};
}

QString writeSessionFile(const QString &path, const Session &session)
{
    try {
        writeFileSafely(path.toStdString(), sessionToJson(session).toStdString()); // keeps the old file on failure
    } catch (const Error &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace pathlens
