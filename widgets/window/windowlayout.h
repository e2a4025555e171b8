#pragma once

#include "settings.h"

#include <QByteArray>
#include <QFont>
#include <QSize>
#include <QObject>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace pathlens {

class AccuracyPanel;
class LivePlots;
class NetworkPanel;

// Where the main window's panels are and how large its type is: the blocks panel across the top
// and the network panel on the left as dock widgets (their places kept with QSettings between
// runs), the lecture layout and the presentation mode. The plots are the central widget.
class WindowLayout final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowLayout)

public:
    // The blocks panel is the accuracy panel above the block strip.
    WindowLayout(QMainWindow *window, AccuracyPanel *accuracy, QWidget *strip, NetworkPanel *networkPanel, LivePlots *plots);

    QDockWidget *blocksDock() const { return m_blocksDock; }
    QDockWidget *networkDock() const { return m_networkDock; }
    void restore();
    // The window and its frame inside the screen's available area (a 1024x700 window with its
    // title bar was 740 px tall on a 700 px projector).
    void fitToScreen();
    static QSize frameAllowance() { return {16, 48}; } // a title bar and borders, before the window is framed
    void save() const;
    // For a projector: the strip and one big plot (the accuracy after each edit) fill the window.
    void setLecture(bool on);
    bool isLecture() const { return m_lecture; }
    // For the lecture hall: full screen on a screen of `screen` size, type as large as that screen
    // allows (half as large again from 1600 px wide; a quarter from 1280; a tenth below), thicker
    // tile outlines, high contrast; below 1600x900 the lecture layout too (strip, one big plot).
    // Leaving it brings back the fonts, `theme`, the layout and the window's geometry exactly.
    void setPresentation(bool on, Preferences::Theme theme, const QSize &screen);
    static double presentationScale(const QSize &screen);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitBlocksDock(); // as tall as the accuracy line and the strip's rows want
    QDockWidget *addPanel(QWidget *content, const QString &title, const QString &name, Qt::DockWidgetArea area);

    QMainWindow *m_window;
    LivePlots *m_plots;
    NetworkPanel *m_networkPanel;
    AccuracyPanel *m_accuracy;
    QWidget *m_strip; // where keyboard focus goes when the widget that had it is hidden
    QDockWidget *m_blocksDock = nullptr;
    QDockWidget *m_networkDock = nullptr;
    QFont m_normalFont;
    bool m_lecture = false;
    bool m_presenting = false;
    bool m_lectureBeforePresentation = false;
    bool m_fitBlocksOnResize = false; // the lecture layout changed: fit the blocks panel once more at the next resize
    QByteArray m_normalGeometry; // the window's before presentation mode
    QByteArray m_normalState;    // its docks then (the large font widens them)
};

} // namespace pathlens
