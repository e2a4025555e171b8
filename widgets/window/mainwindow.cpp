#include "mainwindow.h"

#include "accuracypanel.h"
#include "analysis.h"
#include "analysiscontroller.h"
#include "arrangementeditor.h"
#include "blockstrip.h"
#include "comparison.h"
#include "documentcontroller.h"
#include "lecturetour.h"
#include "livedisplay.h"
#include "liveevaluation.h"
#include "mainactions.h"
#include "exportcontroller.h"
#include "liveplots.h"
#include "networkpanel.h"
#include "recentfiles.h"
#include "pathgraph.h"
#include "shortcutsheet.h"
#include "windowlayout.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScreen>
#include <QStatusBar>
#include <QUndoStack>

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
    m_recent = new RecentFiles(m_actions->recentMenu(), this);
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openFile);
    m_document = new DocumentController(statusBar(), m_recent, this);
    m_actions->setFullTestSet(preferences().liveImages < 0);
    m_actions->setTheme(int(preferences().theme));
    connect(m_document, &DocumentController::preferencesChanged, this, [this] {
        m_actions->setFullTestSet(preferences().liveImages < 0);
        m_actions->setTheme(int(preferences().theme));
    });
    connect(m_actions, &MainActions::themeChosen, this, [this](int theme) {
        Preferences changed = preferences();
        changed.theme = Preferences::Theme(theme);
        setPreferences(changed);
    });
    connect(m_document, &DocumentController::failed, this, &MainWindow::showError);
    connect(m_document, &DocumentController::idle, this, &MainWindow::loaded);
    connect(m_document, &DocumentController::warning, this,
            [this](const QString &title, const QString &text) { openMessage(this, QMessageBox::Warning, title, text); });
    connect(m_document, &DocumentController::modelOpened, this, [this] {
        m_liveDisplay->useEngine();
        showNetwork();
    });
    connect(m_document, &DocumentController::dataOpened, this, [this] {
        m_liveDisplay->useEngine();
        if (work().network())
            showNetwork();
        updateActions();
    });
    connect(m_document, &DocumentController::compareOpened, this, [this] {
        m_comparison->useEngine();
        updateActions();
        m_comparison->request(m_editNumber);
    });
    connect(m_document, &DocumentController::enginesRebuilt, this, [this] {
        startOver();
        m_liveDisplay->useEngine();
        showArrangement(m_editor->arrangement()); // the arrangement and its undo stack stay
    });
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
    connect(m_actions, &MainActions::presentationMode, this, [this](bool on) { setPresentationMode(on); });
    connect(m_actions, &MainActions::fullTestSet, m_document, &DocumentController::setFullTestSet);
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
    connect(m_actions, &MainActions::settings, this, [this] { m_document->chooseSettings(this); });
    connect(m_actions, &MainActions::shortcuts, this, [this] {
        openMessage(this, QMessageBox::Information, tr("Keyboard shortcuts"), shortcutSheet());
    });

    m_accuracy = new AccuracyPanel(this);
    m_strip = new BlockStrip(m_editor, this);
    m_strip->setToolTip(tr("Click or Space: delete / restore a block. Drag a block onto another: move it there. "
                           "Arrow keys move the focus, Ctrl+arrows move the block."));

    m_network = new NetworkPanel(m_editor, this);
    connect(m_network, &NetworkPanel::refused, this, [this](const QString &why) { statusBar()->showMessage(why, 8000); });
    connect(m_document, &DocumentController::idle, m_network, [this] { m_network->showLoading({}); });
    connect(m_document, &DocumentController::started, m_network, &NetworkPanel::showLoading);
    m_table = m_network->table();
    m_pathGraph = m_network->pathGraph();

    m_plots = new LivePlots(this);
    m_layout = new WindowLayout(this, m_accuracy, m_strip, m_network, m_plots);
    m_actions->addPanelToggles({m_layout->blocksDock()->toggleViewAction(), m_layout->networkDock()->toggleViewAction()});

    statusBar()->addPermanentWidget(m_accuracy->progressBar());

    connect(m_editor, &ArrangementEditor::arrangementChanged, this, &MainWindow::showArrangement);
    connect(m_strip, &BlockStrip::refused, this, [this](const QString &why) { statusBar()->showMessage(why, 8000); });
    m_liveDisplay = new LiveDisplay(m_live, m_document->workspace(), m_editor, m_accuracy, m_plots, statusBar(), this);
    connect(m_liveDisplay, &LiveDisplay::finished, this, &MainWindow::evaluationFinished);
    connect(m_liveDisplay, &LiveDisplay::failed, this, [this](const QString &message) { showError(tr("Evaluation failed"), message); });
    connect(m_liveDisplay, &LiveDisplay::notice, this,
            [this](const QString &notice) { openMessage(this, QMessageBox::Information, tr("Note"), notice); });
    m_comparison = new Comparison(m_document->workspace(), m_editor, m_plots, m_accuracy->compareLabel(), this);
    connect(m_comparison, &Comparison::finished, this, &MainWindow::compareFinished);
    connect(m_comparison, &Comparison::failed, this, &MainWindow::showError);
    m_analyses = new AnalysisController(m_document->workspace(), m_editor, m_plots, m_pathGraph, this);
    connect(m_plots, &LivePlots::lesionRequested, this, &MainWindow::measureSingleDeletions);
    connect(m_plots, &LivePlots::gradientsRequested, this, &MainWindow::measureGradients);
    connect(m_plots, &LivePlots::sweepRequested, this, &MainWindow::measureSweep);
    connect(m_plots, &LivePlots::classesRequested, this, [this] {
        if (const QString why = m_analyses->measureClasses(preferences().liveImages); !why.isEmpty())
            showError(tr("Cannot measure"), why);
    });
    connect(m_analyses, &AnalysisController::failed, this, &MainWindow::showError);
    setAcceptDrops(true);
    m_export = new ExportController(this, m_plots, m_analyses, m_pathGraph, m_recent);
    connect(m_export, &ExportController::written, this,
            [this](const QString &path) { statusBar()->showMessage(tr("Written: %1").arg(path), 8000); });
    connect(m_export, &ExportController::failed, this, &MainWindow::showError);
    TourTargets tour;
    tour.window = this;
    tour.editor = m_editor;
    tour.live = m_live;
    tour.analyses = m_analyses;
    tour.plots = m_plots;
    tour.graph = m_pathGraph;
    tour.networkPanel = m_network;
    tour.networkDock = m_layout->networkDock();
    tour.work = [this]() -> const Workspace & { return work(); };
    tour.openModel = [this](const QString &path, const std::function<void(bool)> &done) { m_document->openModel(path, done); };
    tour.openData = [this](const QString &path, const std::function<void(bool)> &done) { m_document->openData(path, done); };
    tour.setLectureLayout = [this](bool on) {
        m_actions->setLectureLayout(on);
        setLectureLayout(on);
    };
    tour.modelsFolder = [this] { return m_recent->modelsFolder(); };
    tour.dataPath = QString::fromStdString(defaultDatasetPath());
    m_tour = new LectureTour(tour, this);
    connect(m_tour, &LectureTour::failed, this, &MainWindow::showError);
    connect(m_actions, &MainActions::lectureTour, this, [this] {
        // The tour replaces the arrangement and opens its own models: an edited arrangement is
        // saved first, and measurements are given up, knowingly.
        const QStringList measured = m_analyses->measuredOnRequest();
        if (!measured.isEmpty()
            && QMessageBox::question(this, tr("Start the lecture tour"),
                                     (m_analyses->analysis()->isRunning() ? tr("The tour opens its own models: the measurement under way "
                                                                     "stops, and the results measured on this model (%1) are "
                                                                     "discarded. Export them first if you need them.")
                                                                : tr("The tour opens its own models: the results measured on "
                                                                     "this model (%1) are discarded. Export them first if "
                                                                     "you need them."))
                                         .arg(QLocale().createSeparatedList(measured)),
                                     QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel)
                   != QMessageBox::Discard)
            return;
        if (offerToSave(tr("Start the lecture tour"),
                        tr("The tour replaces the current arrangement, which has changed since it was last saved. "
                           "Save it as a session first?")))
            startLectureTour();
    });
    // Fits the screen it opens on (a 1024x700 projector cut off the strip's right end at the fixed
    // 1400x860); the saved geometry, when there is one, replaces this in WindowLayout::restore.
    const QSize size = QSize(1400, 860).boundedTo(screen()->availableGeometry().size() - WindowLayout::frameAllowance());
    resize(size);
    resizeDocks({m_layout->networkDock()}, {std::min(620, size.width() * 2 / 5)}, Qt::Horizontal);
    updateActions();
    // The arrow keys move along the blocks from the start (they changed "k = 10" in the toolbar,
    // the first widget that takes the focus).
    m_strip->setFocus(Qt::OtherFocusReason);
}

