#pragma once

#include "arrangement.h"
#include "dataset.h"
#include "network.h"
#include "settings.h"

#include <QMainWindow>

#include <atomic>
#include <memory>

class QTableView;

namespace pathlens {

class AccuracyPanel;
class Analysis;
class ArrangementEditor;
class BlockStrip;
class Engine;
class LectureTour;
class LiveDisplay;
class LiveEvaluation;
class MainActions;
class NetworkPanel;
class AnalysisController;
class Comparison;
class DocumentController;
class ExportController;
class RecentFiles;
class LivePlots;
class PathGraph;
class WindowLayout;
class Workspace;

// The main window: the blocks of the loaded network as a strip of tiles (click deletes, drag
// reorders, every edit undoable) and as a table, and the accuracy of the current arrangement,
// recomputed in the background after every edit and plotted beside the path-length distribution.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The files open on a worker thread, one after the other in the order asked for, while the
    // window keeps working; each shows an error dialog and keeps the previous state when its file
    // cannot be used.
    void openModel(const QString &path);
    void openData(const QString &path);
    // A model, data or engines are being loaded, or wait to be: loaded() is emitted when done.
    bool isLoading() const;
    int loadFailures() const; // loads that failed since the window opened
    const Workspace &work() const; // what is open: the document's
    // A second model evaluated beside the first (the plain control, the stochastic-depth twin):
    // the same deletions apply to it where they map (same index, still runnable), and both
    // accuracies share the plot. Needs data; an empty path closes the comparison at once.
    void openCompareModel(const QString &path);
    Arrangement compareArrangement() const; // what the second model runs for the current edit
    // A session: model, data, arrangement and view settings as JSON. Loading shows an error
    // dialog naming the file and keeps the previous state when anything in it cannot be used.
    bool saveSession(const QString &path);
    void loadSession(const QString &path);
    // By file type: a session (.json), a model (.pt, .pth, .ptl) or data (anything else).
    void openFile(const QString &path);

    const Arrangement &arrangement() const; // the editor's: the one copy there is
    QTableView *blockTable() const { return m_table; }
    ArrangementEditor *editor() const { return m_editor; }
    BlockStrip *blockStrip() const { return m_strip; }
    LivePlots *livePlots() const { return m_plots; }
    PathGraph *pathGraph() const { return m_pathGraph; }
    // The arrangement differs from the one last saved or loaded (undo back to it counts as saved).
    bool hasUnsavedArrangement() const;
    // For a screen of `screen` size; empty: the window's screen.
    void setPresentationMode(bool on, const QSize &screen = {});
    // The panels' places and the window's geometry, kept with QSettings between runs (the
    // program restores them at start; tests set their own geometry).
    void restoreLayout();
    RecentFiles *recentFiles() const { return m_recent; } // and where file dialogs open
    void saveLayout() const;
    void setLectureLayout(bool on);
    QString shortcutSheet() const; // F1: every shortcut, as an HTML table
    qint64 liveImageCount() const;
    QString accuracyText() const;
    QString lastError() const { return m_lastError; }
    // Device, threads and the live subset apply to the loaded models at once (the arrangement and
    // its undo history stay); the theme at once; the language at the next start.
    void setPreferences(const Preferences &preferences);
    const Preferences &preferences() const;
    bool accuracyIsStale() const; // the number shown belongs to an earlier edit
    // Milliseconds from the latest edit to its first running estimate and to its final number.
    struct Timing
    {
        qint64 firstEstimateMs = -1;
        qint64 finishedMs = -1;
    };
    Timing lastTiming() const;
    void forgetResults(); // the result cache, for measuring evaluation times (the original stays)
    Analysis *analysis() const;
    ExportController *exports() const { return m_export; } // File → Export, also without its dialogs
    LiveEvaluation *liveEvaluation() const { return m_live; }
    // The guided lecture tour of `path` (a tour JSON file; empty: the built-in one); an error
    // dialog names the file and the step when it cannot be shown.
    bool startLectureTour(const QString &path = {});
    LectureTour *lectureTour() const { return m_tour; }
    AnalysisController *analysisController() const { return m_analyses; }
    // The measurements behind the Single deletion and Gradients tabs.
    void measureSingleDeletions();
    void measureGradients();
    // The measurement behind the Delete k · reorder tab (the paper's Fig. 5a, or 5b when `reorder`).
    void measureSweep(bool reorder);

    static constexpr qint64 liveImages = Preferences::defaultLiveImages; // the default live subset, class-balanced

Q_SIGNALS:
    void evaluationFinished(double accuracy);
    void compareFinished(double accuracy);
    void loaded(); // the last of the queued loads is done (isLoading() is false)

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void updateActions();
    // Asks whether to save an edited arrangement before it is replaced; false when the user cancels.
    bool offerToSave(const QString &title, const QString &question);
    void startOver();
    void showNetwork();
    void showArrangement(const Arrangement &arrangement);
    void showError(const QString &title, const QString &message);

    DocumentController *m_document = nullptr; // the workspace and preferences, their loading and saving
    QString m_lastError;
    LiveDisplay *m_liveDisplay = nullptr;
    LiveEvaluation *m_live = nullptr;        // the loaded model
    Comparison *m_comparison = nullptr; // the second model, the same edits mapped onto it
    AnalysisController *m_analyses = nullptr;
    int m_editNumber = 0;  // arrangements shown since the network was opened; x of the history plot

    WindowLayout *m_layout = nullptr;
    QTableView *m_table = nullptr;
    ArrangementEditor *m_editor = nullptr;
    BlockStrip *m_strip = nullptr;
    LivePlots *m_plots = nullptr;
    PathGraph *m_pathGraph = nullptr;
    RecentFiles *m_recent = nullptr;
    ExportController *m_export = nullptr;
    MainActions *m_actions = nullptr;
    quint64 m_randomSeed = 1;
    NetworkPanel *m_network = nullptr;
    AccuracyPanel *m_accuracy = nullptr;
    LectureTour *m_tour = nullptr;
};

} // namespace pathlens
