#include "mainwindow.h"

#include "analysis.h"
#include "analysiscontroller.h"
#include "arrangementeditor.h"
#include "blockstrip.h"
#include "blocktablemodel.h"
#include "comparison.h"
#include "engine.h"
#include "error.h"
#include "evaluationthread.h"
#include "liveevaluation.h"
#include "figures.h"
#include "imagefolder.h"
#include "exportcontroller.h"
#include "liveplots.h"
#include "recentfiles.h"
#include "pathgraph.h"
#include "session.h"
#include "shortcutsheet.h"
#include "workspace.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <QRegularExpression>

#include <cmath>
#include <functional>

namespace pathlens {
namespace {


QString percent(double fraction)
{
    return QStringLiteral("%1%").arg(100.0 * fraction, 0, 'f', 2);
}

// Window-modal and non-blocking: the event loop (and the workers' results) keep flowing.
void openMessage(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString chooseModelFile(QWidget *parent, const QString &title, const QString &folder)
{
    return QFileDialog::getOpenFileName(parent, title, folder,
                                        MainWindow::tr("TorchScript models (*.pt *.pth *.ptl);;All files (*)"));
}

// "1 block deleted", "2 blocks deleted": plural forms from the translations (English included).
QString blocksDeleted(int n)
{
    return MainWindow::tr("%n block(s) deleted", nullptr, n);
}

// The platform's keys for `standard` and `extra`, each once.
QList<QKeySequence> withKeys(QKeySequence::StandardKey standard, const QList<QKeySequence> &extra)
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(standard);
    for (const QKeySequence &key : extra)
        if (!keys.contains(key))
            keys << key;
    return keys;
}


} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_live(new LiveEvaluation(this))
{
    installPluralForms();
    setWindowTitle(tr("pathlens"));
    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(tr("Open &Model…"), QKeySequence::Open, this, &MainWindow::chooseModel);
    fileMenu->addAction(tr("Open &Data…"), QKeySequence(tr("Ctrl+D")), this, &MainWindow::chooseData);
    m_recent = new RecentFiles(fileMenu->addMenu(tr("Open &Recent")), this);
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openFile);
    m_openCompareAction = fileMenu->addAction(tr("Open &Comparison Model…"), this, &MainWindow::chooseCompareModel);
    m_closeCompareAction = fileMenu->addAction(tr("C&lose Comparison"), this, [this] { openCompareModel({}); });
    fileMenu->addSeparator();
    fileMenu->addAction(tr("Open &Session…"), QKeySequence(tr("Ctrl+Shift+O")), this, [this] { chooseSession(false); });
    m_saveSessionAction = fileMenu->addAction(tr("&Save Session…"), QKeySequence::Save, this, [this] { chooseSession(true); });
    fileMenu->addSeparator();
    QMenu *exportMenu = fileMenu->addMenu(tr("&Export Plot"));
    m_exportMenu = exportMenu;
    const QString plotTitles[] = {tr("&Accuracy…"), tr("Path &Lengths…"), tr("&Surviving Paths…"), tr("&Gradients…"),
                                  tr("Single &Deletion…")};
    for (int i = 0; i < LivePlots::plotNames().size(); ++i)
        exportMenu->addAction(plotTitles[i], this, [this, i] { m_export->exportPlot(LivePlots::plotNames()[i]); });
    m_exportGraphAction = fileMenu->addAction(tr("Export Path &Graph…"), this, [this] { m_export->exportPathGraph(); });
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *presentation = viewMenu->addAction(tr("&Presentation Mode"), QKeySequence(Qt::Key_F11), this,
                                                [this](bool on) { setPresentationMode(on); });
    presentation->setCheckable(true);
    auto *leave = new QAction(tr("Leave presentation mode"), this);
    leave->setShortcut(Qt::Key_Escape);
    connect(leave, &QAction::triggered, presentation, [presentation] {
        if (presentation->isChecked())
            presentation->trigger();
    });
    addAction(leave);
    m_fullTestSet = viewMenu->addAction(tr("Evaluate on the &Full Test Set"), this, [this](bool full) {
        Preferences preferences = m_preferences;
        const qint64 chosen = Preferences::load().liveImages; // the subset of the settings dialog
        preferences.liveImages = full ? -1 : chosen > 0 ? chosen : liveImages;
        setPreferences(preferences);
    });
    m_fullTestSet->setCheckable(true);
    m_fullTestSet->setChecked(m_preferences.liveImages < 0);


