#pragma once

#include "arrangement.h"
#include "network.h"

#include <QHash>
#include <QList>
#include <QLocale>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace pathlens {

// A lecture tour as data (resources/tours/paper.json; the README's "Lecture tour" section lists
// the vocabulary): a title and steps, each a caption in English and German and the actions the
// program performs, visibly, when the step is shown. Captions name measured numbers by
// placeholders ("{accuracy}") filled in at run time, never by numbers written into the file.
struct TourText
{
    QString en;
    QString de;
    const QString &in(const QString &language) const { return language == QLatin1String("de") ? de : en; }
};

struct TourAction
{
    enum class Kind {
        Open,         // {"open": NAME}: a model named in "models", from its original arrangement
        Reset,        // {"reset": true}: the original arrangement
        Delete,       // {"delete": [BLOCK, ...]}: these original blocks (0-based) deleted too
        DeleteRandom, // {"delete-random": K, "seed": S}: K more random deletable blocks
        SwapRandom,   // {"swap-random": K, "seed": S}: K random pairs of compatible blocks swapped
        Order,        // {"order": [BLOCK, ...]}: the blocks in this order (deletions kept)
        Parallel,     // {"parallel": [FIRST, LAST], "join": "sum"|"mean"}: slots FIRST..LAST read one input
        Show,         // {"show": VIEW, ...}: a view of the path graph or a tab of the plots
        Stored,       // {"stored": "single-deletion" | "gradients"}: a measurement kept beside the model
    };
    Kind kind = Kind::Reset;
    QString name;            // Open: the model's name; Show: the view; Stored: the measurement
    std::vector<int> blocks; // Delete, Order; Parallel: the first and last slot
    bool meanJoin = false;   // Parallel: the mean of the branches instead of their sum
    int count = 0;           // DeleteRandom, SwapRandom
    quint64 seed = 1;        // DeleteRandom, SwapRandom
    int first = 0;           // Show "unraveled": the first slot of the window (0-based) ...
    int size = 3;            // ... and how many slots it holds
    bool widthByGradient = false; // Show "lattice": edge widths by stored gradient mass

    bool changesArrangement() const { return kind != Kind::Show && kind != Kind::Stored && kind != Kind::Open; }
};

struct TourStep
{
    TourText caption;
    QList<TourAction> actions;
};

// What a step shows besides the arrangement: the view of the path graph and the plots' tab.
struct TourView
{
    QString graph = QStringLiteral("unraveled"); // "unraveled" or "lattice"
    int first = 0;
    int size = 3;
    bool widthByGradient = false;
    QString tab = QStringLiteral("path-lengths"); // one of LivePlots::plotNames() but "accuracy"
};

struct Tour
{
    QString file; // where it was read from, for messages
    TourText title;
    QHash<QString, QString> models; // name in "open" -> model file (relative: see modelPath)
    QList<TourStep> steps;

    // The model step `step` shows: the last "open" at or before it (empty before any).
    QString modelAt(int step) const;
    int openStepOf(int step) const; // the step of that "open", or -1
    // The arrangement step `step` shows, for a network `network`: the edits of the steps since its
    // "open", replayed from the original. After `actions` actions of the step itself when given
    // (the tour shows a step's edits one by one). Throws Error when an edit cannot be made.
    Arrangement arrangementAt(int step, const NetworkInfo &network, int actions = -1) const;
    TourView viewAt(int step) const; // the last "show" of each kind at or before `step`
};

// Reads a tour; returns the reason (naming `file` and the step) when it cannot be used: bad JSON,
// a missing or empty title or caption in either language, an unknown action or key, a value of
// the wrong type, an "open" of a name that "models" does not hold.
QString parseTour(const QByteArray &json, const QString &file, Tour &tour);
QString loadTour(const QString &path, Tour &tour);

// The model file of `name`: an absolute path as it is, else beside the tour file, else in
// `modelsFolder` (the bundled models).
QString modelPath(const Tour &tour, const QString &name, const QString &modelsFolder);

// Replaces each {placeholder} of `text` by `fact(name)`; an unknown name, or one not known yet
// (nullopt), stays visible as "…" and makes `complete` false.
QString fillCaption(const QString &text, const std::function<std::optional<QString>(const QString &)> &fact,
                    bool *complete = nullptr);

// {change}: the accuracy's change in points, with a real minus sign, as the difference of the two
// percentages as a caption shows them to one decimal (77.2% and 89.3%: "−12.1", where the exact
// 12.05 rounded to "12.0" and readers subtracting the shown numbers got another answer).
QString changeInPoints(double accuracy, double original, const QLocale &locale);

// The placeholders a caption may hold (the README's "Lecture tour" section says what each is);
// the stored ones (lesion.*, gradients.*) also as NAME@MODEL, of another model of the tour.
const QStringList &tourFactNames();

// Every placeholder name in `text`, in order.
QStringList captionPlaceholders(const QString &text);

} // namespace pathlens
