#pragma once

#include "settings.h"

#include <QFont>
#include <QObject>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace pathlens {

class AccuracyPanel;
class LivePlots;

// Where the main window's panels are and how large its type is: the blocks panel across the top
// and the network panel on the left as dock widgets (their places kept with QSettings between
// runs), the lecture layout and the presentation mode. The plots are the central widget.
class WindowLayout final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowLayout)

public:
    // The blocks panel is the accuracy panel above the block strip.
    WindowLayout(QMainWindow *window, AccuracyPanel *accuracy, QWidget *strip, QWidget *networkPanel, LivePlots *plots);

    QDockWidget *blocksDock() const { return m_blocksDock; }
    QDockWidget *networkDock() const { return m_networkDock; }
    void restore();
    void save() const;
    // For a projector: the strip and one big plot (the accuracy after each edit) fill the window.
    void setLecture(bool on);
    // For the lecture hall: full screen, everything half as large again, thicker tile outlines,
    // high contrast; leaving it brings back the fonts and `theme`.
    void setPresentation(bool on, Preferences::Theme theme);

private:
    QDockWidget *addPanel(QWidget *content, const QString &title, const QString &name, Qt::DockWidgetArea area);

    QMainWindow *m_window;
    LivePlots *m_plots;
    AccuracyPanel *m_accuracy;
    QDockWidget *m_blocksDock = nullptr;
    QDockWidget *m_networkDock = nullptr;
    QFont m_normalFont;
};

} // namespace pathlens
