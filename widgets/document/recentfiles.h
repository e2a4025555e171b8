#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

class QMenu;
class QWidget;

namespace pathlens {

// The files opened lately (a menu of up to ten, kept with QSettings), the folder that file
// dialogs open in (the one a file was last taken from, else the bundled models, else home) and
// those dialogs.
class RecentFiles final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentFiles)

public:
    explicit RecentFiles(QMenu *menu, QObject *parent = nullptr);

    void remember(const QString &path);
    // A file written (a session, an export): the next file to write starts in its folder.
    void rememberWritten(const QString &path);
    void setModelsFolder(const QString &folder) { m_modelsFolder = folder; }
    QString modelsFolder() const { return m_modelsFolder; }
    // The folder for a dialog; with `fileName`, that file in it (a save dialog's proposal), in the
    // folder last written to, else one that can be written to (else the user's documents).
    QString startFolder(const QString &fileName = {}) const;
    // Each returns the path chosen, empty when the dialog was cancelled.
    QString chooseModel(QWidget *parent, const QString &title) const;
    QString chooseData(QWidget *parent) const;
    QString chooseSession(QWidget *parent, bool save) const;
    // The local files of a drop in the order to open them: data, then models, then sessions, so
    // that a model and its data dropped together end up evaluated.
    static QStringList openingOrder(const QList<QUrl> &urls);

Q_SIGNALS:
    void openRequested(const QString &path);

private:
    void updateMenu();

    QMenu *m_menu;
    QString m_modelsFolder;
};

} // namespace pathlens