// Actions that cannot apply are disabled rather than answering with an error.
void MainWindow::updateActions()
{
    const bool network = work().network() != nullptr;
    const bool edited = network && m_editor->arrangement() != identityArrangement(int(work().info().blocks.size()));
    m_actions->update(network, edited, work().data().size() > 0, work().compareEngine() != nullptr);
}

void MainWindow::setLectureLayout(bool on)
{
    m_layout->setLecture(on);
}

void MainWindow::restoreLayout()
{
    m_layout->restore();
    // The saved state remembers the tour's panel as open when the window closed during a tour;
    // without the tour it came back empty, with End Tour, Back and Next.
    if (!m_tour->isRunning())
        m_tour->dock()->hide();
}

// Edits that end where the last save (or the model's original) was change nothing worth saving:
// the quit prompt appeared after a block was deleted and restored again (issue 25).
bool MainWindow::hasUnsavedArrangement() const
{
    return work().network() && m_editor->hasUnsavedChanges();
}

bool MainWindow::offerToSave(const QString &title, const QString &question)
{
    if (!hasUnsavedArrangement())
        return true;
    const auto answer = QMessageBox::question(this, title, question, QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                              QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard)
        return true;
    const QString path = m_recent->chooseSession(this, true);
    return !path.isEmpty() && saveSession(path);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!offerToSave(tr("Unsaved arrangement"), tr("The arrangement has changed since it was last saved. Save it as a session?"))) {
        event->ignore();
        return;
    }
    m_document->cancel(); // a load in flight or queued would open into a closed window
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
    if (const QString why = m_analyses->measureSingleDeletions(preferences().liveImages); !why.isEmpty())
        showError(tr("Cannot measure"), why);
}

