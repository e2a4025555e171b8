#include "session.h"

#include "error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pathlens {
namespace {

// The messages' translation context.
struct SessionMessages
{
    Q_DECLARE_TR_FUNCTIONS(Session)
};


[[noreturn]] void fail(const QString &path, const QString &why)
{
    throw Error(QStringLiteral("%1: %2").arg(path, why).toStdString());
}

// A file named in the session: where it was, else the same name beside the session file.
QString locate(const QString &named, const QString &sessionPath, const QString &what)
{
    if (named.isEmpty() || QFileInfo::exists(named))
        return named;
    const QString beside = QFileInfo(sessionPath).absoluteDir().filePath(QFileInfo(named).fileName());
    if (QFileInfo::exists(beside))
        return beside;
    fail(sessionPath, SessionMessages::tr("the %1 %2 does not exist (moved or deleted?); it is not beside the session either")
                          .arg(what, named));
}

} // namespace

Session parseSession(const QByteArray &json, const QString &path)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        fail(path, SessionMessages::tr("not valid JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    const QJsonObject object = document.object();
    const QJsonValue versionValue = object.value(QStringLiteral("pathlens_session"));
    const int version = versionValue.toInt();
    if (!versionValue.isDouble() || version < 1)
        fail(path, SessionMessages::tr("not a pathlens session (no \"pathlens_session\": 1)"));
    if (version > Session::formatVersion)
        fail(path, SessionMessages::tr("written by a newer pathlens (session format %1); this one reads format %2")
                       .arg(version)
                       .arg(Session::formatVersion));

    Session session;
    const QJsonValue model = object.value(QStringLiteral("model"));
    if (!model.isString() || model.toString().isEmpty())
        fail(path, SessionMessages::tr("no \"model\" file named"));
    for (const QJsonValue &value : object.value(QStringLiteral("arrangement")).toArray()) {
        const QJsonObject slot = value.toObject();
        const QJsonValue block = slot.value(QStringLiteral("block"));
        if (!block.isDouble() || block.toDouble() != block.toInt() || block.toInt() < 0 || !slot.value(QStringLiteral("active")).isBool())
            fail(path, SessionMessages::tr("every arrangement entry needs a \"block\" number (0 or more) and an \"active\" flag"));
        session.arrangement.push_back({block.toInt(), slot.value(QStringLiteral("active")).toBool()});
    }
    session.model = locate(model.toString(), path, SessionMessages::tr("model"));
    session.data = locate(object.value(QStringLiteral("data")).toString(), path, SessionMessages::tr("data set"));
    session.compare = locate(object.value(QStringLiteral("compare")).toString(), path, SessionMessages::tr("comparison model"));
    session.randomK = object.value(QStringLiteral("random_k")).toInt(session.randomK);
    session.pathGraph = object.value(QStringLiteral("path_graph")).toString();
    session.liveImages = object.value(QStringLiteral("live_images")).toInteger(0);
    // Checked here by name: the session fuzzer builds this file with Qt Core alone, without core.
    const QJsonValue precision = object.value(QStringLiteral("precision"));
    if (!precision.isUndefined()) {
        session.precision = precision.toString();
        if (session.precision != QLatin1String("fp32") && session.precision != QLatin1String("tf32")
            && session.precision != QLatin1String("bf16"))
            fail(path, SessionMessages::tr("\"precision\" must be \"fp32\", \"tf32\" or \"bf16\""));
    }
    return session;
}

QByteArray sessionToJson(const Session &session)
{
    QJsonArray entries;
    for (const Slot &slot : session.arrangement)
        entries.append(QJsonObject{{QStringLiteral("block"), slot.block}, {QStringLiteral("active"), slot.active}});
    auto absolute = [](const QString &file) { return file.isEmpty() ? file : QFileInfo(file).absoluteFilePath(); };
    QJsonObject object{
        {QStringLiteral("pathlens_session"), Session::formatVersion},
        {QStringLiteral("model"), absolute(session.model)},
        {QStringLiteral("data"), absolute(session.data)},
        {QStringLiteral("compare"), absolute(session.compare)},
        {QStringLiteral("arrangement"), entries},
        {QStringLiteral("random_k"), session.randomK},
        {QStringLiteral("path_graph"), session.pathGraph},
        {QStringLiteral("live_images"), session.liveImages},
    };
    if (!session.precision.isEmpty())
        object.insert(QStringLiteral("precision"), session.precision);
    return QJsonDocument(object).toJson();
}

} // namespace pathlens
