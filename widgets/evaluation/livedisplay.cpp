#include "livedisplay.h"

#include "accuracypanel.h"
#include "arrangementeditor.h"
#include "evaluationthread.h"
#include "liveevaluation.h"
#include "liveplots.h"
#include "workspace.h"

#include <QStatusBar>

namespace pathlens {

LiveDisplay::LiveDisplay(LiveEvaluation *live, const Workspace *workspace, const ArrangementEditor *editor,
                         AccuracyPanel *accuracy, LivePlots *plots, QStatusBar *statusBar, QObject *parent)
    : QObject(parent)
    , m_live(live)
    , m_workspace(workspace)
    , m_editor(editor)
    , m_accuracy(accuracy)
    , m_plots(plots)
    , m_statusBar(statusBar)
{
    connect(live, &LiveEvaluation::started, this, [this](int, bool original) { showStarted(original); });
    connect(live, &LiveEvaluation::estimate, this, [this](int edit, double accuracy, double halfWidth, qint64 done, qint64 total) {
        m_accuracy->showEstimate(accuracy, halfWidth, done, total);
        m_plots->showEstimate(edit, accuracy, halfWidth);
    });
    connect(live, &LiveEvaluation::finished, this, &LiveDisplay::showResult);
    connect(live, &LiveEvaluation::originalMeasured, this,
            [this](double accuracy) { m_plots->setOriginalAccuracy(LivePlots::Series::Main, accuracy); });
    connect(live, &LiveEvaluation::failed, this, [this](const QString &message) {
        m_accuracy->showFailed();
        Q_EMIT failed(message);
    });
}

void LiveDisplay::useEngine()
{
    const std::shared_ptr<Engine> &engine = m_workspace->engine();
    if (!engine || m_live->engineUsed() == engine.get())
        return;
    m_shownNotice = QString::fromStdString(engine->notice());
    if (!m_shownNotice.isEmpty())
        m_statusBar->showMessage(m_shownNotice, 15000);
    // The numbers of a model stay valid while everything that shapes them stays the same.
    m_live->setEvaluator(engineEvaluator(engine, engine->imageCount()), int(m_workspace->info().blocks.size()),
                         engine->imageCount(), engine.get(), QString::fromStdString(engine->resultKey()));
}

// The worker runs for this edit: the number shown is greyed and marked until its first estimate.
void LiveDisplay::showStarted(bool original)
{
    m_statusBar->showMessage(m_accuracy->showStarted(m_editor->arrangement(), original, m_workspace->liveImageCount()));
}

void LiveDisplay::showResult(int edit, double accuracy, qint64 images, double /*engineSeconds*/, bool cached)
{
    m_plots->addResult(LivePlots::Series::Main, edit, accuracy);
    m_accuracy->showResult(accuracy, images, m_live->originalAccuracy(), m_editor->arrangement());
    if (cached) {
        m_statusBar->showMessage(tr("Known from earlier in this session: not evaluated again"), 8000);
    } else {
        const Engine &engine = *m_workspace->engine();
        if (const QString notice = QString::fromStdString(engine.notice()); notice != m_shownNotice) {
            m_shownNotice = notice;
            if (!notice.isEmpty())
                Q_EMIT this->notice(notice);
        }
        // One clock, the user's: from the edit to the first estimate and to the final number (the
        // engine's own time left out waiting for the worker; two clocks disagreed, issue 25).
        const LiveEvaluation::Timing timing = m_live->lastTiming();
        m_statusBar->showMessage(tr("Evaluated on %1 (%2 threads): first estimate after %3 s, final after %4 s")
                                     .arg(QString::fromStdString(engine.deviceName() + (engine.precision() == Precision::Fp32
                                                                                            ? std::string()
                                                                                            : ", " + precisionName(engine.precision()))))
                                     .arg(engine.threads())
                                     .arg(double(timing.firstEstimateMs) / 1000, 0, 'f', 2)
                                     .arg(double(timing.finishedMs) / 1000, 0, 'f', 2));
    }
    Q_EMIT finished(accuracy);
}

} // namespace pathlens
