#include "mainactions.h"

#include "liveplots.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolBar>
#include <QUndoStack>

namespace pathlens {
namespace {

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

MainActions::MainActions(QMainWindow *window, QUndoStack *undoStack)
    : QObject(window)
{
    auto *fileMenu = window->menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(tr("Open &Model…"), QKeySequence::Open, this, &MainActions::openModel);
    fileMenu->addAction(tr("Open &Data…"), QKeySequence(tr("Ctrl+D")), this, &MainActions::openData);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_openCompare = fileMenu->addAction(tr("Open &Comparison Model…"), this, &MainActions::openCompare);
    m_closeCompare = fileMenu->addAction(tr("C&lose Comparison"), this, &MainActions::closeCompare);
    fileMenu->addSeparator();
    fileMenu->addAction(tr("Open &Session…"), QKeySequence(tr("Ctrl+Shift+O")), this, &MainActions::openSession);
    m_saveSession = fileMenu->addAction(tr("&Save Session…"), QKeySequence::Save, this, &MainActions::saveSession);
    fileMenu->addSeparator();
    m_exportMenu = fileMenu->addMenu(tr("&Export Plot"));
    const QString plotTitles[] = {tr("&Accuracy…"), tr("Path &Lengths…"), tr("&Surviving Paths…"), tr("&Gradients…"),
                                  tr("Single &Deletion…"), tr("Accuracy per &Class…"), tr("C&onfusion Change…"),
                                  tr("Deletion × Cla&ss…"), tr("D&isagreement…"), tr("Deleting &k Blocks…"),
                                  tr("&Reordering…"), tr("Reordering by &Tau…")};
    for (int i = 0; i < LivePlots::plotNames().size(); ++i)
        m_exportMenu->addAction(plotTitles[i], this, [this, i] { Q_EMIT exportPlot(LivePlots::plotNames()[i]); });
    m_exportGraph = fileMenu->addAction(tr("Export Path &Graph…"), this, &MainActions::exportPathGraph);
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    m_viewMenu = window->menuBar()->addMenu(tr("&View"));
    m_presentation = m_viewMenu->addAction(tr("&Presentation Mode"), QKeySequence(Qt::Key_F11), this,
                                           &MainActions::presentationMode);
    m_presentation->setCheckable(true);
    auto *leave = new QAction(tr("Leave presentation mode"), window);
    leave->setShortcut(Qt::Key_Escape);
    connect(leave, &QAction::triggered, m_presentation, [this] {
        if (m_presentation->isChecked())
            m_presentation->trigger();
    });
    window->addAction(leave); // no menu holds it: the window's own list makes Esc work
    m_fullTestSet = m_viewMenu->addAction(tr("Evaluate on the &Full Test Set"), this, &MainActions::fullTestSet);
    m_fullTestSet->setCheckable(true);
    // The theme where a new user looks for it too (it was only in Settings).
    QMenu *themeMenu = m_viewMenu->addMenu(tr("&Theme"));
    auto *themeGroup = new QActionGroup(this);
    const QStringList themeNames{tr("&System"), tr("&Light"), tr("&Dark")};
    for (int theme = 0; theme < int(themeNames.size()); ++theme) {
        QAction *action = themeMenu->addAction(themeNames[theme], this, [this, theme] { Q_EMIT themeChosen(theme); });
        action->setCheckable(true);
        themeGroup->addAction(action);
        m_themes << action;
    }
    m_viewMenu->addSeparator();
    m_lecture = m_viewMenu->addAction(tr("&Lecture Layout"), this, &MainActions::lectureLayout);
    m_lecture->setCheckable(true);

    auto *editMenu = new QMenu(tr("&Edit"), window);
    window->menuBar()->insertMenu(m_viewMenu->menuAction(), editMenu); // File, Edit, View, Help
    QAction *undo = undoStack->createUndoAction(window, tr("&Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = undoStack->createRedoAction(window, tr("&Redo"));
    // Ctrl+Shift+Z and Ctrl+Y both, each once: the platform's Redo binding already holds one of
    // them on most desktops, and a key bound twice is an "ambiguous shortcut" that does nothing.
    redo->setShortcuts(withKeys(QKeySequence::Redo, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                                                     QKeySequence(Qt::CTRL | Qt::Key_Y)}));
    m_reset = new QAction(tr("Re&set to the Original"), window);
    m_reset->setShortcut(QKeySequence(tr("Ctrl+R")));
    connect(m_reset, &QAction::triggered, this, &MainActions::reset);
    m_deleteRandom = new QAction(tr("&Delete Random Blocks"), window);
    m_deleteRandom->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    connect(m_deleteRandom, &QAction::triggered, this, [this] { Q_EMIT deleteRandom(randomCount()); });
    m_swapRandom = new QAction(tr("S&wap Random Pairs"), window);
    m_swapRandom->setShortcut(QKeySequence(tr("Ctrl+Shift+W")));
    connect(m_swapRandom, &QAction::triggered, this, [this] { Q_EMIT swapRandom(randomCount()); });
    editMenu->addActions({undo, redo});
    editMenu->addSeparator();
    editMenu->addActions({m_reset, m_deleteRandom, m_swapRandom});
    editMenu->addSeparator();
    QAction *settingsAction = editMenu->addAction(tr("Se&ttings…"), this, &MainActions::settings);
    settingsAction->setShortcuts(withKeys(QKeySequence::Preferences, {QKeySequence(Qt::CTRL | Qt::Key_Comma)})); // none on Linux otherwise
    settingsAction->setMenuRole(QAction::PreferencesRole);

    auto *helpMenu = window->menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, this, &MainActions::shortcuts);
    helpMenu->addAction(tr("&Lecture Tour"), this, &MainActions::lectureTour);

    // On the tool bar "Undo" and "Redo" alone (the whole text, "Undo Lecture tour, step 4", in the
    // menu and the tooltip): the changing text moved every button after them by up to 200 px.
    undo->setIconText(tr("Undo"));
    redo->setIconText(tr("Redo"));
    auto *toolBar = window->addToolBar(tr("Edit"));
    toolBar->setObjectName(QStringLiteral("editToolBar"));
    toolBar->addActions({undo, redo, m_reset});
    toolBar->addSeparator();
    m_randomCount = new QSpinBox(toolBar);
    m_randomCount->setRange(1, 1000);
    m_randomCount->setValue(10);
    m_randomCount->setPrefix(tr("k = "));
    m_randomCount->setToolTip(tr("How many blocks to delete or pairs to swap at random"));
    toolBar->addWidget(m_randomCount);
    toolBar->addActions({m_deleteRandom, m_swapRandom});
}

void MainActions::addPanelToggles(const QList<QAction *> &toggles)
{
    m_viewMenu->insertActions(m_lecture, toggles);
}

int MainActions::randomCount() const
{
    return m_randomCount->value();
}

void MainActions::setRandomCount(int k)
{
    m_randomCount->setValue(k);
}

void MainActions::setFullTestSet(bool on)
{
    const QSignalBlocker blocker(m_fullTestSet);
    m_fullTestSet->setChecked(on);
}

void MainActions::setTheme(int theme)
{
    if (QAction *action = m_themes.value(theme))
        action->setChecked(true); // checking emits triggered only when clicked
}

void MainActions::setLectureLayout(bool on)
{
    const QSignalBlocker blocker(m_lecture);
    m_lecture->setChecked(on);
}

void MainActions::setPresentationMode(bool on)
{
    const QSignalBlocker blocker(m_presentation);
    m_presentation->setChecked(on);
}

void MainActions::update(bool network, bool edited, bool data, bool comparing)
{
    m_reset->setEnabled(edited);
    m_deleteRandom->setEnabled(network);
    m_swapRandom->setEnabled(network);
    m_saveSession->setEnabled(network);
    m_exportGraph->setEnabled(network);
    m_exportMenu->setEnabled(network);
    m_openCompare->setEnabled(network && data);
    m_closeCompare->setEnabled(comparing);
}

} // namespace pathlens
