#include "backgroundtask.h"

#include <QApplication>
#include <QFutureWatcher>
#include <QProgressBar>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <utility>

namespace pathlens {

BackgroundTask::BackgroundTask(QStatusBar *statusBar, QObject *parent)
    : QObject(parent)
    , m_statusBar(statusBar)
    , m_bar(new QProgressBar(statusBar))
{
    m_bar->setRange(0, 0); // no steps to count: a busy indicator
    m_bar->setMaximumWidth(160);
    m_bar->hide();
    statusBar->addPermanentWidget(m_bar);
}

// The status bar may be gone already (a sibling under the window); the watcher, a child, goes
// with this object, so a result still in flight reaches no one.
BackgroundTask::~BackgroundTask()
{
    if (m_busy)
        QApplication::restoreOverrideCursor();
}

void BackgroundTask::start(const QString &what, std::function<QString()> work, std::function<void(const QString &)> done)
{
    Q_ASSERT(!m_busy);
    m_busy = true;
    m_done = std::move(done);
    m_bar->show();
    m_statusBar->showMessage(what);
    QApplication::setOverrideCursor(Qt::BusyCursor);

    auto *watcher = new QFutureWatcher<QString>(this);
    const int generation = ++m_generation;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            finish(watcher->result());
    });
    // The thread boundary: nothing thrown may leave the worker thread.
    watcher->setFuture(QtConcurrent::run([work = std::move(work)]() -> QString {
        try {
            return work();
        } catch (const std::exception &e) {
            return QString::fromUtf8(e.what());
        } catch (...) {
            return QStringLiteral("unknown error");
        }
    }));
}

void BackgroundTask::abandon()
{
    if (!m_busy)
        return;
    ++m_generation;
    m_done = nullptr;
    finish({});
}

void BackgroundTask::finish(const QString &why)
{
    QApplication::restoreOverrideCursor();
    m_statusBar->clearMessage();
    m_bar->hide();
    m_busy = false;
    if (auto done = std::exchange(m_done, nullptr))
        done(why);
}

} // namespace pathlens
