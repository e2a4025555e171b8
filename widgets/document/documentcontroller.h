#pragma once

#include "session.h"
#include "settings.h"
#include "workspace.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QStatusBar;
class QWidget;

namespace pathlens {

class BackgroundTask;
class Network;
class RecentFiles;

// What the window has open: the workspace (model, data, comparison model, engines), the
// preferences it was built with, and the loading, saving and rebuilding of both. It knows no
// widget beyond the status bar of its busy bar: it reports what it opened or why it could not
// through signals, and the window brings its panels up to date.
class DocumentController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentController)

public:
    DocumentController(QStatusBar *statusBar, RecentFiles *recent, QObject *parent = nullptr);

    Workspace *workspace() { return &m_work; }
    const Workspace &work() const { return m_work; }
    const Preferences &preferences() const { return m_preferences; }
    bool isBusy() const;

    // Each reports a failure through failed() and keeps the previous state.
    bool openModel(const QString &path);
    bool openData(const QString &path);
    bool openCompareModel(const QString &path); // a path; closing is the window's (Comparison::close)
    // Reads the session and opens its data and model; the window applies the rest of `session`.
    bool loadSession(const QString &path, Session &session);
    // Fills in what the workspace knows (model, data, comparison model, live subset) and writes.
    bool saveSession(const QString &path, Session session);
    // The theme at once; new engines when device, threads or the live subset changed and a model
    // and data are open. False, with the previous preferences back, when the engines failed.
    bool setPreferences(const Preferences &preferences);
    void setFullTestSet(bool full); // else the subset of the settings dialog
    void chooseSettings(QWidget *parent); // the settings dialog, window-modal; saved and applied when accepted

Q_SIGNALS:
    void failed(const QString &title, const QString &message);
    void warning(const QString &title, const QString &message);
    void modelOpened();    // a new network: the window shows it from scratch
    void dataOpened();     // new data: a new engine for the same network
    void compareOpened();  // a new comparison model
    void enginesRebuilt(); // the same models and data on new engines
    void preferencesChanged(); // set, or set back after the engines failed

private:
    bool useModel(const std::shared_ptr<Network> &network, const QString &path); // openModel after loading
    // Runs `change` on a copy of the workspace on a worker thread; returns why it failed, if it did.
    QString changeWorkspace(const QString &what, const std::function<QString(Workspace &)> &change);

    Workspace m_work;
    Preferences m_preferences = Preferences::load();
    BackgroundTask *m_loading; // model and data loading, off the GUI thread
    RecentFiles *m_recent;
};

} // namespace pathlens
