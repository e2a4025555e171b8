#pragma once

#include "storedresults.h"
#include "tour.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QPushButton;
class QWidget;

namespace pathlens {

class AnalysisController;
class ArrangementEditor;
class LiveEvaluation;
class LivePlots;
class NetworkPanel;
class PathGraph;
class Workspace;

// What the tour drives: the main window's parts, handed over by MainWindow (wiring only).
struct TourTargets
{
    QMainWindow *window = nullptr;
    ArrangementEditor *editor = nullptr;
    LiveEvaluation *live = nullptr;
    AnalysisController *analyses = nullptr;
    LivePlots *plots = nullptr;
    PathGraph *graph = nullptr;
    NetworkPanel *networkPanel = nullptr;
    QDockWidget *networkDock = nullptr;
    std::function<const Workspace &()> work;
    // Queued loads; they show their error dialogs themselves and call back when done.
    std::function<void(const QString &, const std::function<void(bool ok)> &)> openModel;
    std::function<void(const QString &, const std::function<void(bool ok)> &)> openData;
    std::function<void(bool)> setLectureLayout;
    std::function<QString()> modelsFolder; // where the tour's model names are looked up
    QString dataPath;     // opened when the tour opens a model and no data is open
};

// The guided lecture tour (Help > Lecture Tour, `pathlens --lecture [FILE.json]`): a panel at the
// bottom of the window with the step's caption and Back / Next, and the state of each step (the
// model, the arrangement, the view and tab, stored measurements) made visibly in the window.
// Page Down / Page Up (what a presenter's clicker sends) go forward and back; the arrow keys stay
// with the block strip. Every number a caption names is read at run time: the live accuracy from
// the evaluation cache (the next step's arrangements are evaluated while the room reads the
// caption), single deletions and gradients from the results stored beside the model.
class LectureTour final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LectureTour)

public:
    explicit LectureTour(const TourTargets &targets, QObject *parent = nullptr);

    // Reads the tour and shows its first step; false (with `failed` emitted) when it cannot.
    bool start(const QString &path);
    static QString builtInTour(); // resources/tours/paper.json, compiled in
    void stop();
    bool isRunning() const { return m_running; }

    // A step that opens a model is shown when the model is loaded; a step asked for meanwhile (a
    // clicker's burst) replaces the one waiting, so the window never shows a step's caption with
    // another step's arrangement. false when there is no such step; a step that cannot be shown
    // emits `failed` (and the one shown before stays).
    bool next();
    bool back();
    bool go(int step);
    bool isApplying() const { return m_applying; } // a step is being made (its model loading)
    // The step's panels, graph and tab again: presentation mode, entered or left during a step,
    // lays the window out for itself (on a projector the path graph was gone until the next step).
    void reshowView();

    const Tour &tour() const { return m_tour; }
    int step() const { return m_step; }
    QString language() const; // of the captions: "de" under a German locale, else "en"
    QString caption(const QString &language) const; // the current step's, numbers filled in
    bool captionComplete() const; // every number of the caption is known (none shows "…")
    // The step's numbers are all known and nothing it needs is still evaluated or prefetched.
    bool isSettled() const;
    qint64 lastStepMs() const { return m_stepMs; } // from go() to a complete caption; -1 while waiting
    QDockWidget *dock() const { return m_dock; }
    QLabel *captionLabel() const { return m_caption; }

Q_SIGNALS:
    void failed(const QString &title, const QString &message);
    void stepShown(int step);
    void settled(); // isSettled() became true

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void followFont(QWidget *panel);
    void fitCaption();
    void openModelOf(int step, const std::function<void(bool ok)> &done);
    bool show(int step, bool forward); // the step's arrangement, view and stored results
    void showView(int step);           // its panels, graph and tab
    void applied(); // a step is done (shown or failed): the step asked for meanwhile follows
    bool applyStored(int step);
    std::optional<QString> fact(const QString &name, const QString &language) const;
    std::optional<QString> storedFact(const StoredResults &results, const QString &name, const QLocale &locale) const;
    void showCaption(); // of the step shown: the text, the step counter, the buttons
    void refresh();     // showCaption() once the step stands; prefetches the next step
    void prefetchNext();
    QString fail(const QString &why);

    TourTargets m_targets;
    Tour m_tour;
    int m_step = -1; // the step shown
    bool m_running = false;
    bool m_applying = false; // go() is making the step: the caption is not filled in meanwhile
    int m_target = -1;       // the step being made
    int m_requested = -1;    // the step asked for while one was being made, shown after it
    int m_generation = 0;    // of start() and stop(): a step made for an earlier tour is dropped
    // Read when first needed, by model file; nullptr (and `why`) when they cannot be used.
    const StoredResults *storedResults(const QString &modelFile, QString *why = nullptr) const;
    mutable QHash<QString, StoredResults> m_stored;
    QElapsedTimer m_clock;
    qint64 m_stepMs = -1;
    QDockWidget *m_dock = nullptr;
    QLabel *m_counter = nullptr;
    QLabel *m_caption = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QAction *m_pageDown = nullptr;
    QAction *m_pageUp = nullptr;
};

} // namespace pathlens
