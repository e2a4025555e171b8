// pathlens: the desktop program. `pathlens [MODEL] [--data PATH]` or `pathlens SESSION.json`;
// with no arguments it opens the bundled model on Fashion-MNIST. `pathlens --lecture [TOUR.json]`
// starts a lecture tour (the built-in one without a file).

#include "dataset.h"
#include "defaults.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // QSettings files go to ~/.config/pathlens/pathlens.conf instead of "Unknown Organization".
    QApplication::setOrganizationName(QStringLiteral("pathlens"));
    QApplication::setOrganizationDomain(QStringLiteral("pathlens.github.io"));
    QApplication::setApplicationName(QStringLiteral("pathlens"));
    QApplication::setApplicationVersion(QStringLiteral(PATHLENS_VERSION));
    const pathlens::Preferences preferences = pathlens::Preferences::load();
    pathlens::applyTheme(preferences.theme);
    pathlens::installTranslations(preferences.language); // the language of the settings, else the system's

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Residual networks as ensembles of paths."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "TorchScript model (.pt), saved session (.json), or with --lecture a tour (.json)"),
                                 QStringLiteral("[MODEL | SESSION | TOUR]"));
    const QCommandLineOption dataOption(QStringLiteral("data"),
                                        QApplication::translate("main", "Data set folder or file."), QStringLiteral("PATH"),
                                        QString::fromStdString(pathlens::defaultDatasetPath()));
    parser.addOption(dataOption);
    const QCommandLineOption lectureOption(
        QStringLiteral("lecture"),
        QApplication::translate("main", "Start the lecture tour: the built-in one, or the tour file given as FILE (.json)."));
    parser.addOption(lectureOption);
    parser.process(app);

    pathlens::MainWindow window;
    window.restoreLayout();
    window.recentFiles()->setModelsFolder(QFileInfo(pathlens::defaultModelPath()).absolutePath());
    window.show();
    const QString file = parser.positionalArguments().value(0);
    if (parser.isSet(lectureOption)) {
        window.openData(parser.value(dataOption));
        // When the data is open: the tour opens the models it shows; an error dialog says why not.
        QObject::connect(&window, &pathlens::MainWindow::loaded, &window, [&window, file] { window.startLectureTour(file); },
                         Qt::SingleShotConnection);
        return app.exec();
    }
    if (file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        window.loadSession(file);
    } else {
        window.openData(parser.value(dataOption));
        window.openModel(file.isEmpty() ? pathlens::defaultModelPath() : file);
    }
    return app.exec();
}
