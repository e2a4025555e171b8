#include "recentfiles.h"

#include "dataset.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace pathlens {
namespace {

const QString recentKey = QStringLiteral("recentFiles");
const QString folderKey = QStringLiteral("files/lastFolder");
const QString writtenFolderKey = QStringLiteral("files/lastWrittenFolder");

} // namespace

QString RecentFiles::chooseModel(QWidget *parent, const QString &title) const
{
    return QFileDialog::getOpenFileName(parent, title, startFolder(), tr("TorchScript models (*.pt *.pth *.ptl);;All files (*)"));
}

QString RecentFiles::chooseData(QWidget *parent) const
{
    return QFileDialog::getExistingDirectory(parent, tr("Open Data Folder (IDX, CIFAR-10 binary, or one sub-folder of images per class)"),
                                             QString::fromStdString(defaultDatasetPath()));
}

QString RecentFiles::chooseSession(QWidget *parent, bool save) const
{
    const QString filter = tr("pathlens sessions (*.json)");
    return save ? QFileDialog::getSaveFileName(parent, tr("Save Session"), startFolder(QStringLiteral("session.json")), filter)
                : QFileDialog::getOpenFileName(parent, tr("Open Session"), startFolder(), filter);
}

QStringList RecentFiles::openingOrder(const QList<QUrl> &urls)
{
    QStringList files;
    for (const QUrl &url : urls)
        if (url.isLocalFile())
            files << url.toLocalFile();
    std::stable_sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
        auto rank = [](const QString &f) { return f.endsWith(QLatin1String(".json")) ? 2 : f.contains(QLatin1String(".pt")) ? 1 : 0; };
        return rank(a) < rank(b);
    });
    return files;
}

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
    if (fileName.isEmpty())
        return folder;
    // Where the user last wrote (a new user's Save Session opened in the home folder right after
    // an export elsewhere).
    if (const QString written = QSettings().value(writtenFolderKey).toString();
        !written.isEmpty() && QFileInfo(written).isDir() && QFileInfo(written).isWritable())
        return QDir(written).filePath(fileName);
    // A file to write (a session, an export) never starts in a folder it cannot be written to,
    // such as the installed bundled models' (issue 25), nor in the bundled models' folder of a
    // source tree: the user's documents instead.
    if (!QFileInfo(folder).isWritable() || (!m_modelsFolder.isEmpty() && QDir(folder) == QDir(m_modelsFolder))) {
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        folder = QFileInfo(documents).isDir() && QFileInfo(documents).isWritable() ? documents : QDir::homePath();
    }
    return QDir(folder).filePath(fileName);
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

void RecentFiles::rememberWritten(const QString &path)
{
    QSettings().setValue(writtenFolderKey, QFileInfo(path).absolutePath());
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
