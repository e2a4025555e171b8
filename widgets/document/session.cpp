#include "session.h"

#include "error.h"
#include "jsonvalue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

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

Session parseSession(const QByteArray &bytes, const QString &path)
{
    json::ParseError parseError;
    const std::optional<Json> document = json::parse(bytes.toStdString(), &parseError);
    if (!document)
        fail(path, SessionMessages::tr("not valid JSON (%1 at byte %2)")
                       .arg(QString::fromStdString(parseError.reason))
                       .arg(parseError.offset));
    const Json &object = json::object(*document);
    const Json &versionValue = json::member(object, "pathlens_session");
    const int version = json::toInt(versionValue);
    if (!versionValue.is_number() || version < 1)
        fail(path, SessionMessages::tr("not a pathlens session (no \"pathlens_session\": 1)"));
    if (version > Session::formatVersion)
        fail(path, SessionMessages::tr("written by a newer pathlens (session format %1); this one reads format %2")
                       .arg(version)
                       .arg(Session::formatVersion));

    Session session;
    const QString model = QString::fromStdString(json::toString(json::member(object, "model")));
    if (model.isEmpty())
        fail(path, SessionMessages::tr("no \"model\" file named"));
    for (const Json &slot : json::array(json::member(object, "arrangement"))) {
        const Json &block = json::member(slot, "block");
        if (!block.is_number() || json::toDouble(block) != json::toInt(block) || json::toInt(block) < 0
            || !json::member(slot, "active").is_boolean())
            fail(path, SessionMessages::tr("every arrangement entry needs a \"block\" number (0 or more) and an \"active\" flag"));
        // "join": "sum" or "mean" puts the slot in a parallel group with the slots before it.
        Join join = Join::Chain;
        if (json::contains(slot, "join")) {
            const std::string name = json::toString(json::member(slot, "join"));
            if (name != "sum" && name != "mean")
                fail(path, SessionMessages::tr("an arrangement entry's \"join\" must be \"sum\" or \"mean\""));
            join = name == "sum" ? Join::Sum : Join::Mean;
        }
        session.arrangement.push_back({json::toInt(block), json::toBool(json::member(slot, "active")), join});
    }
    auto text = [&object](const char *key) { return QString::fromStdString(json::toString(json::member(object, key))); };
    session.model = locate(model, path, SessionMessages::tr("model"));
    session.data = locate(text("data"), path, SessionMessages::tr("data set"));
    session.compare = locate(text("compare"), path, SessionMessages::tr("comparison model"));
    session.randomK = json::toInt(json::member(object, "random_k"), session.randomK);
    session.pathGraph = text("path_graph");
    session.liveImages = json::toInteger(json::member(object, "live_images"), 0);
    // Checked here by name: the session fuzzer builds this file with Qt Core and core's
    // jsonvalue.cpp alone, without the rest of core.
    if (json::contains(object, "precision")) {
        session.precision = text("precision");
        if (session.precision != QLatin1String("fp32") && session.precision != QLatin1String("tf32")
            && session.precision != QLatin1String("bf16"))
            fail(path, SessionMessages::tr("\"precision\" must be \"fp32\", \"tf32\" or \"bf16\""));
    }
    return session;
}

QByteArray sessionToJson(const Session &session)
{
    Json entries = Json::array();
    for (const Slot &slot : session.arrangement) {
        Json entry{{"block", slot.block}, {"active", slot.active}};
        if (slot.join != Join::Chain)
            entry["join"] = slot.join == Join::Sum ? "sum" : "mean";
        entries.push_back(entry);
    }
    auto absolute = [](const QString &file) {
        return (file.isEmpty() ? file : QFileInfo(file).absoluteFilePath()).toStdString();
    };
    Json object{
        {"pathlens_session", Session::formatVersion},
        {"model", absolute(session.model)},
        {"data", absolute(session.data)},
        {"compare", absolute(session.compare)},
        {"arrangement", entries},
        {"random_k", session.randomK},
        {"path_graph", session.pathGraph.toStdString()},
        {"live_images", session.liveImages},
    };
    if (!session.precision.isEmpty())
        object["precision"] = session.precision.toStdString();
    return QByteArray::fromStdString(json::indented(object));
}

} // namespace pathlens