    m_editor = new ArrangementEditor(this);
    auto *editMenu = new QMenu(tr("&Edit"), this);
    menuBar()->insertMenu(viewMenu->menuAction(), editMenu); // File, Edit, View, Help
    QAction *undo = m_editor->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = m_editor->undoStack()->createRedoAction(this, tr("&Redo"));
    // Ctrl+Shift+Z and Ctrl+Y both, each once: the platform's Redo binding already holds one of
    // them on most desktops, and a key bound twice is an "ambiguous shortcut" that does nothing.
    redo->setShortcuts(withKeys(QKeySequence::Redo, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                                                     QKeySequence(Qt::CTRL | Qt::Key_Y)}));
    QAction *reset = new QAction(tr("Re&set to the Original"), this);
    reset->setShortcut(QKeySequence(tr("Ctrl+R")));
    connect(reset, &QAction::triggered, this, [this] { m_editor->reset(); });
    QAction *deleteRandom = new QAction(tr("&Delete Random Blocks"), this);
    deleteRandom->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    connect(deleteRandom, &QAction::triggered, this, [this] {
        if (const QString why = m_editor->deleteRandom(m_randomCount->value(), m_randomSeed++); !why.isEmpty())
            statusBar()->showMessage(why, 8000);
    });
    QAction *swapRandom = new QAction(tr("S&wap Random Pairs"), this);
    swapRandom->setShortcut(QKeySequence(tr("Ctrl+Shift+W")));
    connect(swapRandom, &QAction::triggered, this, [this] {
        if (const QString why = m_editor->swapRandom(m_randomCount->value(), m_randomSeed++); !why.isEmpty())
            statusBar()->showMessage(why, 8000);
    });
    m_resetAction = reset;
    m_deleteRandomAction = deleteRandom;
    m_swapRandomAction = swapRandom;
    editMenu->addActions({undo, redo});
    editMenu->addSeparator();
    editMenu->addActions({reset, deleteRandom, swapRandom});
    editMenu->addSeparator();
    QAction *settingsAction = editMenu->addAction(tr("Se&ttings…"), this, &MainWindow::chooseSettings);
    settingsAction->setShortcuts(withKeys(QKeySequence::Preferences, {QKeySequence(Qt::CTRL | Qt::Key_Comma)})); // none on Linux otherwise
    settingsAction->setMenuRole(QAction::PreferencesRole);

    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, this, [this] {
        openMessage(this, QMessageBox::Information, tr("Keyboard shortcuts"), shortcutSheet());
    });

    auto *toolBar = addToolBar(tr("Edit"));
    toolBar->setObjectName(QStringLiteral("editToolBar"));
    toolBar->addActions({undo, redo, reset});
    toolBar->addSeparator();
    m_randomCount = new QSpinBox(toolBar);
    m_randomCount->setRange(1, 1000);
    m_randomCount->setValue(10);
    m_randomCount->setPrefix(tr("k = "));
    m_randomCount->setToolTip(tr("How many blocks to delete or pairs to swap at random"));
    toolBar->addWidget(m_randomCount);
    toolBar->addActions({deleteRandom, swapRandom});

    // Panels as dock widgets: the block strip across the top (full width, so every tile has
    // room), the path graph and block table on the left, the plots in the middle. Their
    // geometry depends on the window and the fonts only, never on the text of a label.
    auto *blocksPanel = new QWidget(this);
    auto *layout = new QVBoxLayout(blocksPanel);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(2);
    m_accuracy = new QLabel(blocksPanel);
    QFont big = m_accuracy->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_accuracy->setFont(big);
    m_compareLabel = new QLabel(blocksPanel);
    for (QLabel *label : {m_accuracy, m_compareLabel})
        fixLabelHeight(label);
    m_compareLabel->hide();
    m_strip = new BlockStrip(m_editor, blocksPanel);
    m_strip->setToolTip(tr("Click or Space: delete / restore a block. Drag a block onto another: move it there. "
                           "Arrow keys move the focus, Ctrl+arrows move the block."));
    layout->addWidget(m_accuracy);
    layout->addWidget(m_compareLabel);
    layout->addWidget(m_strip, 1);
    m_blocksDock = addPanel(blocksPanel, tr("Blocks"), QStringLiteral("blocksDock"), Qt::TopDockWidgetArea);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(4, 2, 4, 2);
    m_summary = new QLabel(tr("No model loaded. Use File → Open Model."), left);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_table = new QTableView(left);
    auto *tableModel = new BlockTableModel(m_editor, m_table);
    m_table->setModel(tableModel);
    connect(tableModel, &BlockTableModel::refused, this, [this](const QString &why) { statusBar()->showMessage(why, 8000); });
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_pathGraph = new PathGraph(left);
    auto *tabs = new QTabWidget(left);
    tabs->addTab(m_pathGraph, tr("Path graph"));
    tabs->addTab(m_table, tr("Blocks"));
    leftLayout->addWidget(m_summary);
    leftLayout->addWidget(tabs, 1);
    m_graphDock = addPanel(left, tr("Network"), QStringLiteral("graphDock"), Qt::LeftDockWidgetArea);

    m_plots = new LivePlots(this);
    setCentralWidget(m_plots);
    viewMenu->addSeparator();
    viewMenu->addActions({m_blocksDock->toggleViewAction(), m_graphDock->toggleViewAction()});
    QAction *lecture = viewMenu->addAction(tr("&Lecture Layout"), this, [this](bool on) { setLectureLayout(on); });
    lecture->setCheckable(true);

    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(240);
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);

    connect(m_editor, &ArrangementEditor::arrangementChanged, this, &MainWindow::showArrangement);
    connect(m_strip, &BlockStrip::refused, this, [this](const QString &why) { statusBar()->showMessage(why, 8000); });
    connect(m_live, &LiveEvaluation::started, this, &MainWindow::showStarted);
    connect(m_live, &LiveEvaluation::estimate, this, &MainWindow::showProgress);
    connect(m_live, &LiveEvaluation::finished, this, &MainWindow::showResult);
    connect(m_live, &LiveEvaluation::originalMeasured, m_plots,
            [this](double accuracy) { m_plots->setOriginalAccuracy(LivePlots::Series::Main, accuracy); });
    connect(m_live, &LiveEvaluation::failed, this, [this](const QString &message) {
        m_progress->hide();
        showError(tr("Evaluation failed"), message);
    });
    m_comparison = new Comparison(&m_work, m_editor, m_plots, m_compareLabel, this);
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
    resizeDocks({m_graphDock}, {620}, Qt::Horizontal);
    updateActions();
}

