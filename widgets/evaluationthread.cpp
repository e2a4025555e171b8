#include "evaluationthread.h"

#include "engine.h"
#include "error.h"

#include <QElapsedTimer>

namespace pathlens {

EvaluationThread::EvaluationThread(QObject *parent)
    : QThread(parent)
{
}

EvaluationThread::~EvaluationThread()
{
    {
        QMutexLocker locker(&m_mutex);
        m_abort = true;
        if (m_cancel)
            m_cancel->cancel();
        m_condition.wakeOne();
    }
    wait();
}

void EvaluationThread::setEngine(std::shared_ptr<Engine> engine, qint64 liveImages)
{
    QMutexLocker locker(&m_mutex);
    if (m_cancel)
        m_cancel->cancel();
    m_engine = std::move(engine);
    m_liveImages = liveImages;
    m_pending = false;
}

int EvaluationThread::request(const Arrangement &arrangement)
{
    QMutexLocker locker(&m_mutex);
    if (m_cancel)
        m_cancel->cancel();
    m_arrangement = arrangement;
    m_pending = true;
    ++m_requestId;
    if (!isRunning())
        start(LowPriority);
    else
        m_condition.wakeOne();
    return m_requestId;
}

void EvaluationThread::run()
{
    for (;;) {
        m_mutex.lock();
        while (!m_pending && !m_abort)
            m_condition.wait(&m_mutex);
        if (m_abort) {
            m_mutex.unlock();
            return;
        }
        const int requestId = m_requestId;
        const Arrangement arrangement = m_arrangement;
        const std::shared_ptr<Engine> engine = m_engine;
        const qint64 images = m_liveImages;
        m_cancel = std::make_shared<CancelToken>();
        const std::shared_ptr<CancelToken> cancel = m_cancel;
        m_pending = false;
        m_mutex.unlock();

        if (!engine)
            continue;
        QElapsedTimer sinceProgress;
        try {
            const EvalResult result = engine->evaluate(
                {arrangement}, 0, images,
                [&](const EvalProgress &p) {
                    // The first estimate at once, then a few a second: every redraw the GUI thread
                    // makes takes CPU time from the evaluation (measured on 2 cores: a block-0 edit
                    // finished in 4.6 s with a redraw per batch of 64 images).
                    if (sinceProgress.isValid() && sinceProgress.elapsed() < 200)
                        return;
                    sinceProgress.start();
                    Q_EMIT progress(requestId, p.correct[0], p.imagesDone, p.imagesTotal);
                },
                cancel.get());
            if (!result.cancelled)
                Q_EMIT finished(requestId, result.accuracy[0], result.images, result.seconds);
        } catch (const Error &e) {
            Q_EMIT failed(requestId, QString::fromUtf8(e.what()));
        } catch (const std::exception &e) {
            Q_EMIT failed(requestId, QString::fromUtf8(e.what()));
        }
    }
}

} // namespace pathlens
