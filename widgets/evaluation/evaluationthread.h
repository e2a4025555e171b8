#pragma once

#include "arrangement.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <functional>
#include <memory>

namespace pathlens {

class Engine;
class CancelToken;

// What the evaluation thread runs: the accuracy of one arrangement, with running counts on the
// way. An engine in the program (engineEvaluator), a fake in the tests. Called on the worker
// thread; `progress` may be called from there at any rate (the thread throttles it).
struct EvaluationOutcome
{
    double accuracy = 0;
    qint64 images = 0;
    double seconds = 0;
    bool cancelled = false;
};
using EvaluationProgress = std::function<void(qint64 correct, qint64 done, qint64 total)>;
using Evaluator = std::function<EvaluationOutcome(const Arrangement &, const EvaluationProgress &, const CancelToken &)>;

// `images` of the engine's data, from the first (the live subset the engine holds).
Evaluator engineEvaluator(std::shared_ptr<Engine> engine, qint64 images);

// Owns the long computation for the GUI, after Qt's Mandelbrot example: the GUI thread posts the
// latest arrangement, a newer request cancels the one in flight at its next batch ("latest
// request wins"), and results come back as queued signals. The destructor aborts and waits.
class EvaluationThread final : public QThread
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationThread)

public:
    explicit EvaluationThread(QObject *parent = nullptr);
    ~EvaluationThread() override;

    // Replaces the evaluator; pending work for the old one is dropped.
    void setEvaluator(Evaluator evaluator);
    // Evaluates `arrangement` on the live subset; returns the request's number.
    int request(const Arrangement &arrangement);
    void cancel(); // the request in flight and any pending one: nothing more arrives for them

Q_SIGNALS:
    // A running estimate: `correct` of `done` images so far, out of `total`.
    void progress(int requestId, qint64 correct, qint64 done, qint64 total);
    void finished(int requestId, double accuracy, qint64 images, double seconds);
    void failed(int requestId, const QString &message);

protected:
    void run() override;

private:
    QMutex m_mutex;
    QWaitCondition m_condition;
    Evaluator m_evaluator;
    std::shared_ptr<CancelToken> m_cancel;
    Arrangement m_arrangement;
    int m_requestId = 0;
    bool m_pending = false;
    bool m_abort = false;
};

} // namespace pathlens