// Actions that cannot apply are disabled rather than answering with an error.
void MainWindow::updateActions()
{
    const bool network = m_work.network() != nullptr;
    const bool edited = network && m_editor->arrangement() != identityArrangement(int(m_work.info().blocks.size()));
    m_resetAction->setEnabled(edited);
    m_deleteRandomAction->setEnabled(network);
    m_swapRandomAction->setEnabled(network);
    m_saveSessionAction->setEnabled(network);
    m_exportGraphAction->setEnabled(network);
    m_exportMenu->setEnabled(network);
    m_openCompareAction->setEnabled(network && m_work.data().size() > 0);
    m_closeCompareAction->setEnabled(m_work.compareEngine() != nullptr);
}

QDockWidget *MainWindow::addPanel(QWidget *content, const QString &title, const QString &name, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name); // the key of its place in the saved layout
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    dock->setWidget(content);
    addDockWidget(area, dock);
    return dock;
}

// A label of a fixed number of lines: its text wraps inside the width it is given and never
// widens or heightens the panel (a longer "stale" text used to reflow the tiles under the mouse).
void MainWindow::fixLabelHeight(QLabel *label, int lines)
{
    label->setWordWrap(true);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    label->setFixedHeight(QFontMetrics(label->font()).lineSpacing() * lines + 4);
}

