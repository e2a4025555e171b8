#pragma once

#include <QWidget>

class QLabel;
class QTabWidget;
class QTableView;

namespace pathlens {

class ArrangementEditor;
class PathGraph;
class Workspace;

// The left panel: a summary of the model and the data, and under it the path graph and the
// block table as two tabs. The table edits through `editor` like the block strip.
class NetworkPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkPanel)

public:
    NetworkPanel(ArrangementEditor *editor, QWidget *parent = nullptr);

    PathGraph *pathGraph() const { return m_pathGraph; }
    QTableView *table() const { return m_table; }
    void showPathGraph(); // its tab, rather than the table's
    bool showsPathGraph() const;
    // The model, the data and how many images each edit is evaluated on; `all`: the whole split.
    void showSummary(const Workspace &work, bool all);
    // Before the first model is shown: what is being read, or (`what` empty) that none is loaded.
    // The panel said "No model loaded" for the 30 s the bundled model took to load (issue 25).
    void showLoading(const QString &what);
    void setSummaryShown(bool shown);

Q_SIGNALS:
    void refused(const QString &why); // an edit in the table that cannot be made

private:
    QLabel *m_summary = nullptr;
    bool m_showsModel = false;
    QTableView *m_table = nullptr;
    PathGraph *m_pathGraph = nullptr;
    QTabWidget *m_tabs = nullptr;
};

} // namespace pathlens
