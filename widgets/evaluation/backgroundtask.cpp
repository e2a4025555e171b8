#include "backgroundtask.h"

#include <QApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressBar>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

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

QString BackgroundTask::run(const QString &what, const std::function<QString()> &work)
{
    Q_ASSERT(!m_busy);
    m_busy = true;
    m_bar->show();
    m_statusBar->showMessage(what);
    QApplication::setOverrideCursor(Qt::BusyCursor);

    QEventLoop loop;
    QFutureWatcher<QString> watcher;
    // Connected before setFuture: a future that is finished already still reports it, queued,
    // so the loop below always gets its quit.
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run(work));
    loop.exec();

    QApplication::restoreOverrideCursor();
    m_statusBar->clearMessage();
    m_bar->hide();
    m_busy = false;
    return watcher.result();
}

} // namespace pathlens
