#include "tour.h"

#include "error.h"
#include "experiments.h"
#include "jsonvalue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <random>

namespace pathlens {
namespace {

// The messages' translation context.
struct TourMessages
{
    Q_DECLARE_TR_FUNCTIONS(Tour)
};

// The string, or "" for anything else.
QString qString(const Json &value)
{
    return QString::fromStdString(json::toString(value));
}

// A value as the messages quote it: a string as it is, a number or true/false as JSON writes
// it, anything else as nothing (as QVariant's toString had it).
QString quoted(const Json &value)
{
    if (value.is_number() || value.is_boolean())
        return QString::fromStdString(json::compact(value));
    return qString(value);
}

// A number with a whole value in the range of int (1.0 counts, 1.5 does not).
bool isWhole(const Json &value)
{
    return value.is_number() && json::toDouble(value) == double(json::toInt(value));
}

// Each parser returns the reason, without the file and step (the caller adds them), or nothing.
QString readText(const Json &value, const QString &what, TourText &text)
{
    if (!value.is_object())
        return TourMessages::tr("%1 is missing (it needs \"en\" and \"de\")").arg(what);
    for (const auto &entry : value.items())
        if (entry.key() != "en" && entry.key() != "de")
            return TourMessages::tr("%1 has an unknown language \"%2\" (only \"en\" and \"de\")")
                .arg(what, QString::fromStdString(entry.key()));
    for (const char *language : {"en", "de"}) {
        const Json &entry = json::member(value, language);
        if (!entry.is_string() || qString(entry).trimmed().isEmpty())
            return TourMessages::tr("%1 has no \"%2\" text").arg(what, QLatin1String(language));
    }
    text.en = qString(json::member(value, "en"));
    text.de = qString(json::member(value, "de"));
    return {};
}

QString readBlocks(const Json &value, const QString &key, std::vector<int> &blocks)
{
    if (!value.is_array() || value.empty())
        return TourMessages::tr("\"%1\" needs a list of block numbers").arg(key);
    for (const Json &entry : value) {
        if (!isWhole(entry) || json::toInt(entry) < 0)
            return TourMessages::tr("\"%1\" holds %2, not a block number (0, 1, 2, ...)")
                .arg(key, QString::fromStdString(json::compact(Json::array({entry}))));
        blocks.push_back(json::toInt(entry));
    }
    return {};
}

QString readCount(const Json &object, const QString &key, int &count)
{
    const Json &value = json::member(object, key.toStdString());
    if (!isWhole(value) || json::toInt(value) < 1)
        return TourMessages::tr("\"%1\" needs a whole number of at least 1").arg(key);
    count = json::toInt(value);
    return {};
}

const QStringList &tabNames()
{
    static const QStringList names{QStringLiteral("accuracy"), QStringLiteral("path-lengths"), QStringLiteral("surviving-paths"),
                                   QStringLiteral("gradients"), QStringLiteral("single-deletion")};
    return names;
}

QString knownVerbs(QStringList verbs)
{
    verbs.sort();
    return verbs.join(QStringLiteral(", "));
}

QString readAction(const Json &object, const Tour &tour, TourAction &action)
{
    if (!object.is_object())
        return TourMessages::tr("an action is not an object");
    // Each action is one verb with its own extra keys; anything else is a typo to report.
    static const QHash<QString, std::pair<TourAction::Kind, QStringList>> verbs{
        {QStringLiteral("open"), {TourAction::Kind::Open, {}}},
        {QStringLiteral("reset"), {TourAction::Kind::Reset, {}}},
        {QStringLiteral("delete"), {TourAction::Kind::Delete, {}}},
        {QStringLiteral("delete-random"), {TourAction::Kind::DeleteRandom, {QStringLiteral("seed")}}},
        {QStringLiteral("swap-random"), {TourAction::Kind::SwapRandom, {QStringLiteral("seed")}}},
        {QStringLiteral("order"), {TourAction::Kind::Order, {}}},
        {QStringLiteral("parallel"), {TourAction::Kind::Parallel, {QStringLiteral("join")}}},
        {QStringLiteral("show"), {TourAction::Kind::Show, {QStringLiteral("first"), QStringLiteral("size"), QStringLiteral("width")}}},
        {QStringLiteral("stored"), {TourAction::Kind::Stored, {}}},
    };
    // Keys come in alphabetical order (as from Qt's JSON objects before): a message names the same two verbs.
    QString verb;
    for (const auto &entry : object.items()) {
        const QString key = QString::fromStdString(entry.key());
        if (!verbs.contains(key))
            continue;
        if (!verb.isEmpty())
            return TourMessages::tr("one action holds two, \"%1\" and \"%2\"").arg(verb, key);
        verb = key;
    }
    if (verb.isEmpty())
        return TourMessages::tr("unknown action %1 (known: %2)")
            .arg(QString::fromStdString(json::compact(object)), knownVerbs(verbs.keys()));
    action.kind = verbs[verb].first;
    for (const auto &entry : object.items()) {
        const QString key = QString::fromStdString(entry.key());
        if (key != verb && !verbs[verb].second.contains(key))
            return TourMessages::tr("\"%1\" has an unknown setting \"%2\"").arg(verb, key);
    }
    const Json &argument = json::member(object, verb.toStdString());
    if (json::contains(object, "seed")) {
        const double seed = json::toDouble(json::member(object, "seed"), -1);
        if (seed < 0 || seed != double(qint64(seed)))
            return TourMessages::tr("\"seed\" needs a whole number of at least 0");
        action.seed = quint64(seed);
    }
    switch (action.kind) {
    case TourAction::Kind::Open:
        action.name = qString(argument);
        if (!tour.models.contains(action.name))
            return TourMessages::tr("\"open\" names \"%1\", which \"models\" does not hold").arg(quoted(argument));
        return {};
    case TourAction::Kind::Reset:
        return argument == Json(true) ? QString() : TourMessages::tr("\"reset\" takes true");
    case TourAction::Kind::Delete:
    case TourAction::Kind::Order:
        return readBlocks(argument, verb, action.blocks);
    case TourAction::Kind::Parallel: {
        if (const QString why = readBlocks(argument, verb, action.blocks); !why.isEmpty())
            return why;
        if (action.blocks.size() != 2 || action.blocks[0] >= action.blocks[1])
            return TourMessages::tr("\"parallel\" needs its first and last slot, [FIRST, LAST] with FIRST < LAST");
        const Json join = json::contains(object, "join") ? json::member(object, "join") : Json("sum");
        if (join != Json("sum") && join != Json("mean"))
            return TourMessages::tr("\"join\" takes \"sum\" or \"mean\"");
        action.meanJoin = join == Json("mean");
        return {};
    }
    case TourAction::Kind::DeleteRandom:
    case TourAction::Kind::SwapRandom:
        return readCount(object, verb, action.count);
    case TourAction::Kind::Show: {
        action.name = qString(argument);
        const bool graph = action.name == QLatin1String("unraveled") || action.name == QLatin1String("lattice");
        if (!graph && !tabNames().contains(action.name))
            return TourMessages::tr("\"show\" takes unraveled, lattice or %1, not \"%2\"")
                .arg(tabNames().join(QStringLiteral(", ")), quoted(argument));
        if (json::contains(object, "first") || json::contains(object, "size")) {
            if (action.name != QLatin1String("unraveled"))
                return TourMessages::tr("\"first\" and \"size\" belong to \"show\": \"unraveled\"");
            if (json::contains(object, "first")) {
                const Json &first = json::member(object, "first");
                if (!isWhole(first) || json::toInt(first) < 0)
                    return TourMessages::tr("\"first\" needs a slot number (0, 1, 2, ...)");
                action.first = json::toInt(first);
            }
            if (json::contains(object, "size")) {
                const Json &size = json::member(object, "size");
                if (!isWhole(size) || json::toInt(size) < 1 || json::toInt(size) > 6)
                    return TourMessages::tr("\"size\" needs a number of slots from 1 to 6");
                action.size = json::toInt(size);
            }
        }
        if (json::contains(object, "width")) {
            const QString width = qString(json::member(object, "width"));
            if (action.name != QLatin1String("lattice") || (width != QLatin1String("gradient") && width != QLatin1String("paths")))
                return TourMessages::tr("\"width\" belongs to \"show\": \"lattice\" and takes \"paths\" or \"gradient\"");
            action.widthByGradient = width == QLatin1String("gradient");
        }
        return {};
    }
    case TourAction::Kind::Stored:
        action.name = qString(argument);
        if (action.name != QLatin1String("single-deletion") && action.name != QLatin1String("gradients"))
            return TourMessages::tr("\"stored\" takes single-deletion or gradients, not \"%1\"").arg(quoted(argument));
        return {};
    }
    return {};
}

} // namespace

QString parseTour(const QByteArray &bytes, const QString &file, Tour &tour)
{
    const QString where = QDir::toNativeSeparators(file);
    json::ParseError error;
    const std::optional<Json> document = json::parse(bytes.toStdString(), &error);
    if (!document)
        return TourMessages::tr("%1 is not a tour: bad JSON at character %2: %3")
            .arg(where)
            .arg(error.offset)
            .arg(QString::fromStdString(error.reason));
    if (!document->is_object())
        return TourMessages::tr("%1 is not a tour: it holds no JSON object").arg(where);
    const Json &root = *document;
    Tour result;
    result.file = file;
    for (const auto &entry : root.items())
        if (entry.key() != "title" && entry.key() != "models" && entry.key() != "steps")
            return TourMessages::tr("%1: unknown key \"%2\" (a tour holds title, models and steps)")
                .arg(where, QString::fromStdString(entry.key()));
    if (const QString why = readText(json::member(root, "title"), TourMessages::tr("the title"), result.title); !why.isEmpty())
        return QStringLiteral("%1: %2").arg(where, why);
    if (json::contains(root, "models") && !json::member(root, "models").is_object())
        return TourMessages::tr("%1: \"models\" must map names to model files").arg(where);
    for (const auto &entry : json::object(json::member(root, "models")).items()) {
        if (qString(entry.value()).isEmpty())
            return TourMessages::tr("%1: the model \"%2\" needs a file name").arg(where, QString::fromStdString(entry.key()));
        result.models.insert(QString::fromStdString(entry.key()), qString(entry.value()));
    }
    const Json &steps = json::member(root, "steps");
    if (!steps.is_array() || steps.empty())
        return TourMessages::tr("%1: \"steps\" must be a list of at least one step").arg(where);
    int number = 0;
    for (const Json &object : steps) {
        ++number; // steps are numbered from 1, as the tour panel shows them
        const auto fail = [&](const QString &why) { return TourMessages::tr("%1, step %2: %3").arg(where).arg(number).arg(why); };
        if (!object.is_object())
            return fail(TourMessages::tr("a step must be an object with a caption and actions"));
        for (const auto &entry : object.items())
            if (entry.key() != "caption" && entry.key() != "actions")
                return fail(TourMessages::tr("unknown key \"%1\" (a step holds caption and actions)")
                                .arg(QString::fromStdString(entry.key())));
        TourStep step;
        if (const QString why = readText(json::member(object, "caption"), TourMessages::tr("the caption"), step.caption); !why.isEmpty())
            return fail(why);
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("de")})
            for (const QString &name : captionPlaceholders(step.caption.in(language))) {
                const QString fact = name.section(QLatin1Char('@'), 0, 0);
                const QString model = name.section(QLatin1Char('@'), 1);
                const bool stored = fact.startsWith(QLatin1String("lesion.")) || fact.startsWith(QLatin1String("gradients."));
                if (!tourFactNames().contains(fact) || (!model.isEmpty() && (!stored || !result.models.contains(model))))
                    return fail(TourMessages::tr("the %1 caption names an unknown number {%2}").arg(language, name));
            }
        if (json::contains(object, "actions") && !json::member(object, "actions").is_array())
            return fail(TourMessages::tr("\"actions\" must be a list"));
        for (const Json &entry : json::array(json::member(object, "actions"))) {
            TourAction action;
            if (const QString why = readAction(entry, result, action); !why.isEmpty())
                return fail(why);
            step.actions << action;
        }
        const bool changes = std::any_of(step.actions.begin(), step.actions.end(),
                                         [](const TourAction &action) { return action.changesArrangement(); });
        if (changes && result.openStepOf(int(result.steps.size())) < 0
            && std::none_of(step.actions.begin(), step.actions.end(),
                            [](const TourAction &action) { return action.kind == TourAction::Kind::Open; }))
            return fail(TourMessages::tr("it edits the arrangement before any \"open\""));
        result.steps << step;
    }
    tour = result;
    return {};
}