// For a projector: the strip and one big plot (the accuracy after each edit) fill the window.
void MainWindow::setLectureLayout(bool on)
{
    m_graphDock->setVisible(!on);
    m_plots->setSingleFigure(on);
    if (on)
        resizeDocks({m_blocksDock}, {m_blocksDock->sizeHint().height()}, Qt::Vertical);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

bool MainWindow::hasUnsavedArrangement() const
{
    return m_work.network() && !m_editor->undoStack()->isClean();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (hasUnsavedArrangement()) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved arrangement"), tr("The arrangement has changed since it was last saved. Save it as a session?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save) {
            const QString path = QFileDialog::getSaveFileName(this, tr("Save Session"), m_recent->startFolder(QStringLiteral("session.json")),
                                                              tr("pathlens sessions (*.json)"));
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
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
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
    {
        const QSignalBlocker blocker(m_fullTestSet);
        m_fullTestSet->setChecked(preferences.liveImages < 0);
    }
    if (!preferences.engineDiffers(previous) || !m_work.network() || m_work.data().size() == 0)
        return;
    // New engines for the same models and data; the accuracy history starts again, because
    // numbers on other images are not comparable, but the arrangement and its undo stack stay.
    syncOptions();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString why = m_work.rebuild();
    QApplication::restoreOverrideCursor();
    if (!why.isEmpty()) {
        showError(tr("Cannot use %1").arg(QString::fromStdString(m_work.info().path)), why);
        m_preferences = previous;
        syncOptions();
        const QSignalBlocker blocker(m_fullTestSet);
        m_fullTestSet->setChecked(previous.liveImages < 0);
        return;
    }
    // Measurements of the old engine's images or device would land in the plots cleared below:
    // they stop, and their queued results are dropped (Analysis::post checks the cancel).
    m_analyses->reset();
    showSummary();
    m_accuracy->clear();
    m_plots->clear(int(m_work.info().blocks.size()));
    useEngine();
    m_comparison->useEngine();
    m_editNumber = -1;
    showArrangement(m_editor->arrangement());
}

void MainWindow::chooseModel()
{
    const QString path = chooseModelFile(this, tr("Open Model"), m_recent->startFolder());
    if (!path.isEmpty())
        openModel(path);
}

void MainWindow::chooseData()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open Data Folder (IDX, CIFAR-10 binary, or one sub-folder of images per class)"),
                                                           QString::fromStdString(defaultDatasetPath()));
    if (!path.isEmpty())
        openData(path);
}

bool MainWindow::openModel(const QString &path)
{
    std::shared_ptr<Network> network;
    if (const QString why = m_work.loadModel(path, network); !why.isEmpty()) {
        showError(tr("Cannot open model"), why);
        return false;
    }
    return useModel(network, path);
}

bool MainWindow::useModel(const std::shared_ptr<Network> &network, const QString &path)
{
    syncOptions();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString why = m_work.useModel(network);
    QApplication::restoreOverrideCursor();
    if (!why.isEmpty()) {
        showError(tr("Cannot use %1").arg(path), why);
        return false;
    }
    useEngine();
    m_recent->remember(path);
    showNetwork();
    if (!network->warning().empty())
        openMessage(this, QMessageBox::Warning, tr("Doubtful weights"), QString::fromStdString(network->warning()));
    return true;
}

bool MainWindow::openData(const QString &path)
{
    syncOptions();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString why = m_work.openData(path);
    QApplication::restoreOverrideCursor();
    if (!why.isEmpty()) {
        showError(tr("Cannot open data"), why);
        return false;
    }
    useEngine();
    m_recent->remember(path);
    if (!m_work.data().note.empty()) // e.g. image files that could not be read and were skipped
        openMessage(this, QMessageBox::Warning, tr("Some files were skipped"), QString::fromStdString(m_work.data().note));
    if (m_work.network())
        showNetwork();
    updateActions();
    return true;
}

