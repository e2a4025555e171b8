#include "documentcontroller.h"

#include "backgroundtask.h"
#include "network.h"
#include "recentfiles.h"

#include <QFileInfo>

namespace pathlens {

DocumentController::DocumentController(QStatusBar *statusBar, RecentFiles *recent, QObject *parent)
    : QObject(parent)
    , m_loading(new BackgroundTask(statusBar, this))
    , m_recent(recent)
{
}

bool DocumentController::isBusy() const
{
    return m_loading->isBusy() || !m_queue.isEmpty();
}

bool DocumentController::fail(const QString &title, const QString &why, const Done &done)
{
    if (why.isEmpty())
        return true;
    ++m_failures;
    Q_EMIT failed(title, why);
    if (done)
        done(false);
    return false;
}

void DocumentController::openModel(const QString &path, Done done)
{
    // Read and engines in one request: the network read is only shown once it runs on the data.
    enqueue({tr("Reading %1…").arg(path),
             [path](Workspace &work) {
                 std::shared_ptr<Network> network;
                 if (QString why = work.loadModel(path, network); !why.isEmpty())
                     return why;
                 return work.useModel(network);
             },
             [this, path, done](const QString &why) { useModelDone(path, why, done); }});
}

void DocumentController::useModelDone(const QString &path, const QString &why, const Done &done)
{
    if (!fail(tr("Cannot open model"), why, done))
        return;
    m_recent->remember(path);
    Q_EMIT modelOpened();
    const Network &network = *m_work.network();
    if (!network.warning().empty())
        Q_EMIT warning(tr("Doubtful weights"), QString::fromStdString(network.warning()));
    if (!network.note().empty())
        Q_EMIT warning(tr("Weights converted"), QString::fromStdString(network.note()));
    if (done)
        done(true);
}

void DocumentController::openData(const QString &path, Done done)
{
    enqueue({tr("Reading %1…").arg(path), [path](Workspace &work) { return work.openData(path); },
             [this, path, done](const QString &why) {
                 if (!fail(tr("Cannot open data"), why, done))
                     return;
                 m_recent->remember(path);
                 Q_EMIT dataOpened();
                 if (!m_work.data().note.empty()) // e.g. image files that could not be read and were skipped
                     Q_EMIT warning(tr("Some files were skipped"), QString::fromStdString(m_work.data().note));
                 if (done)
                     done(true);
             }});
}

void DocumentController::openCompareModel(const QString &path, Done done)
{
    enqueue({tr("Opening %1…").arg(path), [path](Workspace &work) { return work.openCompare(path); },
             [this, path, done](const QString &why) {
                 if (!fail(tr("Cannot open the comparison model"), why, done))
                     return;
                 if (!m_comparisonTaken) { // closed while it loaded: it stays closed
                     if (done)
                         done(false);
                     return;
                 }
                 m_recent->remember(path);
                 Q_EMIT compareOpened();
                 if (done)
                     done(true);
             }});
}

void DocumentController::loadSession(const QString &path, std::function<void(const Session &)> opened)
{
    // The session's live subset and arithmetic apply to the engines it opens, for this run only.
    auto session = std::make_shared<Session>();
    auto preferences = std::make_shared<Preferences>(m_preferences);
    const QString dataOpen = QString::fromStdString(m_work.data().path);
    enqueue({tr("Reading %1…").arg(path),
             [path, session, preferences, dataOpen](Workspace &work) {
                 std::shared_ptr<Network> network;
                 if (QString why = readSessionFile(path, *session, network); !why.isEmpty())
                     return why;
                 if (session->liveImages != 0)
                     preferences->liveImages = session->liveImages;
                 if (!session->precision.isEmpty()) // checked by parseSession
                     preferences->precision = parsePrecision(session->precision.toStdString());
                 work.setOptions(preferences->engineOptions(), preferences->liveImages);
                 if (!session->data.isEmpty() && session->data != dataOpen)
                     if (QString why = work.openData(session->data); !why.isEmpty())
                         return why;
                 return work.useModel(network);
             },
             [this, path, session, preferences, opened](const QString &why) {
                 if (!fail(tr("Cannot open the session"), why, {}))
                     return;
                 const bool precisionChanged = preferences->precision != m_preferences.precision;
                 m_preferences.liveImages = preferences->liveImages;
                 m_preferences.precision = preferences->precision;
                 if (!session->data.isEmpty())
                     m_recent->remember(session->data);
                 useModelDone(session->model, {}, {});
                 if (precisionChanged)
                     Q_EMIT preferencesChanged();
                 opened(*session);
             }});
}

bool DocumentController::saveSession(const QString &path, Session session)
{
    session.model = QString::fromStdString(m_work.info().path);
    session.data = QString::fromStdString(m_work.data().path);
    session.compare = m_work.compareEngine() ? QString::fromStdString(m_work.compareInfo().path) : QString();
    session.liveImages = m_preferences.liveImages;
    session.precision = QString::fromStdString(precisionName(m_preferences.precision));
    if (const QString why = writeSessionFile(path, session); !why.isEmpty()) {
        Q_EMIT failed(tr("Cannot save the session"), why);
        return false;
    }
    m_recent->remember(path);
    return true;
}

void DocumentController::setPreferences(const Preferences &preferences)
{
    const Preferences previous = m_preferences;
    m_preferences = preferences;
    Q_EMIT preferencesChanged();
    if (preferences.theme != previous.theme)
        applyTheme(preferences.theme);
    if (!preferences.engineDiffers(previous) || !m_work.network() || m_work.data().size() == 0)
        return;
    // New engines for the same models and data; the window starts the accuracy history again,
    // because numbers on other images are not comparable, but the arrangement and its undo stack stay.
    enqueue({tr("Preparing the engines…"), [](Workspace &work) { return work.rebuild(); }, [this, previous](const QString &why) {
                 if (!fail(tr("Cannot use %1").arg(QString::fromStdString(m_work.info().path)), why, {})) {
                     m_preferences = previous;
                     Q_EMIT preferencesChanged();
                     return;
                 }
                 Q_EMIT enginesRebuilt();
             }});
}

void DocumentController::setFullTestSet(bool full)
{
    Preferences preferences = m_preferences;
    const qint64 chosen = Preferences::load().liveImages; // the subset of the settings dialog
    preferences.liveImages = full ? -1 : chosen > 0 ? chosen : Preferences::defaultLiveImages;
    setPreferences(preferences);
}

void DocumentController::chooseSettings(QWidget *parent)
{
    auto *dialog = new SettingsDialog(m_preferences, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Preferences chosen = dialog->preferences();
        chosen.save();
        setPreferences(chosen);
    });
    dialog->open();
}

