#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QSpinBox;
class QUndoStack;

namespace pathlens {

// The menus and the edit tool bar of the main window. Each action only emits a signal; what it
// does is wired in MainWindow, so that this file holds the keys, titles and order and nothing else.
class MainActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainActions)

public:
    // Builds File, Edit, View and Help on `window`'s menu bar; undo and redo come from `undoStack`.
    MainActions(QMainWindow *window, QUndoStack *undoStack);

    QMenu *recentMenu() const { return m_recentMenu; }
    // The panels' show/hide actions, listed in the View menu before the lecture layout.
    void addPanelToggles(const QList<QAction *> &toggles);
    int randomCount() const; // k of "delete k random blocks" and "swap k random pairs"
    void setRandomCount(int k);
    void setFullTestSet(bool on); // checks the action without emitting fullTestSet
    void setTheme(int theme);     // checks the entry of View → Theme without emitting themeChosen
    void setLectureLayout(bool on); // the same for lectureLayout
    void setPresentationMode(bool on); // the same for presentationMode (Esc leaves only a checked one)
    // Actions that cannot apply are disabled rather than answering with an error.
    void update(bool network, bool edited, bool data, bool comparing);

Q_SIGNALS:
    void openModel();
    void openData();
    void openCompare();
    void closeCompare();
    void openSession();
    void saveSession();
    void exportPlot(const QString &name);
    void exportPathGraph();
    void presentationMode(bool on);
    void fullTestSet(bool on);
    void lectureLayout(bool on);
    void reset();
    void deleteRandom(int k);
    void swapRandom(int k);
    void settings();
    void shortcuts();
    void lectureTour();
    void themeChosen(int theme); // a Preferences::Theme, chosen in View → Theme

private:
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_exportMenu = nullptr;
    QAction *m_lecture = nullptr;
    QAction *m_presentation = nullptr;
    QAction *m_fullTestSet = nullptr;
    QList<QAction *> m_themes; // View → Theme: System, Light, Dark, in Preferences::Theme's order
    QAction *m_reset = nullptr;
    QAction *m_deleteRandom = nullptr;
    QAction *m_swapRandom = nullptr;
    QAction *m_saveSession = nullptr;
    QAction *m_exportGraph = nullptr;
    QAction *m_openCompare = nullptr;
    QAction *m_closeCompare = nullptr;
    QSpinBox *m_randomCount = nullptr;
};

} // namespace pathlens
