#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QProgressBar;
class QStatusBar;

namespace pathlens {

// Long work the window has to wait for (reading a model or a data set, building engines) runs on
// a worker thread while the GUI thread waits in a local event loop: the window keeps painting and
// taking the evaluation workers' results (DESIGN.md section 1), and a busy bar in the status bar
// shows that something loads. run() returns what the work returned, so that callers keep their
// error dialogs and return values as if they had done the work themselves.
class BackgroundTask final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundTask)

public:
    explicit BackgroundTask(QStatusBar *statusBar, QObject *parent = nullptr);

    // `work` returns an empty string when done, else why not. It runs on another thread: it may
    // touch only what the GUI thread leaves alone meanwhile (its own copies, const reads).
    // One at a time: callers check isBusy() first, because the event loop lets the user start
    // another load while this one runs.
    QString run(const QString &what, const std::function<QString()> &work);
    bool isBusy() const { return m_busy; }

private:
    QStatusBar *m_statusBar;
    QProgressBar *m_bar;
    bool m_busy = false;
};

} // namespace pathlens
