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

Evaluator engineEvaluator(std::shared_ptr<Engine> engine, qint64 images)
{
    return [engine = std::move(engine), images](const Arrangement &arrangement, const EvaluationProgress &progress,
                                                const CancelToken &cancel) {
        const EvalResult result = engine->evaluate(
            {arrangement}, 0, images, [&](const EvalProgress &p) { progress(p.correct[0], p.imagesDone, p.imagesTotal); },
            &cancel);
        return EvaluationOutcome{result.cancelled ? 0.0 : result.accuracy[0], result.images, result.seconds, result.cancelled};
    };
}

void EvaluationThread::setEvaluator(Evaluator evaluator)
{
    QMutexLocker locker(&m_mutex);
    if (m_cancel)
        m_cancel->cancel();
    m_evaluator = std::move(evaluator);
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

void EvaluationThread::cancel()
{
    QMutexLocker locker(&m_mutex);
    if (m_cancel)
        m_cancel->cancel();
    m_pending = false;
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
        const Evaluator evaluator = m_evaluator;
        m_cancel = std::make_shared<CancelToken>();
        const std::shared_ptr<CancelToken> cancel = m_cancel;
        m_pending = false;
        m_mutex.unlock();

        if (!evaluator)
            continue;
        QElapsedTimer sinceProgress;
        try {
            const EvaluationOutcome outcome = evaluator(
                arrangement,
                [&](qint64 correct, qint64 done, qint64 total) {
                    // The first estimate at once, then a few a second: every redraw the GUI thread
                    // makes takes CPU time from the evaluation (measured on 2 cores: a block-0 edit
                    // finished in 4.6 s with a redraw per batch of 64 images).
                    if (sinceProgress.isValid() && sinceProgress.elapsed() < 200)
                        return;
                    sinceProgress.start();
                    Q_EMIT progress(requestId, correct, done, total);
                },
                *cancel);
            if (!outcome.cancelled && !cancel->cancelled())
                Q_EMIT finished(requestId, outcome.accuracy, outcome.images, outcome.seconds);
        } catch (const std::exception &e) { // pathlens::Error, c10::Error, std::bad_alloc alike
            Q_EMIT failed(requestId, QString::fromUtf8(e.what()));
        } catch (...) {
            Q_EMIT failed(requestId, tr("Evaluation failed with an unknown error."));
        }
    }
}

} // namespace pathlens
