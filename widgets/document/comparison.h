#pragma once

#include "arrangement.h"

#include <QObject>

class QLabel;

namespace pathlens {

class ArrangementEditor;
class LiveEvaluation;
class LivePlots;
class Workspace;

// A second model evaluated beside the first (the plain control, the stochastic-depth twin): the
// current edit mapped onto it (Workspace::compareArrangement), evaluated by its own
// LiveEvaluation, shown in its label and as a second series of the accuracy plot. Deletions it
// cannot follow are named in the label.
class Comparison final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Comparison)

public:
    Comparison(Workspace *workspace, ArrangementEditor *editor, LivePlots *plots, QLabel *label, QObject *parent = nullptr);

    void close();
    bool isOpen() const;
    void useEngine();  // the workspace's comparison engine, new after Workspace::openCompare or a settings change
    void request(int edit); // the current arrangement, as edit `edit`
    Arrangement arrangement() const; // what the second model runs for the current edit
    LiveEvaluation *live() const { return m_live; }

Q_SIGNALS:
    void finished(double accuracy);
    void failed(const QString &title, const QString &message);

private:
    void show(int edit, double accuracy, qint64 images);

    Workspace *m_workspace;
    ArrangementEditor *m_editor;
    LivePlots *m_plots;
    QLabel *m_label;
    LiveEvaluation *m_live;
};

} // namespace pathlens
