#pragma once

#include "arrangement.h"
#include "network.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace pathlens {

// What a session file holds (JSON, "pathlens_session": 1): the model, the data, the arrangement
// and the view settings. Files are stored with absolute paths; a file that has moved is looked for
// beside the session file (a session sent with its model to a colleague still opens).
struct Session
{
    static constexpr int formatVersion = 1;

    QString model;
    QString data;    // empty: none
    QString compare; // the comparison model; empty: none
    Arrangement arrangement;
    int randomK = 10;
    QString pathGraph; // the path graph's mode name
    qint64 liveImages = 0; // 0: the default live subset; otherwise that many images (-1: all)
    QString precision;     // "fp32", "tf32" or "bf16"; empty (sessions written before): the settings'
};

// Parses a session file's bytes; `path` is the file's name, for messages and for finding moved
// files. Throws Error naming the file and what is wrong (not JSON, a newer format, a malformed
// arrangement, a named file that exists neither where it was nor beside the session).
Session parseSession(const QByteArray &json, const QString &path);

QByteArray sessionToJson(const Session &session);

// The session file at `path`, read and checked against its model before anything is replaced:
// the model is loaded into `network` and the arrangement must fit it and run. Returns an empty
// string when done, else the message to show (naming the file).
QString readSessionFile(const QString &path, Session &session, std::shared_ptr<Network> &network);
// Written atomically; returns an empty string when done, else the message to show.
QString writeSessionFile(const QString &path, const Session &session);

} // namespace pathlens
