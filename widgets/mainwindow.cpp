#include "mainwindow.h"

#include "accuracypanel.h"
#include "analysis.h"
#include "analysiscontroller.h"
#include "arrangementeditor.h"
#include "backgroundtask.h"
#include "blockstrip.h"
#include "comparison.h"
#include "livedisplay.h"
#include "liveevaluation.h"
#include "mainactions.h"
#include "exportcontroller.h"
#include "liveplots.h"
#include "networkpanel.h"
#include "recentfiles.h"
#include "pathgraph.h"
#include "session.h"
#include "shortcutsheet.h"
#include "windowlayout.h"
#include "workspace.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace pathlens {
namespace {

// Window-modal and non-blocking: the event loop (and the workers' results) keep flowing.
void openMessage(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_live(new LiveEvaluation(this))
{
    installPluralForms();
    setWindowTitle(tr("pathlens"));
    m_editor = new ArrangementEditor(this);
    m_actions = new MainActions(this, m_editor->undoStack());
    m_actions->setFullTestSet(m_preferences.liveImages < 0);
    m_recent = new RecentFiles(m_actions->recentMenu(), this);
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openFile);
    // The dialogs give an empty path when cancelled.
    connect(m_actions, &MainActions::openModel, this, [this] {
        if (const QString path = m_recent->chooseModel(this, tr("Open Model")); !path.isEmpty())
            openModel(path);
    });
    connect(m_actions, &MainActions::openData, this, [this] {
        if (const QString path = m_recent->chooseData(this); !path.isEmpty())
            openData(path);
    });
    connect(m_actions, &MainActions::openCompare, this, [this] {
        if (const QString path = m_recent->chooseModel(this, tr("Open Comparison Model")); !path.isEmpty())
            openCompareModel(path);
    });
    connect(m_actions, &MainActions::closeCompare, this, [this] { openCompareModel({}); });
    connect(m_actions, &MainActions::openSession, this, [this] {
        if (const QString path = m_recent->chooseSession(this, false); !path.isEmpty())
            loadSession(path);
    });
    connect(m_actions, &MainActions::saveSession, this, [this] {
        if (const QString path = m_recent->chooseSession(this, true); !path.isEmpty())
            saveSession(path);
    });
    connect(m_actions, &MainActions::exportPlot, this, [this](const QString &name) { m_export->exportPlot(name); });
    connect(m_actions, &MainActions::exportPathGraph, this, [this] { m_export->exportPathGraph(); });
    connect(m_actions, &MainActions::presentationMode, this, &MainWindow::setPresentationMode);
    connect(m_actions, &MainActions::fullTestSet, this, [this](bool full) {
        Preferences preferences = m_preferences;
        const qint64 chosen = Preferences::load().liveImages; // the subset of the settings dialog
        preferences.liveImages = full ? -1 : chosen > 0 ? chosen : liveImages;
        setPreferences(preferences);
    });
    connect(m_actions, &MainActions::lectureLayout, this, &MainWindow::setLectureLayout);
    connect(m_actions, &MainActions::reset, m_editor, &ArrangementEditor::reset);
    connect(m_actions, &MainActions::deleteRandom, this, [this](int k) {
        if (const QString why = m_editor->deleteRandom(k, m_randomSeed++); !why.isEmpty())
            statusBar()->showMessage(why, 8000);
    });
    connect(m_actions, &MainActions::swapRandom, this, [this](int k) {
        if (const QString why = m_editor->swapRandom(k, m_randomSeed++); !why.isEmpty())
            statusBar()->showMessage(why, 8000);
    });
    connect(m_actions, &MainActions::settings, this, &MainWindow::chooseSettings);
    connect(m_actions, &MainActions::shortcuts, this, [this] {
        openMessage(this, QMessageBox::Information, tr("Keyboard shortcuts"), shortcutSheet());
    });

    auto *blocksPanel = new QWidget(this);
    auto *layout = new QVBoxLayout(blocksPanel);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(2);
    m_accuracy = new AccuracyPanel(blocksPanel);
    m_strip = new BlockStrip(m_editor, blocksPanel);
    m_strip->setToolTip(tr("Click or Space: delete / restore a block. Drag a block onto another: move it there. "
                           "Arrow keys move the focus, Ctrl+arrows move the block."));
    layout->addWidget(m_accuracy);
    layout->addWidget(m_strip, 1);

    m_network = new NetworkPanel(m_editor, this);
    connect(m_network, &NetworkPanel::refused, this, [this](const QString &why) { statusBar()->showMessage(why, 8000); });
    m_table = m_network->table();
    m_pathGraph = m_network->pathGraph();

    m_plots = new LivePlots(this);
    m_layout = new WindowLayout(this, blocksPanel, m_network, m_plots, m_accuracy);
    m_actions->addPanelToggles({m_layout->blocksDock()->toggleViewAction(), m_layout->networkDock()->toggleViewAction()});

    statusBar()->addPermanentWidget(m_accuracy->progressBar());
    m_loading = new BackgroundTask(statusBar(), this);

    connect(m_editor, &ArrangementEditor::arrangementChanged, this, &MainWindow::showArrangement);
    connect(m_strip, &BlockStrip::refused, this, [this](const QString &why) { statusBar()->showMessage(why, 8000); });
    m_liveDisplay = new LiveDisplay(m_live, &m_work, m_editor, m_accuracy, m_plots, statusBar(), this);
    connect(m_liveDisplay, &LiveDisplay::finished, this, &MainWindow::evaluationFinished);
    connect(m_liveDisplay, &LiveDisplay::failed, this, [this](const QString &message) { showError(tr("Evaluation failed"), message); });
    connect(m_liveDisplay, &LiveDisplay::notice, this,
            [this](const QString &notice) { openMessage(this, QMessageBox::Information, tr("Note"), notice); });
    m_comparison = new Comparison(&m_work, m_editor, m_plots, m_accuracy->compareLabel(), this);
    connect(m_comparison, &Comparison::finished, this, &MainWindow::compareFinished);
    connect(m_comparison, &Comparison::failed, this, &MainWindow::showError);
    m_analyses = new AnalysisController(&m_work, m_editor, m_plots, m_pathGraph, this);
    connect(m_plots, &LivePlots::lesionRequested, this, &MainWindow::measureSingleDeletions);
    connect(m_plots, &LivePlots::gradientsRequested, this, &MainWindow::measureGradients);
    connect(m_analyses, &AnalysisController::failed, this, &MainWindow::showError);
    setAcceptDrops(true);
    m_export = new ExportController(this, m_plots, m_pathGraph, m_recent);
    connect(m_export, &ExportController::written, this,
            [this](const QString &path) { statusBar()->showMessage(tr("Written: %1").arg(path), 8000); });
    connect(m_export, &ExportController::failed, this, &MainWindow::showError);
    resize(1400, 860);
    resizeDocks({m_layout->networkDock()}, {620}, Qt::Horizontal);
    updateActions();
}

// Actions that cannot apply are disabled rather than answering with an error.
void MainWindow::updateActions()
{
    const bool network = m_work.network() != nullptr;
    const bool edited = network && m_editor->arrangement() != identityArrangement(int(m_work.info().blocks.size()));
    m_actions->update(network, edited, m_work.data().size() > 0, m_work.compareEngine() != nullptr);
}

void MainWindow::setLectureLayout(bool on)
{
    m_layout->setLecture(on);
}

void MainWindow::restoreLayout()
{
    m_layout->restore();
}

bool MainWindow::hasUnsavedArrangement() const
{
    return m_work.network() && !m_editor->undoStack()->isClean();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_loading->isBusy()) { // the load's local event loop runs inside this window's functions
        statusBar()->showMessage(tr("Still loading: close the window when it is done."), 8000);
        event->ignore();
        return;
    }
    if (hasUnsavedArrangement()) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved arrangement"), tr("The arrangement has changed since it was last saved. Save it as a session?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save) {
            const QString path = m_recent->chooseSession(this, true);
            if (path.isEmpty() || !saveSession(path)) {
                event->ignore();
                return;
            }
        }
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveLayout() const
{
    m_layout->save();
}