void MainWindow::measureGradients()
{
    if (const QString why = m_analyses->measureGradients(m_randomSeed++); !why.isEmpty())
        showError(tr("Cannot measure"), why);
}

void MainWindow::measureSweep(bool reorder)
{
    if (const QString why = m_analyses->measureSweep(reorder, preferences().liveImages, m_randomSeed++); !why.isEmpty())
        showError(tr("Cannot measure"), why);
}

bool MainWindow::startLectureTour(const QString &path)
{
    return m_tour->start(path.isEmpty() ? LectureTour::builtInTour() : path);
}

Analysis *MainWindow::analysis() const
{
    return m_analyses->analysis();
}

void MainWindow::setPreferences(const Preferences &preferences)
{
    m_document->setPreferences(preferences); // a failure is reported, the previous ones kept
}

const Preferences &MainWindow::preferences() const
{
    return m_document->preferences();
}

const Workspace &MainWindow::work() const
{
    return m_document->work();
}

void MainWindow::openModel(const QString &path)
{
    m_document->openModel(path);
}

void MainWindow::openData(const QString &path)
{
    m_document->openData(path);
}

bool MainWindow::isLoading() const
{
    return m_document->isBusy();
}

int MainWindow::loadFailures() const
{
    return m_document->failures();
}

qint64 MainWindow::liveImageCount() const
{
    return work().liveImageCount();
}

void MainWindow::showNetwork()
{
    startOver();
    m_pathGraph->setNetwork(work().info());
    m_editor->setNetwork(work().info()); // shows the identity arrangement (edit 0) and, with data, evaluates it
}

// A new network or new engines: the accuracy history starts again, because numbers of other
// models or images are not comparable; the next arrangement shown is edit 0.
void MainWindow::startOver()
{
    m_analyses->reset(); // the old engines' measurements would land in the plots cleared below
    m_network->showSummary(work(), preferences().liveImages < 0);
    setWindowTitle(tr("pathlens — %1").arg(QFileInfo(QString::fromStdString(work().info().path)).fileName()));
    m_accuracy->clear();
    m_plots->clear(int(work().info().blocks.size()), work().info().plain);
    m_editNumber = -1;
    m_comparison->useEngine(); // the plots were cleared: its original is measured again
}

// Every change of the arrangement, from the strip, the table, the menus or undo/redo.
void MainWindow::showArrangement(const Arrangement &arrangement)
{
    ++m_editNumber;
    m_plots->setArrangement(arrangement);
    m_pathGraph->setArrangement(arrangement);
    updateActions();
    m_analyses->followArrangement(arrangement);
    m_comparison->request(m_editNumber);
    if (work().engine())
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

void MainWindow::setPresentationMode(bool on, const QSize &screenSize)
{
    m_layout->setPresentation(on, preferences().theme, screenSize.isEmpty() ? screen()->geometry().size() : screenSize);
    if (m_tour)
        m_tour->reshowView();
    m_actions->setPresentationMode(on); // entered from the tour or the command line, Esc leaves it too
}

bool MainWindow::saveSession(const QString &path)
{
    Session session; // the document adds the files it has open and the live subset
    session.arrangement = m_editor->arrangement();
    session.randomK = m_actions->randomCount();
    session.pathGraph = m_pathGraph->modeName();
    if (!m_document->saveSession(path, session))
        return false;
    m_editor->markSaved();
    m_recent->rememberWritten(path);
    statusBar()->showMessage(tr("Session saved to %1").arg(path), 8000);
    return true;
}

void MainWindow::loadSession(const QString &path)
{
    // The document opens the data and the model (or reports why not); then the rest is applied.
    m_document->loadSession(path, [this, path](const Session &session) {
        m_actions->setRandomCount(session.randomK);
        m_pathGraph->setModeName(session.pathGraph);
        m_editor->set(session.arrangement, tr("Arrangement of %1").arg(QFileInfo(path).fileName()));
        m_editor->markSaved(); // what the session holds counts as saved
        if (!session.compare.isEmpty())
            openCompareModel(session.compare); // a failure is reported; the session itself is open
        m_recent->remember(path);
    });
}

void MainWindow::openFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json"))
        loadSession(path);
    else if (suffix == QLatin1String("pt") || suffix == QLatin1String("pth") || suffix == QLatin1String("ptl"))
        openModel(path);
    else
        openData(path);
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

void MainWindow::openCompareModel(const QString &path)
{
    if (!path.isEmpty()) {
        m_document->openCompareModel(path);
        return;
    }
    m_comparison->close(); // a load in flight keeps it closed (Workspace::adopt)
    updateActions();
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
