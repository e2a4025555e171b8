// pathlens: the desktop program. `pathlens [MODEL] [--data PATH]` or `pathlens SESSION.json`;
// with no arguments it opens the bundled model on Fashion-MNIST.

#include "dataset.h"
#include "defaults.h"
#include "mainwindow.h"
#include "settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("pathlens"));
    QApplication::setApplicationVersion(QStringLiteral(PATHLENS_VERSION));
    const pathlens::Preferences preferences = pathlens::Preferences::load();
    pathlens::applyTheme(preferences.theme);
    // The language of the settings, else the system's.
    const QLocale locale = preferences.language.isEmpty() ? QLocale() : QLocale(preferences.language);
    QLocale::setDefault(locale);
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(locale, QStringLiteral("pathlens"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Residual networks as ensembles of paths."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "TorchScript model (.pt) or saved session (.json)"),
                                 QStringLiteral("[MODEL | SESSION]"));
    const QCommandLineOption dataOption(QStringLiteral("data"),
                                        QApplication::translate("main", "Data set folder or file."), QStringLiteral("PATH"),
                                        QString::fromStdString(pathlens::defaultDatasetPath()));
    parser.addOption(dataOption);
    parser.process(app);

    pathlens::MainWindow window;
    window.show();
    const QString file = parser.positionalArguments().value(0);
    if (file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        window.loadSession(file);
    } else {
        window.openData(parser.value(dataOption));
        window.openModel(file.isEmpty() ? pathlens::defaultModelPath() : file);
    }
    return app.exec();
}