MainWindow::~MainWindow() = default;

const Arrangement &MainWindow::arrangement() const
{
    return m_editor->arrangement();
}

QString MainWindow::accuracyText() const
{
    return m_accuracy->text();
}

void MainWindow::showError(const QString &title, const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    openMessage(this, QMessageBox::Critical, title, message);
}

void MainWindow::measureSingleDeletions()
{
    if (const QString why = m_analyses->measureSingleDeletions(m_preferences.liveImages); !why.isEmpty())
        showError(tr("Cannot measure"), why);
}

void MainWindow::measureGradients()
{
    if (const QString why = m_analyses->measureGradients(m_randomSeed++); !why.isEmpty())
        showError(tr("Cannot measure"), why);
}

Analysis *MainWindow::analysis() const
{
    return m_analyses->analysis();
}

void MainWindow::chooseSettings()
{
    auto *dialog = new SettingsDialog(m_preferences, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Preferences chosen = dialog->preferences();
        chosen.save();
        setPreferences(chosen);
    });
    dialog->open();
}

void MainWindow::setPreferences(const Preferences &preferences)
{
    const Preferences previous = m_preferences;
    m_preferences = preferences;
    if (preferences.theme != previous.theme)
        applyTheme(preferences.theme);
    m_actions->setFullTestSet(preferences.liveImages < 0);
    if (!preferences.engineDiffers(previous) || !m_work.network() || m_work.data().size() == 0)
        return;
    // New engines for the same models and data; the accuracy history starts again, because
    // numbers on other images are not comparable, but the arrangement and its undo stack stay.
    const QString why = changeWorkspace(tr("Preparing the engines…"), [](Workspace &work) { return work.rebuild(); });
    if (!why.isEmpty()) {
        showError(tr("Cannot use %1").arg(QString::fromStdString(m_work.info().path)), why);
        m_preferences = previous;
        m_actions->setFullTestSet(previous.liveImages < 0);
        return;
    }
    // Measurements of the old engine's images or device would land in the plots cleared below:
    // they stop, and their queued results are dropped (Analysis::post checks the cancel).
    m_analyses->reset();
    showSummary();
    m_accuracy->clear();
    m_plots->clear(int(m_work.info().blocks.size()));
    m_liveDisplay->useEngine();
    m_comparison->useEngine();
    m_editNumber = -1;
    showArrangement(m_editor->arrangement());
}