QString loadTour(const QString &path, Tour &tour)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return TourMessages::tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return parseTour(file.readAll(), path, tour);
}

int Tour::openStepOf(int step) const
{
    for (int i = std::min(step, int(steps.size()) - 1); i >= 0; --i)
        for (const TourAction &action : steps[i].actions)
            if (action.kind == TourAction::Kind::Open)
                return i;
    return -1;
}

QString Tour::modelAt(int step) const
{
    const int open = openStepOf(step);
    if (open < 0)
        return {};
    QString name;
    for (const TourAction &action : steps[open].actions)
        if (action.kind == TourAction::Kind::Open)
            name = action.name;
    return name;
}

Arrangement Tour::arrangementAt(int step, const NetworkInfo &network, int actions) const
{
    const int blocks = int(network.blocks.size());
    Arrangement arrangement = identityArrangement(blocks);
    for (int i = std::max(0, openStepOf(step)); i <= step; ++i) {
        const QList<TourAction> &list = steps[i].actions;
        const int last = i == step && actions >= 0 ? std::min(actions, int(list.size())) : int(list.size());
        for (int j = 0; j < last; ++j) {
            const TourAction &action = list[j];
            std::mt19937_64 random(action.seed);
            switch (action.kind) {
            case TourAction::Kind::Open: // the edits of earlier steps belong to the model before
            case TourAction::Kind::Reset:
                arrangement = identityArrangement(blocks);
                break;
            case TourAction::Kind::Delete:
                arrangement = withDeleted(arrangement, action.blocks);
                break;
            case TourAction::Kind::DeleteRandom:
                arrangement = deleteRandomBlocks(network, arrangement, action.count, random);
                break;
            case TourAction::Kind::SwapRandom:
                arrangement = swapRandomPairs(network, arrangement, action.count, random);
                break;
            case TourAction::Kind::Order:
                arrangement = withOrder(arrangement, action.blocks);
                break;
            case TourAction::Kind::Parallel:
                arrangement = withParallel(arrangement, action.blocks[0], action.blocks[1],
                                           action.meanJoin ? Join::Mean : Join::Sum);
                break;
            case TourAction::Kind::Show:
            case TourAction::Kind::Stored:
                break;
            }
        }
    }
    if (const auto why = whyInvalid(network, arrangement))
        throw Error(*why);
    return arrangement;
}

