#include "analysis.h"

#include "error.h"
#include "experiments.h"

#include <QElapsedTimer>

#include <algorithm>
#include <numeric>

namespace pathlens {

Analysis::Analysis(QObject *parent)
    : QObject(parent)
{
}

Analysis::~Analysis()
{
    stop();
    for (QThread *thread : m_finishing) {
        thread->wait();
        delete thread;
    }
}

void Analysis::stop()
{
    if (!m_thread)
        return;
    m_cancel->cancel();
    m_finishing.push_back(m_thread); // no waiting here: the GUI thread never blocks
    m_thread = nullptr;
    Q_EMIT stopped();
}

void Analysis::post(const CancelToken &cancel, std::function<void()> update)
{
    QMetaObject::invokeMethod(
        this, [cancel, update = std::move(update)] {
            if (!cancel.cancelled())
                update();
        },
        Qt::QueuedConnection);
}

void Analysis::start(std::function<void(const CancelToken &)> job)
{
    stop();
    m_cancel = std::make_shared<CancelToken>();
    const CancelToken cancel = *m_cancel; // shares the flag
    m_thread = QThread::create([this, cancel, job = std::move(job)] {
        try {
            job(cancel);
        } catch (const std::exception &e) { // the thread's boundary: nothing thrown may leave it
            post(cancel, [this, message = QString::fromUtf8(e.what())] { Q_EMIT failed(message); });
        } catch (...) {
            post(cancel, [this] { Q_EMIT failed(tr("The measurement failed with an unknown error.")); });
        }
    });
    QThread *thread = m_thread;
    connect(thread, &QThread::finished, this, [this, thread] {
        if (thread == m_thread) {
            m_thread = nullptr;
            Q_EMIT stopped();
        }
        m_finishing.erase(std::remove(m_finishing.begin(), m_finishing.end(), thread), m_finishing.end());
        thread->deleteLater();
    });
    thread->start(QThread::LowPriority);
}

void Analysis::startLesion(std::shared_ptr<const Network> network, Dataset images, EngineOptions options)
{
    start([this, network, images = std::move(images), options](const CancelToken &cancel) {
        Engine engine(network, images, options);
        const SingleDeletions plan = singleDeletions(engine.info());
        QElapsedTimer clock;
        clock.start();
        auto measured = [&](qint64 done, qint64 total, const std::vector<int64_t> &correct, bool finished) {
            Lesion lesion;
            lesion.imagesDone = done;
            lesion.imagesTotal = total;
            lesion.finished = finished;
            lesion.result = lesionResult(engine.info(), plan, correct, done);
            lesion.result.model = network->path();
            lesion.result.seconds = clock.elapsed() / 1000.0;
            return lesion;
        };
        QElapsedTimer sinceUpdate;
        sinceUpdate.start();
        // With each variant's predictions (4 bytes per image and variant) for their agreement.
        const EvalResult result = engine.evaluatePredictions(
            plan.arrangements, 0, -1,
            [&](const EvalProgress &p) {
                // A redraw per batch would outpace the plot; a report within the first batch has
                // no counts yet, only how far it is (the tab said nothing else for its first batch,
                // 23 s on ResNet-110).
                if (sinceUpdate.elapsed() >= 250) {
                    sinceUpdate.restart();
                    Lesion lesion;
                    if (p.imagesDone > 0)
                        lesion = measured(p.imagesDone, p.imagesTotal, p.correct, false);
                    lesion.imagesTotal = p.imagesTotal;
                    lesion.fraction = p.fraction;
                    post(cancel, [this, lesion] { Q_EMIT lesionUpdated(lesion); });
                }
            },
            &cancel);
        if (result.cancelled)
            return;
        Lesion lesion = measured(result.images, result.images, result.correct, true);
        lesion.classNames = images.classNames;
        lesion.classImages = result.classImages;
        lesion.baselineClassCorrect = result.classCorrect[0];
        lesion.classCorrect.assign(engine.info().blocks.size(), {});
        for (size_t j = 0; j < plan.blocks.size(); ++j)
            lesion.classCorrect[plan.blocks[j]] = result.classCorrect[j + 1];
        lesion.blocks = plan.blocks;
        lesion.ensemble = singleDeletionEnsemble(plan, result, engine.labels(), engine.info().classCount);
        post(cancel, [this, lesion] { Q_EMIT lesionUpdated(lesion); });
    });
}

void Analysis::startSweep(std::shared_ptr<const Network> network, Dataset images, bool reorder, int maxK, int samples,
                          uint64_t seed, std::vector<int> critical, EngineOptions options)
{
    start([=, images = std::move(images)](const CancelToken &cancel) {
        Sweep started; // "0%" at once: building the engine takes seconds
        started.reorder = reorder;
        started.imagesTotal = images.size();
        post(cancel, [this, started] { Q_EMIT sweepUpdated(started); });
        Engine engine(network, images, options);
        const NetworkInfo &info = engine.info();
        const SweepPlan plan = reorder ? reorderPlan(info, maxK, samples, seed)
                                       : deleteKPlan(info, std::min(maxK, int(deletableBlocks(info, false).size())), samples,
                                                     seed);
        const std::vector<int> touchable = touchableCritical(info, critical, false);
        QElapsedTimer sinceUpdate, sinceDrawn;
        sinceUpdate.start();
        int64_t imagesDrawn = 0; // summed over the arrangements
        const auto progress = [&](const EvalProgress &p) {
            if (sinceUpdate.elapsed() < 250)
                return;
            sinceUpdate.restart();
            Sweep sweep;
            sweep.reorder = reorder;
            sweep.fraction = p.fraction;
            sweep.imagesTotal = p.imagesTotal;
            // The samples so far, every two seconds while more are counted: a plot that fills in
            // instead of 14 minutes of nothing (issue 25).
            const int64_t counted = std::accumulate(p.imagesCounted.begin(), p.imagesCounted.end(), int64_t(0));
            if (counted > imagesDrawn && (imagesDrawn == 0 || sinceDrawn.elapsed() >= 2000)) {
                imagesDrawn = counted;
                sinceDrawn.start();
                sweep.result = sweepSoFar(plan, p);
                sweep.result.model = network->path();
                sweep.result.critical = touchable;
                sweep.samplesCounted = int(std::count_if(p.imagesCounted.begin() + 1, p.imagesCounted.end(),
                                                         [](int64_t images) { return images > 0; }));
                sweep.imagesCounted = *std::max_element(p.imagesCounted.begin(), p.imagesCounted.end());
            }
            post(cancel, [this, sweep] { Q_EMIT sweepUpdated(sweep); });
        };
        Sweep sweep;
        sweep.reorder = reorder;
        sweep.result = runSweep(engine, plan, progress, &cancel);
        if (sweep.result.cancelled)
            return;
        sweep.result.model = network->path();
        sweep.result.critical = touchable;
        sweep.imagesTotal = sweep.result.images;
        sweep.fraction = 1;
        sweep.finished = true;
        post(cancel, [this, sweep] { Q_EMIT sweepUpdated(sweep); });
    });
}

void Analysis::startClassComparison(std::shared_ptr<const Network> network, Dataset images, Arrangement arrangement,
                                    EngineOptions options)
{
    start([this, network, images = std::move(images), arrangement, options](const CancelToken &cancel) {
        Engine engine(network, images, options);
        const int blocks = int(engine.info().blocks.size());
        const EvalResult result = engine.evaluatePredictions({identityArrangement(blocks), arrangement}, 0, -1, {}, &cancel);
        if (result.cancelled)
            return;
        const std::vector<int64_t> labels = engine.labels();
        const int classes = engine.info().classCount;
        ClassComparison comparison;
        comparison.arrangement = arrangement;
        comparison.classNames = images.classNames;
        comparison.images = result.images;
        comparison.originalConfusion = confusionMatrix(result.predictions[0], labels, classes);
        comparison.currentConfusion = confusionMatrix(result.predictions[1], labels, classes);
        comparison.original = classCounts(result.predictions[0], labels, classes);
        comparison.current = classCounts(result.predictions[1], labels, classes);
        post(cancel, [this, comparison] { Q_EMIT classesCompared(comparison); });
    });
}

void Analysis::startGradients(std::shared_ptr<const Network> network, std::function<Dataset()> loadImages,
                              Arrangement arrangement, GradientOptions gradientOptions, EngineOptions options)
{
    start([this, network, loadImages, arrangement, gradientOptions, options](const CancelToken &cancel) {
        Engine engine(network, loadImages(), options);
        QElapsedTimer sinceUpdate;
        sinceUpdate.start();
        const GradientResult result = measureGradients(
            engine, arrangement, gradientOptions,
            [&](int done, int total, const GradientResult &partial) {
                if (sinceUpdate.elapsed() >= 250 || done == total) {
                    sinceUpdate.restart();
                    post(cancel, [this, partial, done, total] { Q_EMIT gradientsUpdated(partial, done, total); });
                }
            },
            &cancel);
        if (!result.cancelled) {
            const int total = result.samples.empty() ? 0 : gradientOptions.samplesPerLength * int(result.samples.size());
            post(cancel, [this, result, total] { Q_EMIT gradientsUpdated(result, total, total); });
        }
    });
}

} // namespace pathlens
