#include "defaults.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
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

QCommandLineOption precisionOption()
{
    return {QStringLiteral("precision"),
            QStringLiteral("fp32 (default, exact), tf32 (CUDA only) or bf16; tf32 and bf16 also print the unedited "
                           "network's accuracy in fp32 beside theirs."),
            QStringLiteral("P"), QStringLiteral("fp32")};
}

Precision precisionFromOptions(const QCommandLineParser &parser)
{
    return parsePrecision(parser.value(QStringLiteral("precision")).toStdString());
}

} // namespace pathlens
