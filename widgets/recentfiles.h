#pragma once

#include <QObject>
#include <QString>

class QMenu;

namespace pathlens {

// The files opened lately (a menu of up to ten, kept with QSettings) and the folder that file
// dialogs open in: the one a file was last taken from, else the bundled models, else home.
class RecentFiles final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentFiles)

public:
    explicit RecentFiles(QMenu *menu, QObject *parent = nullptr);

    void remember(const QString &path);
    void setModelsFolder(const QString &folder) { m_modelsFolder = folder; }
    // The folder for a dialog; with `fileName`, that file in it (a save dialog's proposal).
    QString startFolder(const QString &fileName = {}) const;

Q_SIGNALS:
    void openRequested(const QString &path);

private:
    void updateMenu();

    QMenu *m_menu;
    QString m_modelsFolder;
};

} // namespace pathlens