bool MainWindow::openModel(const QString &path)
{
    std::shared_ptr<Network> network;
    const QString why = changeWorkspace(tr("Reading %1…").arg(path), [&](Workspace &work) { return work.loadModel(path, network); });
    if (!why.isEmpty()) {
        showError(tr("Cannot open model"), why);
        return false;
    }
    return useModel(network, path);
}

bool MainWindow::useModel(const std::shared_ptr<Network> &network, const QString &path)
{
    const QString why = changeWorkspace(tr("Preparing %1…").arg(path), [network](Workspace &work) { return work.useModel(network); });
    if (!why.isEmpty()) {
        showError(tr("Cannot use %1").arg(path), why);
        return false;
    }
    m_liveDisplay->useEngine();
    m_recent->remember(path);
    showNetwork();
    if (!network->warning().empty())
        openMessage(this, QMessageBox::Warning, tr("Doubtful weights"), QString::fromStdString(network->warning()));
    return true;
}

bool MainWindow::openData(const QString &path)
{
    const QString why = changeWorkspace(tr("Reading %1…").arg(path), [&path](Workspace &work) { return work.openData(path); });
    if (!why.isEmpty()) {
        showError(tr("Cannot open data"), why);
        return false;
    }
    m_liveDisplay->useEngine();
    m_recent->remember(path);
    if (!m_work.data().note.empty()) // e.g. image files that could not be read and were skipped
        openMessage(this, QMessageBox::Warning, tr("Some files were skipped"), QString::fromStdString(m_work.data().note));
    if (m_work.network())
        showNetwork();
    updateActions();
    return true;
}

// Long workspace changes run on a worker thread, on a copy that replaces the workspace only when
// the change succeeded: meanwhile the GUI thread keeps reading the workspace (repaints, evaluation
// results) and never sees half a change, and a failure leaves everything as it was.
QString MainWindow::changeWorkspace(const QString &what, const std::function<QString(Workspace &)> &change)
{
    if (m_loading->isBusy())
        return tr("Another file is still loading: try again when it is done.");
    Workspace next = m_work;
    EngineOptions options;
    options.device = m_preferences.device;
    options.threads = m_preferences.threads;
    next.setOptions(options, m_preferences.liveImages);
    const QString why = m_loading->run(what, [&next, &change] { return change(next); });
    if (why.isEmpty())
        m_work = std::move(next);
    return why;
}

bool MainWindow::isLoading() const
{
    return m_loading->isBusy();
}

qint64 MainWindow::liveImageCount() const
{
    return m_work.liveImageCount();
}

void MainWindow::showNetwork()
{
    showSummary();
    m_accuracy->clear();
    m_plots->clear(int(m_work.info().blocks.size()));
    m_editNumber = -1; // the identity arrangement below is edit 0
    m_comparison->useEngine(); // the plots were cleared: its original is measured again
    m_analyses->reset();
    m_pathGraph->setNetwork(m_work.info());
    m_editor->setNetwork(m_work.info()); // shows the identity arrangement and, with data, evaluates it
}

void MainWindow::showSummary()
{
    m_network->showSummary(m_work, m_preferences.liveImages < 0);
    setWindowTitle(tr("pathlens — %1").arg(QFileInfo(QString::fromStdString(m_work.info().path)).fileName()));
}

