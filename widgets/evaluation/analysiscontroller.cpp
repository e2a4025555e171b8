#include "analysiscontroller.h"

#include "arrangementeditor.h"
#include "liveplots.h"
#include "pathgraph.h"
#include "workspace.h"

#include "results.h"

#include <QFileInfo>

#include <algorithm>

namespace pathlens {

AnalysisController::AnalysisController(const Workspace *workspace, ArrangementEditor *editor, LivePlots *plots,
                                       PathGraph *graph, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_editor(editor)
    , m_plots(plots)
    , m_graph(graph)
    , m_analysis(new Analysis(this))
{
    connect(m_plots, &LivePlots::stopRequested, m_analysis, &Analysis::stop);
    connect(m_analysis, &Analysis::stopped, m_plots, [this] {
        m_plots->setMeasuring(false);
        // Stopped (or failed) before its end: the tab still said "about 476 s left".
        if (!m_finished)
            m_plots->showStopped(m_running, tr("Stopped: what is drawn was counted until then."));
    });
    connect(m_analysis, &Analysis::failed, this, [this](const QString &message) {
        m_finished = true; // nothing more comes: the tab says why, not "Stopped"
        m_plots->showStopped(m_running, tr("Failed: %1").arg(message));
        Q_EMIT failed(tr("Measurement failed"), message);
    });
    connect(m_analysis, &Analysis::lesionUpdated, this, [this](const Analysis::Lesion &lesion) {
        m_finished = lesion.finished;
        if (!lesion.finished && lesion.imagesDone == 0) {
            m_plots->setLesionProgress(tr("Measuring each single deletion: %1").arg(m_remaining.text(lesion.fraction)));
            return;
        }
        const QString title = lesion.finished
                                  ? tr("Accuracy with one block deleted — %1, %2 test images").arg(modelName()).arg(lesion.imagesTotal)
                                  : tr("Accuracy with one block deleted — %1, %2 of %3 test images so far — %4")
                                        .arg(modelName())
                                        .arg(lesion.imagesDone)
                                        .arg(lesion.imagesTotal)
                                        .arg(m_remaining.text(lesion.fraction));
        // Each " — " starts a line: on one line the progress made the figure wider than its pane at 1024x700.
        showLesion(lesion, title);
    });
    connect(m_analysis, &Analysis::sweepUpdated, this, [this](const Analysis::Sweep &sweep) {
        m_finished = sweep.finished;
        const SweepResult &result = sweep.result;
        if (!sweep.finished) {
            m_plots->showSweep(sweep,
                               (sweep.reorder ? tr("Reordering blocks — %1, so far %n sample(s) on up to %2 of %3 images", nullptr,
                                                   sweep.samplesCounted)
                                              : tr("Deleting random blocks — %1, so far %n sample(s) on up to %2 of %3 images",
                                                   nullptr, sweep.samplesCounted))
                                   .arg(modelName()).arg(sweep.imagesCounted).arg(sweep.imagesTotal),
                               (sweep.reorder ? tr("Reordering: %1") : tr("Deleting k blocks: %1")).arg(m_remaining.text(sweep.fraction)));
            return;
        }
        (sweep.reorder ? m_reorder : m_deleteK) = result;
        m_plots->showSweep(sweep, (sweep.reorder ? tr("Reordering blocks — %1, %2 test images, %3 samples per point, seed %4")
                                                 : tr("Deleting random blocks — %1, %2 test images, %3 samples per point, seed %4"))
                                      .arg(modelName()).arg(result.images).arg(result.samples).arg(result.seed));
    });
    connect(m_analysis, &Analysis::classesCompared, this, [this](const Analysis::ClassComparison &comparison) {
        m_finished = true;
        const QString model = QFileInfo(QString::fromStdString(m_workspace->info().path)).fileName();
        m_plots->showClassComparison(comparison, tr("%1, %2 test images").arg(model).arg(comparison.images));
        m_classArrangement = comparison.arrangement;
        m_classComparison = classComparisonResult(comparison);
        m_plots->setClassesStale(m_editor->arrangement() != m_classArrangement);
    });
    connect(m_analysis, &Analysis::gradientsUpdated, this, [this](const GradientResult &result, int done, int total) {
        m_finished = done >= total;
        QString title = *m_gradientOnTraining
                            ? tr("Gradient per path length — %1, training images").arg(modelName())
                            : tr("Gradient per path length — %1, test images (no training split)").arg(modelName());
        if (done < total)
            title += QStringLiteral("; ") + m_remaining.text(double(done) / double(std::max(1, total)));
        showGradients(result, done, total, title);
    });
}

ClassComparisonResult AnalysisController::classComparisonResult(const Analysis::ClassComparison &comparison) const
{
    ClassComparisonResult result;
    result.model = m_workspace->info().path;
    result.arrangement = describe(comparison.arrangement);
    result.classes = classLabels(comparison.classNames, comparison.original.images.size());
    result.images = comparison.original.images;
    result.originalCorrect = comparison.original.correct;
    result.currentCorrect = comparison.current.correct;
    result.originalConfusion = comparison.originalConfusion;
    result.currentConfusion = comparison.currentConfusion;
    return result;
}

// Arrangement 0 the original, then each block the study could delete, in `blocks`' order.
PerClassLesion AnalysisController::perClassLesion(const Analysis::Lesion &lesion) const
{
    PerClassLesion study;
    study.classes = classLabels(lesion.classNames, lesion.classImages.size());
    study.images = lesion.classImages;
    study.blocks.push_back(-1);
    study.blockNames.push_back("none");
    study.correct.push_back(lesion.baselineClassCorrect);
    for (int block : lesion.blocks) {
        study.blocks.push_back(block);
        study.blockNames.push_back(m_workspace->info().blocks.at(size_t(block)).name);
        study.correct.push_back(lesion.classCorrect.at(size_t(block)));
    }
    return study;
}

QString AnalysisController::modelName() const
{
    return QFileInfo(QString::fromStdString(m_workspace->info().path)).fileName();
}

void AnalysisController::showLesion(const Analysis::Lesion &lesion, const QString &title)
{
    m_lesion = lesion.result;
    if (lesion.finished)
        m_critical = criticalBlocks(lesion.result);
    m_lesionClasses.reset();
    if (lesion.finished && !lesion.classImages.empty())
        m_lesionClasses = lesion;
    m_plots->showLesion(lesion, title);
}

void AnalysisController::showGradients(const GradientResult &result, int done, int total, const QString &title)
{
    m_plots->showGradients(result, done, total, title);
    m_gradients = result;
    m_gradients->model = m_workspace->info().path;
    m_gradientMeans = result.mean;
    if (m_editor->arrangement() == m_gradientArrangement)
        m_graph->setGradientMagnitudes(m_gradientMeans);
    else
        m_plots->setGradientsStale(true);
}

void AnalysisController::showStoredLesion(const Analysis::Lesion &lesion)
{
    // "(measured once)", not the results file's name (the model's, with .results.json): with it,
    // the gradient figure's title was wider than its tab at 1024x700 and the figure scrolled.
    showLesion(lesion, tr("Accuracy with one block deleted — %1, %2 test images (measured once)")
                           .arg(modelName())
                           .arg(lesion.imagesTotal));
}

void AnalysisController::showStoredGradients(const GradientResult &result)
{
    m_gradientOnTraining = std::make_shared<std::atomic<bool>>(true);
    m_gradientArrangement = identityArrangement(int(m_workspace->info().blocks.size())); // what the script measures
    const int samples = result.samples.empty() ? 0 : *std::min_element(result.samples.begin(), result.samples.end());
    showGradients(result, samples, samples,
                  tr("Gradient per path length — %1, training images (measured once)").arg(modelName()));
}

QString AnalysisController::measureSingleDeletions(qint64 liveImages)
{
    if (!m_workspace->engine())
        return tr("Open a model and a data set first.");
    m_remaining.start();
    ++m_started;
    remember(tr("single deletion"));
    const Dataset images = stratifiedSubset(m_workspace->data(), liveImages);
    m_analysis->startLesion(m_workspace->network(), images, m_workspace->options());
    m_running = LivePlots::Measured::SingleDeletions;
    m_finished = false;
    m_plots->setMeasuring(true, LivePlots::Measured::SingleDeletions);
    m_plots->setLesionMeasuring(images.size());
    return {};
}

QString AnalysisController::measureClasses(qint64 liveImages)
{
    if (!m_workspace->engine())
        return tr("Open a model and a data set first.");
    m_remaining.start();
    ++m_started;
    remember(tr("per class"));
    const Dataset images = stratifiedSubset(m_workspace->data(), liveImages);
    m_analysis->startClassComparison(m_workspace->network(), images, m_editor->arrangement(), m_workspace->options());
    m_running = LivePlots::Measured::Classes;
    m_finished = false;
    m_plots->setMeasuring(true, LivePlots::Measured::Classes);
    m_plots->setClassesMeasuring(images.size());
    return {};
}

QString AnalysisController::measureSweep(bool reorder, qint64 liveImages, quint64 seed)
{
    if (!m_workspace->engine())
        return tr("Open a model and a data set first.");
    if (reorder && !blocksCanTradePlaces(m_workspace->info()))
        return tr("No two blocks of this network can trade places (no stage has two blocks of one shape), so there is "
                  "nothing to reorder.");
    m_remaining.start();
    ++m_started;
    remember(reorder ? tr("reorder") : tr("delete k"));
    m_analysis->startSweep(m_workspace->network(), stratifiedSubset(m_workspace->data(), liveImages), reorder,
                           /*maxK=*/20, m_plots->sweepSamples(), seed, m_critical, m_workspace->options());
    m_running = LivePlots::Measured::Sweep;
    m_finished = false;
    m_plots->setMeasuring(true, LivePlots::Measured::Sweep);
    return {};
}

QString AnalysisController::measureGradients(quint64 seed)
{
    if (!m_workspace->engine())
        return tr("Open a model and a data set first.");
    if (hasRepeatsOrParallel(m_editor->arrangement())) {
        // Refused here, with the way out, and said on the tab: core's refusal came back as a failed
        // job, after which the tab read "Stopped: what is drawn was counted until then" over nothing.
        const QString why = tr("The gradient per path length is measured for deletions and reorders, not for blocks "
                               "run in parallel or repeated: select the group and press S to run it in sequence.");
        m_plots->showStopped(LivePlots::Measured::Gradients, why);
        return why;
    }
    GradientOptions gradientOptions;
    gradientOptions.samplesPerLength = m_plots->gradientSamples();
    gradientOptions.seed = seed;
    // The paper measures on training images; a data set without a training split (a single test
    // file, an image folder) gives its test images instead, and the title says which.
    auto training = std::make_shared<std::atomic<bool>>(true);
    m_gradientOnTraining = training;
    m_gradientArrangement = m_editor->arrangement();
    m_remaining.start();
    ++m_started;
    remember(tr("gradients per path length"));
    m_analysis->startGradients(m_workspace->network(), m_workspace->gradientImages(training), m_editor->arrangement(),
                               gradientOptions, m_workspace->options());
    m_running = LivePlots::Measured::Gradients;
    m_finished = false;
    m_plots->setMeasuring(true, LivePlots::Measured::Gradients);
    m_plots->setGradientsMeasuring(gradientOptions.samplesPerLength);
    return {};
}

void AnalysisController::reset()
{
    // Results of the old engine's images or device would land in plots cleared for the new one:
    // the measurement stops and its queued results are dropped (Analysis::post checks the cancel).
    m_analysis->stop();
    m_plots->setMeasuring(false);
    m_gradientMeans.clear();
    m_lesion.reset();
    m_gradients.reset();
    m_deleteK.reset();
    m_reorder.reset();
    m_critical.clear();
    m_classArrangement.clear();
    m_lesionClasses.reset();
    m_classComparison.reset();
    m_graph->setGradientMagnitudes({});
    m_onRequest.clear();
}

void AnalysisController::remember(const QString &measurement)
{
    if (!m_onRequest.contains(measurement))
        m_onRequest << measurement;
}

std::optional<AnalysisController::ResultFiles> AnalysisController::resultFiles(const QString &name) const
{
    auto files = [](const auto &result) { return ResultFiles{toCsv(result), toJson(result)}; };
    if (name == QLatin1String("single-deletion") && m_lesion)
        return files(*m_lesion);
    if (name == QLatin1String("gradients") && m_gradients)
        return files(*m_gradients);
    if (name == QLatin1String("delete-k") && m_deleteK)
        return files(*m_deleteK);
    if ((name == QLatin1String("reorder") || name == QLatin1String("reorder-tau")) && m_reorder)
        return files(*m_reorder);
    if ((name == QLatin1String("per-class") || name == QLatin1String("confusion-change")) && m_classComparison)
        return ResultFiles{classComparisonCsv(*m_classComparison), json::indented(classComparisonJson(*m_classComparison))};
    if (name == QLatin1String("single-deletion-classes") && m_lesionClasses) {
        const PerClassLesion study = perClassLesion(*m_lesionClasses);
        Json blocks = Json::array();
        for (size_t a = 1; a < study.blocks.size(); ++a)
            blocks.push_back({{"index", study.blocks[a]}, {"name", study.blockNames[a]}, {"per_class", perClassJson(study, a)}});
        const Json json{{"model", m_lesionClasses->result.model},
                        {"images", m_lesionClasses->imagesTotal},
                        {"baseline_per_class", perClassJson(study, 0)},
                        {"blocks", blocks}};
        return ResultFiles{perClassCsv(study), json::indented(json)};
    }
    if (name == QLatin1String("disagreement") && m_lesionClasses)
        return ResultFiles{disagreementCsv(m_lesionClasses->blocks, m_lesionClasses->ensemble),
                           json::indented(disagreementJson(m_lesionClasses->blocks, m_lesionClasses->ensemble))};
    if ((name == QLatin1String("path-lengths") || name == QLatin1String("surviving-paths")) && m_workspace->engine()) {
        // The current arrangement's, as `pathlens-cli paths MODEL --delete ... --deleted-counts ""` writes them.
        PathsResult paths = pathsResult(int(m_workspace->info().blocks.size()), m_editor->arrangement(), {},
                                        m_workspace->info().plain);
        paths.model = m_workspace->info().path;
        return files(paths);
    }
    return std::nullopt;
}

void AnalysisController::followArrangement(const Arrangement &arrangement)
{
    if (!m_classArrangement.empty())
        m_plots->setClassesStale(arrangement != m_classArrangement);
    if (m_gradientMeans.empty())
        return;
    const bool measured = arrangement == m_gradientArrangement;
    m_plots->setGradientsStale(!measured);
    m_graph->setGradientMagnitudes(measured ? m_gradientMeans : std::vector<double>());
}

} // namespace pathlens
