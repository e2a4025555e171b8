#pragma once

#include "session.h"
#include "settings.h"
#include "workspace.h"

#include <QList>
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
    bool isBusy() const; // a change is in flight or queued
    int failures() const { return m_failures; } // changes that failed so far (for tests and scripts)

    // Each is a request: it is queued behind the ones in flight, made on a worker thread, and
    // applied on the GUI thread when done (then the signal below is emitted, or failed() with why
    // not, and the previous state stays). `done`, when given, is called after either.
    using Done = std::function<void(bool ok)>;
    void openModel(const QString &path, Done done = {});
    void openData(const QString &path, Done done = {});
    void openCompareModel(const QString &path, Done done = {}); // a path; closing is the window's (Comparison::close)
    // Reads the session and opens its data and model; `opened` applies the rest of the session.
    void loadSession(const QString &path, std::function<void(const Session &)> opened);
    // Fills in what the workspace knows (model, data, comparison model, live subset) and writes.
    bool saveSession(const QString &path, Session session);
    // The theme at once; new engines when device, threads or the live subset changed and a model
    // and data are open. When the engines fail, failed() and the previous preferences are back.
    void setPreferences(const Preferences &preferences);
    void setFullTestSet(bool full); // else the subset of the settings dialog
    void chooseSettings(QWidget *parent); // the settings dialog, window-modal; saved and applied when accepted
    // Drops the requests not yet made and the result of the one in flight (the window closes).
    void cancel();

Q_SIGNALS:
    void failed(const QString &title, const QString &message);
    void warning(const QString &title, const QString &message);
    void modelOpened();    // a new network: the window shows it from scratch
    void dataOpened();     // new data: a new engine for the same network
    void compareOpened();  // a new comparison model
    void enginesRebuilt(); // the same models and data on new engines
    void preferencesChanged(); // set, or set back after the engines failed
    void started(const QString &what); // a request's turn came: "Reading model.pt…"
    void idle(); // the last queued request is done

private:
    // One request: `change` runs on a worker thread on a copy of the workspace as it is when the
    // request's turn comes (with the options of the preferences then); `finished` runs on the GUI
    // thread after the changed parts were adopted (or, with the reason, when it failed).
    struct Request
    {
        QString what; // for the status bar: "Reading model.pt…"
        std::function<QString(Workspace &)> change;
        std::function<void(const QString &why)> finished;
    };
    void enqueue(Request request);
    void startNext();
    void useModelDone(const QString &path, const QString &why, const Done &done);
    bool fail(const QString &title, const QString &why, const Done &done); // false when it failed

    Workspace m_work;
    Preferences m_preferences = Preferences::load();
    BackgroundTask *m_loading; // model and data loading, off the GUI thread
    QList<Request> m_queue;
    int m_failures = 0;
    bool m_comparisonTaken = false; // whether the last finished request's comparison was adopted (Workspace::adopt)
    RecentFiles *m_recent;
};

} // namespace pathlens
