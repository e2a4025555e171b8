#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QProgressBar;
class QStatusBar;

namespace pathlens {

// Long work the window must not wait for (reading a model or a data set, building engines) runs on
// a worker thread; `done` is called with its result on the GUI thread afterwards. No event loop of
// its own runs meanwhile: the window goes on as it was (painting, taking the evaluation workers'
// results, DESIGN.md section 1), and a busy bar in the status bar shows that something loads.
class BackgroundTask final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundTask)

public:
    explicit BackgroundTask(QStatusBar *statusBar, QObject *parent = nullptr);
    ~BackgroundTask() override;

    // `work` returns an empty string when done, else why not. It runs on another thread and may
    // touch only what it owns (values it captured); any exception it throws becomes the reason.
    // One at a time: the caller queues (isBusy()).
    void start(const QString &what, std::function<QString()> work, std::function<void(const QString &why)> done);
    bool isBusy() const { return m_busy; }
    // Drops the result of the work in flight: `done` is not called. The work itself runs to its
    // end on its thread (a model being read cannot be interrupted) and touches only its own values.
    void abandon();

private:
    void finish(const QString &why);

    QStatusBar *m_statusBar;
    QProgressBar *m_bar;
    bool m_busy = false;
    std::function<void(const QString &)> m_done;
    int m_generation = 0; // of the work in flight; a result of an abandoned one is dropped
};

} // namespace pathlens