TourView Tour::viewAt(int step) const
{
    TourView view;
    for (int i = 0; i <= std::min(step, int(steps.size()) - 1); ++i)
        for (const TourAction &action : steps[i].actions) {
            if (action.kind == TourAction::Kind::Stored) {
                view.tab = action.name; // a stored measurement is shown in its tab
            } else if (action.kind == TourAction::Kind::Show) {
                if (action.name == QLatin1String("unraveled")) {
                    view.graph = action.name;
                    view.first = action.first;
                    view.size = action.size;
                } else if (action.name == QLatin1String("lattice")) {
                    view.graph = action.name;
                    view.widthByGradient = action.widthByGradient;
                } else {
                    view.tab = action.name;
                }
            }
        }
    return view;
}

QString modelPath(const Tour &tour, const QString &name, const QString &modelsFolder)
{
    const QString file = tour.models.value(name);
    if (QFileInfo(file).isAbsolute())
        return file;
    const QString besideTour = QFileInfo(tour.file).dir().filePath(file);
    if (!tour.file.startsWith(QLatin1Char(':')) && QFileInfo::exists(besideTour))
        return besideTour;
    return QDir(modelsFolder).filePath(file);
}

const QStringList &tourFactNames()
{
    static const QStringList names{
        QStringLiteral("model"),          QStringLiteral("blocks"),           QStringLiteral("active"),
        QStringLiteral("deleted"),        QStringLiteral("paths"),            QStringLiteral("tau"),
        QStringLiteral("images"),         QStringLiteral("chance"),           QStringLiteral("original"),
        QStringLiteral("accuracy"),       QStringLiteral("change"),           QStringLiteral("lengths.from"),
        QStringLiteral("lengths.to"),     QStringLiteral("lengths.share"),    QStringLiteral("lesion.baseline"),
        QStringLiteral("lesion.images"),  QStringLiteral("lesion.mean"),      QStringLiteral("lesion.mean-drop"),
        QStringLiteral("lesion.worst"),   QStringLiteral("lesion.worst-block"), QStringLiteral("gradients.from"),
        QStringLiteral("gradients.to"),   QStringLiteral("gradients.share"),  QStringLiteral("gradients.samples"),
    };
    return names;
}

QStringList captionPlaceholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z0-9_.@-]+)\\}"));
    QStringList names;
    for (const QRegularExpressionMatch &match : placeholder.globalMatch(text))
        names << match.captured(1);
    return names;
}

QString changeInPoints(double accuracy, double original, const QLocale &locale)
{
    const auto shown = [](double fraction) { return QString::number(100 * fraction, 'f', 1).toDouble(); };
    const double points = shown(accuracy) - shown(original);
    return (points < 0 ? QStringLiteral("−") : QStringLiteral("+")) + locale.toString(std::abs(points), 'f', 1);
}

QString fillCaption(const QString &text, const std::function<std::optional<QString>(const QString &)> &fact, bool *complete)
{
    QString result = text;
    bool all = true;
    for (const QString &name : captionPlaceholders(text)) {
        const std::optional<QString> value = fact(name);
        all &= value.has_value();
        result.replace(QLatin1Char('{') + name + QLatin1Char('}'), value.value_or(QStringLiteral("…")));
    }
    if (complete)
        *complete = all;
    return result;
}

} // namespace pathlens