void DocumentController::enqueue(Request request)
{
    m_queue.append(std::move(request));
    startNext();
}

// A request's change is made on a copy (cheap: the parts are shared), which is adopted part by
// part when the change succeeded: meanwhile the GUI thread keeps reading the workspace (repaints,
// evaluation results) and never sees half a change, a failure leaves everything as it was, and
// what the GUI thread changed meanwhile (a comparison closed) stays (Workspace::adopt).
void DocumentController::startNext()
{
    if (m_loading->isBusy() || m_queue.isEmpty())
        return;
    Request request = m_queue.takeFirst();
    auto start = std::make_shared<const Workspace>(m_work);
    auto changed = std::make_shared<Workspace>(m_work);
    changed->setOptions(m_preferences.engineOptions(), m_preferences.liveImages);
    Q_EMIT started(request.what);
    m_loading->start(
        request.what, [changed, change = request.change] { return change(*changed); },
        [this, changed, start, finished = request.finished](const QString &why) {
            m_comparisonTaken = why.isEmpty() && m_work.adopt(*changed, *start);
            finished(why);
            startNext();
            if (!isBusy())
                Q_EMIT idle();
        });
}

void DocumentController::cancel()
{
    m_queue.clear();
    m_loading->abandon();
}

} // namespace pathlens
