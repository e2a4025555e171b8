#pragma once

#include "arrangement.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <memory>

namespace pathlens {

class Engine;
class CancelToken;

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

    // Replaces the engine; pending work for the old one is dropped.
    void setEngine(std::shared_ptr<Engine> engine, qint64 liveImages);
    // Evaluates `arrangement` on the live subset; returns the request's number.
    int request(const Arrangement &arrangement);

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
    std::shared_ptr<Engine> m_engine;
    std::shared_ptr<CancelToken> m_cancel;
    Arrangement m_arrangement;
    qint64 m_liveImages = 0;
    int m_requestId = 0;
    bool m_pending = false;
    bool m_abort = false;
};

} // namespace pathlens