void MainWindow::syncOptions()
{
    EngineOptions options;
    options.device = m_preferences.device;
    options.threads = m_preferences.threads;
    m_work.setOptions(options, m_preferences.liveImages);
}

// The workspace's engine (new after a model, data or settings change) for the live evaluation.
void MainWindow::useEngine()
{
    const std::shared_ptr<Engine> &engine = m_work.engine();
    if (!engine)
        return;
    if (m_live->engineUsed() == engine.get())
        return;
    m_shownNotice = QString::fromStdString(engine->notice());
    if (!m_shownNotice.isEmpty())
        statusBar()->showMessage(m_shownNotice, 15000);
    m_live->setEvaluator(engineEvaluator(engine, engine->imageCount()), int(m_work.info().blocks.size()), engine->imageCount(),
                         engine.get());
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
    const QString data = m_work.data().size() ? tr("%1 (%2 images, %3; %4)")
                                             .arg(QString::fromStdString(m_work.data().path))
                                             .arg(m_work.data().size())
                                             .arg(QString::fromStdString(m_work.data().format),
                                                  m_preferences.liveImages < 0 || liveImageCount() == m_work.data().size()
                                                      ? tr("evaluating all of them")
                                                      : tr("live subset: %1 class-balanced images").arg(liveImageCount()))
                                       : tr("none");
    m_summary->setText(tr("<b>%1</b><br>%2, input %3, %4 classes, %5 parameters, %6 blocks in %7 stages.<br>"
                          "Data: %8. Click a block to delete its residual branch, drag it to move it.")
                           .arg(QString::fromStdString(m_work.info().path).toHtmlEscaped(),
                                QString::fromStdString(m_work.info().family),
                                QString::fromStdString(toString(m_work.info().inputShape)))
                           .arg(m_work.info().classCount)
                           .arg(QLocale().toString(qint64(m_work.info().parameters)))
                           .arg(m_work.info().blocks.size())
                           .arg(m_work.info().stageCount)
                           .arg(data.toHtmlEscaped()));
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

// The worker runs for this edit: the number shown is greyed and marked until its first estimate.
void MainWindow::showStarted(int, bool original)
{
    m_progress->setValue(0);
    m_progress->show();
    if (!m_accuracy->text().isEmpty() && m_accuracy->isEnabled()) {
        m_accuracy->setEnabled(false);
        m_accuracy->setText(tr("%1 — stale, recomputing…").arg(m_accuracy->text()));
    }
    int moved = 0;
    for (size_t slot = 0; slot < m_editor->arrangement().size(); ++slot)
        moved += m_editor->arrangement()[slot].block != int(slot) ? 1 : 0;
    const int deleted = int(m_editor->arrangement().size()) - activeCount(m_editor->arrangement());
    statusBar()->showMessage(original || (moved == 0 && deleted == 0)
                                 ? tr("Evaluating the original network on %1 test images…").arg(liveImageCount())
                                 : tr("Evaluating the network with %1 and %2 moved on %3 test images…")
                                       .arg(blocksDeleted(deleted))
                                       .arg(moved)
                                       .arg(liveImageCount()));
}

bool MainWindow::accuracyIsStale() const
{
    return !m_accuracy->isEnabled();
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

void MainWindow::showProgress(int edit, double accuracy, double halfWidth, qint64 done, qint64 total)
{
    m_accuracy->setEnabled(true);
    m_progress->setMaximum(int(total));
    m_progress->setValue(int(done));
    m_accuracy->setText(tr("Accuracy %1 ± %2 (estimate on %3 of %4 images)")
                            .arg(percent(accuracy), percent(halfWidth))
                            .arg(done)
                            .arg(total));
    m_plots->showEstimate(edit, accuracy, halfWidth);
}

void MainWindow::showResult(int edit, double accuracy, qint64 images, double seconds, bool cached)
{
    m_accuracy->setEnabled(true);
    m_plots->addResult(LivePlots::Series::Main, edit, accuracy);
    const int deleted = int(m_editor->arrangement().size()) - activeCount(m_editor->arrangement());
    const double original = m_live->originalAccuracy();
    m_accuracy->setText(tr("Accuracy %1 on %2 images; original %3; %4")
                            .arg(percent(accuracy))
                            .arg(images)
                            .arg(original >= 0 ? percent(original) : tr("—"))
                            .arg(blocksDeleted(deleted)));
    m_progress->hide();
    if (cached) {
        statusBar()->showMessage(tr("Known from earlier in this session: not evaluated again"), 8000);
    } else {
        // Something learnt while evaluating, e.g. a batch that did not fit in memory and was halved.
        if (const QString notice = QString::fromStdString(m_work.engine()->notice()); notice != m_shownNotice) {
            m_shownNotice = notice;
            if (!notice.isEmpty())
                openMessage(this, QMessageBox::Information, tr("Note"), notice);
        }
        const Timing timing = lastTiming();
        statusBar()->showMessage(tr("Evaluated in %1 s on %2 (%3 threads); first estimate after %4 ms, final after %5 ms")
                                     .arg(seconds, 0, 'f', 2)
                                     .arg(QString::fromStdString(m_work.engine()->deviceName()))
                                     .arg(m_work.engine()->threads())
                                     .arg(timing.firstEstimateMs)
                                     .arg(timing.finishedMs));
    }
    Q_EMIT evaluationFinished(accuracy);
}

// For the lecture hall: full screen, everything half as large again, thicker tile outlines.
void MainWindow::setPresentationMode(bool on)
{
    QFont font = QApplication::font();
    QFont big = font;
    big.setPointSizeF(font.pointSizeF() * (on ? 1.5 * 1.6 : 1.6));
    m_accuracy->setFont(big);
    if (on) {
        m_normalFont = font;
        font.setPointSizeF(font.pointSizeF() * 1.5);
        setFont(font);
        applyHighContrast();
        m_plots->setPresentation(true);
        showFullScreen();
    } else {
        setFont(m_normalFont);
        applyTheme(m_preferences.theme);
        m_plots->setPresentation(false);
        showNormal();
    }
    for (QLabel *label : {m_accuracy, m_compareLabel})
        fixLabelHeight(label);
}

bool MainWindow::saveSession(const QString &path)
{
    Session session;
    session.model = QString::fromStdString(m_work.info().path);
    session.data = QString::fromStdString(m_work.data().path);
    session.compare = m_work.compareEngine() ? QString::fromStdString(m_work.compareInfo().path) : QString();
    session.arrangement = m_editor->arrangement();
    session.randomK = m_randomCount->value();
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
    if (const QString why = readSessionFile(path, session, network); !why.isEmpty()) {
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
    m_randomCount->setValue(session.randomK);
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

void MainWindow::chooseSession(bool save)
{
    const QString filter = tr("pathlens sessions (*.json)");
    const QString path = save ? QFileDialog::getSaveFileName(this, tr("Save Session"), m_recent->startFolder(QStringLiteral("session.json")), filter)
                              : QFileDialog::getOpenFileName(this, tr("Open Session"), m_recent->startFolder(), filter);
    if (path.isEmpty())
        return;
    if (save)
        saveSession(path);
    else
        loadSession(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    // Data before models, so that a model and its data dropped together end up evaluated.
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            files << url.toLocalFile();
    std::stable_sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
        auto rank = [](const QString &f) { return f.endsWith(QLatin1String(".json")) ? 2 : f.contains(QLatin1String(".pt")) ? 1 : 0; };
        return rank(a) < rank(b);
    });
    for (const QString &file : files)
        openFile(file);
    event->acceptProposedAction();
}

void MainWindow::chooseCompareModel()
{
    const QString path = chooseModelFile(this, tr("Open Comparison Model"), m_recent->startFolder());
    if (!path.isEmpty())
        openCompareModel(path);
}

bool MainWindow::openCompareModel(const QString &path)
{
    if (path.isEmpty()) {
        m_comparison->close();
        updateActions();
        return true;
    }
    syncOptions();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString why = m_comparison->open(path);
    QApplication::restoreOverrideCursor();
    if (!why.isEmpty()) {
        showError(tr("Cannot open the comparison model"), why);
        return false;
    }
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