// Every change of the arrangement, from the strip, the table, the menus or undo/redo.
void MainWindow::showArrangement(const Arrangement &arrangement)
{
    ++m_editNumber;
    m_plots->setActiveBlocks(activeCount(arrangement));
    m_pathGraph->setArrangement(arrangement);
    updateActions();
    m_analyses->followArrangement(arrangement);
    m_comparison->request(m_editNumber);
    if (m_work.engine())
        requestEvaluation();
}

void MainWindow::requestEvaluation()
{
    m_live->request(m_editor->arrangement(), m_editNumber);
}

bool MainWindow::accuracyIsStale() const
{
    return m_accuracy->isStale();
}

MainWindow::Timing MainWindow::lastTiming() const
{
    const LiveEvaluation::Timing timing = m_live->lastTiming();
    return {timing.firstEstimateMs, timing.finishedMs};
}

void MainWindow::forgetResults()
{
    m_live->forgetResults();
    m_comparison->live()->forgetResults();
}

void MainWindow::setPresentationMode(bool on)
{
    m_layout->setPresentation(on, m_preferences.theme);
}

bool MainWindow::saveSession(const QString &path)
{
    Session session;
    session.model = QString::fromStdString(m_work.info().path);
    session.data = QString::fromStdString(m_work.data().path);
    session.compare = m_work.compareEngine() ? QString::fromStdString(m_work.compareInfo().path) : QString();
    session.arrangement = m_editor->arrangement();
    session.randomK = m_actions->randomCount();
    session.pathGraph = m_pathGraph->modeName();
    session.liveImages = m_preferences.liveImages;
    if (const QString why = writeSessionFile(path, session); !why.isEmpty()) {
        showError(tr("Cannot save the session"), why);
        return false;
    }
    m_recent->remember(path);
    m_editor->undoStack()->setClean();
    statusBar()->showMessage(tr("Session saved to %1").arg(path), 8000);
    return true;
}

bool MainWindow::loadSession(const QString &path)
{
    Session session;
    std::shared_ptr<Network> network;
    const QString why = changeWorkspace(tr("Reading %1…").arg(path),
                                        [&](Workspace &) { return readSessionFile(path, session, network); });
    if (!why.isEmpty()) {
        showError(tr("Cannot open the session"), why);
        return false;
    }
    const qint64 previousLive = m_preferences.liveImages;
    if (session.liveImages != 0) // this session's subset, for this run only
        m_preferences.liveImages = session.liveImages;
    const bool dataChanged = !session.data.isEmpty() && session.data != QString::fromStdString(m_work.data().path);
    if ((dataChanged && !openData(session.data)) || !useModel(network, session.model)) {
        m_preferences.liveImages = previousLive;
        return false;
    }
    m_actions->setRandomCount(session.randomK);
    m_pathGraph->setModeName(session.pathGraph);
    m_editor->set(session.arrangement, tr("Arrangement of %1").arg(QFileInfo(path).fileName()));
    m_editor->undoStack()->setClean(); // what the session holds counts as saved
    if (!session.compare.isEmpty())
        openCompareModel(session.compare); // a failure is reported; the session itself is open
    m_recent->remember(path);
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json"))
        return loadSession(path);
    if (suffix == QLatin1String("pt") || suffix == QLatin1String("pth") || suffix == QLatin1String("ptl"))
        return openModel(path);
    return openData(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QString &file : RecentFiles::openingOrder(event->mimeData()->urls()))
        openFile(file);
    event->acceptProposedAction();
}

bool MainWindow::openCompareModel(const QString &path)
{
    if (path.isEmpty()) {
        if (m_loading->isBusy()) { // the load in flight would bring the closed comparison back
            statusBar()->showMessage(tr("Another file is still loading: try again when it is done."), 8000);
            return false;
        }
        m_comparison->close();
        updateActions();
        return true;
    }
    const QString why = changeWorkspace(tr("Opening %1…").arg(path), [&path](Workspace &work) { return work.openCompare(path); });
    if (!why.isEmpty()) {
        showError(tr("Cannot open the comparison model"), why);
        return false;
    }
    m_comparison->useEngine();
    m_recent->remember(path);
    updateActions();
    m_comparison->request(m_editNumber);
    return true;
}

Arrangement MainWindow::compareArrangement() const
{
    return m_comparison->arrangement();
}

QString MainWindow::shortcutSheet() const
{
    return pathlens::shortcutSheet(*this);
}

} // namespace pathlens
