#include "analysis.h"

#include "error.h"
#include "experiments.h"

#include <QElapsedTimer>


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
        } catch (const std::exception &e) {
            post(cancel, [this, message = QString::fromUtf8(e.what())] { Q_EMIT failed(message); });
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
        auto report = [&](qint64 done, qint64 total, const std::vector<int64_t> &correct, bool finished) {
            Lesion lesion;
            lesion.imagesDone = done;
            lesion.imagesTotal = total;
            lesion.finished = finished;
            lesion.result = lesionResult(engine.info(), plan, correct, done);
            lesion.result.model = network->path();
            lesion.result.seconds = clock.elapsed() / 1000.0;
            post(cancel, [this, lesion] { Q_EMIT lesionUpdated(lesion); });
        };
        QElapsedTimer sinceUpdate;
        sinceUpdate.start();
        const EvalResult result = engine.evaluate(
            plan.arrangements, 0, -1,
            [&](const EvalProgress &p) {
                if (sinceUpdate.elapsed() >= 250) { // a redraw per batch would outpace the plot
                    sinceUpdate.restart();
                    report(p.imagesDone, p.imagesTotal, p.correct, false);
                }
            },
            &cancel);
        if (!result.cancelled)
            report(result.images, result.images, result.correct, true);
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
