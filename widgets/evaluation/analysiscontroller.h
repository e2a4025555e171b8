#pragma once

#include "analysis.h"
#include "classresults.h"
#include "liveplots.h"
#include "remainingtime.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>
#include <string>

namespace pathlens {

class ArrangementEditor;
class PathGraph;
class Workspace;

// The measurements made on request (single deletions, gradients per path length) between the
// workspace and the plots: starts and stops them, titles their figures with the model, the images
// measured so far, the time elapsed and an estimate of the time left, and hands the gradients to
// the lattice while they belong to the arrangement shown.
class AnalysisController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalysisController)

public:
    AnalysisController(const Workspace *workspace, ArrangementEditor *editor, LivePlots *plots, PathGraph *graph,
                       QObject *parent = nullptr);

    Analysis *analysis() const { return m_analysis; }
    // Each returns an empty string when started, else why not.
    QString measureSingleDeletions(qint64 liveImages);
    QString measureGradients(quint64 seed);
    // Fig. 5a or 5b on the live subset's images, from the original network; a finished single-
    // deletion study of the same network splits the samples by its critical blocks.
    QString measureSweep(bool reorder, qint64 liveImages, quint64 seed);
    // The current arrangement against the original per class, on the live subset's images.
    QString measureClasses(qint64 liveImages);
    // Measurements kept beside the model (storedresults.h), shown as if just measured, for the
    // arrangement as it is now (the original, where they were measured).
    void showStoredLesion(const Analysis::Lesion &lesion);
    void showStoredGradients(const GradientResult &result);
    // Measurements started since the window opened (the lecture tour's test: none are).
    int measurementsStarted() const { return m_started; }
    // Stops what runs and forgets the measurements (a new network, new engines).
    void reset();
    // The measurements made on request that reset() would throw away, by name, running or done
    // (none shown from a results file): the lecture tour opens its own models, and a finished
    // 14-minute Delete k and a running Reorder were gone after one menu click (issue 25).
    QStringList measuredOnRequest() const { return m_onRequest; }

    // The numbers behind the figure `name` (LivePlots::plotNames()) in core's forms (results.h):
    // the CSV and JSON that pathlens-cli writes for the same model, images and arrangement. None
    // for a measurement not made yet, nor for "accuracy" (the edit history is no experiment).
    struct ResultFiles
    {
        std::string csv;
        std::string json;
    };
    std::optional<ResultFiles> resultFiles(const QString &name) const;
    void followArrangement(const Arrangement &arrangement);

Q_SIGNALS:
    void failed(const QString &title, const QString &message);

private:
    void remember(const QString &measurement);
    QString modelName() const;
    ClassComparisonResult classComparisonResult(const Analysis::ClassComparison &comparison) const;
    PerClassLesion perClassLesion(const Analysis::Lesion &lesion) const;
    void showLesion(const Analysis::Lesion &lesion, const QString &title);
    void showGradients(const GradientResult &result, int done, int total, const QString &title);

    const Workspace *m_workspace;
    ArrangementEditor *m_editor;
    LivePlots *m_plots;
    PathGraph *m_graph;
    Analysis *m_analysis;
    RemainingTime m_remaining; // of the measurement under way
    Arrangement m_gradientArrangement; // the arrangement the gradients shown were measured for
    std::vector<double> m_gradientMeans;
    int m_started = 0;
    LivePlots::Measured m_running = LivePlots::Measured::Any; // the measurement started last
    bool m_finished = false;                                   // and whether its final result came
    QStringList m_onRequest;
    // The latest measurements as shown (partial while they run), for export.
    std::optional<LesionResult> m_lesion;
    std::optional<GradientResult> m_gradients;
    std::optional<SweepResult> m_deleteK;
    std::optional<SweepResult> m_reorder;
    std::optional<Analysis::Lesion> m_lesionClasses; // the finished study's per-class counts and agreement
    std::optional<ClassComparisonResult> m_classComparison;
    std::vector<int> m_critical; // of the last finished single-deletion study (criticalBlocks)
    Arrangement m_classArrangement; // the arrangement of the per-class figures shown; empty: none
    std::shared_ptr<std::atomic<bool>> m_gradientOnTraining = std::make_shared<std::atomic<bool>>(true);
};

} // namespace pathlens
