#pragma once

#include <QObject>
#include <QString>

class QStatusBar;

namespace pathlens {

class AccuracyPanel;
class ArrangementEditor;
class LiveEvaluation;
class LivePlots;
class Workspace;

// The live evaluation of the main model on screen: the accuracy panel, the accuracy plot and the
// status line follow its start, its estimates and its result. The counterpart of Comparison,
// which does the same for the second model.
class LiveDisplay final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveDisplay)

public:
    LiveDisplay(LiveEvaluation *live, const Workspace *workspace, const ArrangementEditor *editor, AccuracyPanel *accuracy,
                LivePlots *plots, QStatusBar *statusBar, QObject *parent = nullptr);

    void useEngine(); // the workspace's engine, new after a model, data or settings change

Q_SIGNALS:
    void finished(double accuracy);
    void failed(const QString &message);
    // Something the engine learnt while evaluating, e.g. a batch that did not fit in memory and
    // was halved: each notice once.
    void notice(const QString &text);

private:
    void showStarted(bool original);
    void showResult(int edit, double accuracy, qint64 images, double seconds, bool cached);

    LiveEvaluation *m_live;
    const Workspace *m_workspace;
    const ArrangementEditor *m_editor;
    AccuracyPanel *m_accuracy;
    LivePlots *m_plots;
    QStatusBar *m_statusBar;
    QString m_shownNotice; // the engine's notice last shown
};

} // namespace pathlens
