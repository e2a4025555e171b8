#include "recentfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace pathlens {
namespace {

const QString recentKey = QStringLiteral("recentFiles");
const QString folderKey = QStringLiteral("files/lastFolder");

} // namespace

RecentFiles::RecentFiles(QMenu *menu, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
{
    updateMenu();
}

QString RecentFiles::startFolder(const QString &fileName) const
{
    QString folder = QSettings().value(folderKey).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = m_modelsFolder;
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    return fileName.isEmpty() ? folder : QDir(folder).filePath(fileName);
}

void RecentFiles::remember(const QString &path)
{
    QSettings settings;
    const QFileInfo file(path);
    settings.setValue(folderKey, file.isDir() ? file.absoluteFilePath() : file.absolutePath());
    QStringList recent = settings.value(recentKey).toStringList();
    const QString absolute = file.absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    settings.setValue(recentKey, recent.mid(0, 10));
    updateMenu();
}

void RecentFiles::updateMenu()
{
    m_menu->clear();
    const QStringList recent = QSettings().value(recentKey).toStringList();
    for (const QString &path : recent)
        m_menu->addAction(path, this, [this, path] { Q_EMIT openRequested(path); });
    m_menu->setEnabled(!recent.isEmpty());
}

} // namespace pathlens
