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
    return m_loading->isBusy();
}

bool DocumentController::openModel(const QString &path)
{
    std::shared_ptr<Network> network;
    const QString why = changeWorkspace(tr("Reading %1…").arg(path), [&](Workspace &work) { return work.loadModel(path, network); });
    if (!why.isEmpty()) {
        Q_EMIT failed(tr("Cannot open model"), why);
        return false;
    }
    return useModel(network, path);
}

bool DocumentController::useModel(const std::shared_ptr<Network> &network, const QString &path)
{
    const QString why = changeWorkspace(tr("Preparing %1…").arg(path), [network](Workspace &work) { return work.useModel(network); });
    if (!why.isEmpty()) {
        Q_EMIT failed(tr("Cannot use %1").arg(path), why);
        return false;
    }
    m_recent->remember(path);
    Q_EMIT modelOpened();
    if (!network->warning().empty())
        Q_EMIT warning(tr("Doubtful weights"), QString::fromStdString(network->warning()));
    if (!network->note().empty())
        Q_EMIT warning(tr("Weights converted"), QString::fromStdString(network->note()));
    return true;
}

bool DocumentController::openData(const QString &path)
{
    const QString why = changeWorkspace(tr("Reading %1…").arg(path), [&path](Workspace &work) { return work.openData(path); });
    if (!why.isEmpty()) {
        Q_EMIT failed(tr("Cannot open data"), why);
        return false;
    }
    m_recent->remember(path);
    Q_EMIT dataOpened();
    if (!m_work.data().note.empty()) // e.g. image files that could not be read and were skipped
        Q_EMIT warning(tr("Some files were skipped"), QString::fromStdString(m_work.data().note));
    return true;
}

bool DocumentController::openCompareModel(const QString &path)
{
    const QString why = changeWorkspace(tr("Opening %1…").arg(path), [&path](Workspace &work) { return work.openCompare(path); });
    if (!why.isEmpty()) {
        Q_EMIT failed(tr("Cannot open the comparison model"), why);
        return false;
    }
    m_recent->remember(path);
    Q_EMIT compareOpened();
    return true;
}

bool DocumentController::loadSession(const QString &path, Session &session)
{
    std::shared_ptr<Network> network;
    const QString why = changeWorkspace(tr("Reading %1…").arg(path),
                                        [&](Workspace &) { return readSessionFile(path, session, network); });
    if (!why.isEmpty()) {
        Q_EMIT failed(tr("Cannot open the session"), why);
        return false;
    }
    const Preferences previous = m_preferences;
    if (session.liveImages != 0) // this session's subset and arithmetic, for this run only
        m_preferences.liveImages = session.liveImages;
    if (!session.precision.isEmpty())
        m_preferences.precision = parsePrecision(session.precision.toStdString()); // checked by parseSession
    const bool dataChanged = !session.data.isEmpty() && session.data != QString::fromStdString(m_work.data().path);
    if ((dataChanged && !openData(session.data)) || !useModel(network, session.model)) {
        m_preferences.liveImages = previous.liveImages;
        m_preferences.precision = previous.precision;
        return false;
    }
    if (m_preferences.precision != previous.precision)
        Q_EMIT preferencesChanged();
    return true;
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

bool DocumentController::setPreferences(const Preferences &preferences)
{
    const Preferences previous = m_preferences;
    m_preferences = preferences;
    Q_EMIT preferencesChanged();
    if (preferences.theme != previous.theme)
        applyTheme(preferences.theme);
    if (!preferences.engineDiffers(previous) || !m_work.network() || m_work.data().size() == 0)
        return true;
    // New engines for the same models and data; the window starts the accuracy history again,
    // because numbers on other images are not comparable, but the arrangement and its undo stack stay.
    const QString why = changeWorkspace(tr("Preparing the engines…"), [](Workspace &work) { return work.rebuild(); });
    if (!why.isEmpty()) {
        Q_EMIT failed(tr("Cannot use %1").arg(QString::fromStdString(m_work.info().path)), why);
        m_preferences = previous;
        Q_EMIT preferencesChanged();
        return false;
    }
    Q_EMIT enginesRebuilt();
    return true;
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

// Long workspace changes run on a worker thread, on a copy that replaces the workspace only when
// the change succeeded: meanwhile the GUI thread keeps reading the workspace (repaints, evaluation
// results) and never sees half a change, and a failure leaves everything as it was.
QString DocumentController::changeWorkspace(const QString &what, const std::function<QString(Workspace &)> &change)
{
    if (m_loading->isBusy())
        return tr("Another file is still loading: try again when it is done.");
    Workspace next = m_work;
    EngineOptions options;
    options.device = m_preferences.device;
    options.precision = m_preferences.precision;
    options.threads = m_preferences.threads;
    next.setOptions(options, m_preferences.liveImages);
    const QString why = m_loading->run(what, [&next, &change] { return change(next); });
    if (why.isEmpty())
        m_work = std::move(next);
    return why;
}

} // namespace pathlens
