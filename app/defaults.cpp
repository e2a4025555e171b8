#include "defaults.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace pathlens {

QString defaultModelPath()
{
    const QString fileName = QStringLiteral(PATHLENS_DEFAULT_MODEL);
    const QStringList candidates{
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/pathlens/models/") + fileName,
        QStringLiteral(PATHLENS_SOURCE_MODELS_DIR "/") + fileName,
    };
    for (const QString &candidate : candidates)
        if (QFileInfo::exists(candidate))
            return QDir::cleanPath(candidate);
    return candidates.last();
}

} // namespace pathlens
