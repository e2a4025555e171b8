#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace pathlens {

class AnalysisController;
class LivePlots;
class PathGraph;
class RecentFiles;

// File → Export: a plot as PDF, SVG, PNG (at a size asked for and remembered) or its data as
// CSV or JSON, and the path graph as PDF, SVG or PNG. Dialogs are window-modal over `window`.
// The data of the experiments' figures is core's result (results.h), written as pathlens-cli
// writes it, not values read back from the plot.
class ExportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportController)

public:
    ExportController(QWidget *window, LivePlots *plots, const AnalysisController *analyses, PathGraph *graph,
                     RecentFiles *files);

    void exportPlot(const QString &name);
    // The data behind the plot `name` to `path`, as CSV or, for a .json path, JSON; no dialog.
    // Throws Error when there is none (a measurement not made yet).
    void writeData(const QString &name, const QString &path) const;
    void exportPathGraph();

Q_SIGNALS:
    void written(const QString &path);
    void failed(const QString &title, const QString &message);

private:
    QWidget *m_window;
    LivePlots *m_plots;
    const AnalysisController *m_analyses;
    PathGraph *m_graph;
    RecentFiles *m_files;
};

} // namespace pathlens
