#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace pathlens {

class LivePlots;
class PathGraph;
class RecentFiles;

// File → Export: a plot as PDF, SVG, PNG (at a size asked for and remembered) or its data as
// CSV, and the path graph as PDF, SVG or PNG. Dialogs are window-modal over `window`.
class ExportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportController)

public:
    ExportController(QWidget *window, LivePlots *plots, PathGraph *graph, RecentFiles *files);

    void exportPlot(const QString &name);
    void exportPathGraph();

Q_SIGNALS:
    void written(const QString &path);
    void failed(const QString &title, const QString &message);

private:
    QWidget *m_window;
    LivePlots *m_plots;
    PathGraph *m_graph;
    RecentFiles *m_files;
};

} // namespace pathlens
