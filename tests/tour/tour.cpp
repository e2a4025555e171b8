// Screenshots of every view of the main window, for reviewing the GUI as a user sees it:
//   pathlens-tour OUT_DIR [MODEL]
//   pathlens-tour --timings [MODEL]   edit -> first estimate and -> final number, as the GUI sees them
//   pathlens-tour --lecture OUT_DIR [TOUR.json]  every step of the lecture tour in presentation mode
//                                     (run it on a 1280x720 screen: xvfb-run -s "-screen 0 1280x720x24";
//                                     PATHLENS_LIVE_IMAGES=N evaluates on N live images, default 2000)
// Opens the model (default: the bundled ResNet-110) on Fashion-MNIST, edits it, measures the
// single deletions and the gradients, and writes one PNG per view. Not run by CTest (minutes).

#include "analysis.h"
#include "arrangementeditor.h"
#include "dataset.h"
#include "defaults.h"
#include "lecturetour.h"
#include "liveplots.h"
#include "mainwindow.h"
#include "pathgraph.h"
#include "recentfiles.h"
#include "settings.h"
#include "../testhelpers.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

using namespace pathlens;

namespace {

void settle(int ms = 400)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void showTab(QWidget *root, const QString &name)
{
    for (QTabWidget *tabs : root->findChildren<QTabWidget *>())
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->tabText(i) == name)
                tabs->setCurrentIndex(i);
}

void shoot(QWidget &window, const QDir &out, const QString &name)
{
    settle();
    const QString path = out.filePath(name + QStringLiteral(".png"));
    window.grab().save(path);
    std::printf("%s\n", qPrintable(path));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the user's settings stay untouched
    if (argc < 2) {
        std::fprintf(stderr, "usage: pathlens-tour OUT_DIR [MODEL]\n");
        return 2;
    }
    if (QByteArray(argv[1]) == "--timings") {
        MainWindow window;
        window.show();
        QSignalSpy finished(&window, &MainWindow::evaluationFinished);
        testing::loads(window, [&] { window.openData(QString::fromStdString(defaultDatasetPath())); });
        testing::loads(window, [&] { window.openModel(argc > 2 ? QString::fromLocal8Bit(argv[2]) : defaultModelPath()); });
        finished.wait(600000);
        const int blocks = int(window.arrangement().size());
        for (const int block : {0, blocks / 2, blocks - 1})
            for (int repeat = 0; repeat < 3; ++repeat) {
                for (const char *what : {"delete", "restore"}) {
                    window.forgetResults(); // measure the evaluation, not the result cache
                    window.editor()->toggle(block);
                    while (window.accuracyIsStale() || window.lastTiming().finishedMs < 0)
                        finished.wait(600000);
                    const MainWindow::Timing timing = window.lastTiming();
                    std::printf("%-7s block %2d: first estimate after %4lld ms, final after %5lld ms\n", what, block,
                                timing.firstEstimateMs, timing.finishedMs);
                }
            }
        return 0;
    }
    if (QByteArray(argv[1]) == "--lecture" && argc > 2) {
        // What the room sees: presentation mode on the screen it is given, one shot per step once
        // its caption has its numbers, and how long each step took to show them.
        const QDir out(QString::fromLocal8Bit(argv[2]));
        out.mkpath(QStringLiteral("."));
        MainWindow window;
        window.recentFiles()->setModelsFolder(QFileInfo(defaultModelPath()).absolutePath());
        if (const int live = qEnvironmentVariableIntValue("PATHLENS_LIVE_IMAGES"); live > 0) {
            Preferences preferences = window.preferences();
            preferences.liveImages = live;
            testing::loads(window, [&] { window.setPreferences(preferences); });
        }
        window.show();
        window.setPresentationMode(true);
        testing::loads(window, [&] { window.openData(QString::fromStdString(defaultDatasetPath())); });
        LectureTour *tour = window.lectureTour();
        if (!window.startLectureTour(argc > 3 ? QString::fromLocal8Bit(argv[3]) : QString()))
            return 1;
        for (int step = 0;; ++step) {
            while (tour->lastStepMs() < 0)
                settle(50);
            std::printf("step %d shown after %lld ms\n", step + 1, tour->lastStepMs());
            if (qEnvironmentVariableIsSet("PATHLENS_TOUR_SIZES"))
                for (QWidget *part : window.findChildren<QWidget *>())
                    if (part->parentWidget() == &window || qobject_cast<QDockWidget *>(part->parentWidget()))
                        std::printf("  %s %s: min %dx%d, size %dx%d\n", part->metaObject()->className(), qPrintable(part->objectName()),
                                    part->minimumSizeHint().width(), part->minimumSizeHint().height(), part->width(), part->height());
            shoot(window, out, QStringLiteral("lecture-step%1").arg(step + 1));
            std::fflush(stdout);
            while (!tour->isSettled()) // the next steps' numbers, while the room reads
                settle(50);
            if (!tour->next())
                break;
        }
        return 0;
    }
    if (QByteArray(argv[1]) == "--layouts" && argc > 2) {
        // The main window at the sizes a user meets: a projector, a desktop, a 1440p screen, the
        // dark theme, presentation mode at 1280x720, and German.
        const QDir out(QString::fromLocal8Bit(argv[2]));
        out.mkpath(QStringLiteral("."));
        const QString model = argc > 3 ? QString::fromLocal8Bit(argv[3]) : defaultModelPath();
        auto open = [&](MainWindow &window) {
            QSignalSpy finished(&window, &MainWindow::evaluationFinished);
            testing::loads(window, [&] { window.openData(QString::fromStdString(defaultDatasetPath())); });
            testing::loads(window, [&] { window.openModel(model); });
            finished.wait(600000);
            window.editor()->toggle(10);
            window.editor()->toggle(30);
            window.editor()->move(40, 45);
            while (window.accuracyIsStale() || window.lastTiming().finishedMs < 0)
                finished.wait(600000);
        };
        MainWindow window;
        window.show();
        open(window);
        for (const QSize size : {QSize(1024, 700), QSize(1600, 1000), QSize(2560, 1440)}) {
            window.resize(size);
            shoot(window, out, QStringLiteral("layout-%1x%2").arg(size.width()).arg(size.height()));
        }
        window.resize(1600, 1000);
        Preferences preferences = window.preferences();
        preferences.theme = Preferences::Theme::Dark;
        testing::loads(window, [&] { window.setPreferences(preferences); });
        shoot(window, out, QStringLiteral("dark-1600x1000"));
        preferences.theme = Preferences::Theme::Light;
        testing::loads(window, [&] { window.setPreferences(preferences); });
        window.setPresentationMode(true);
        window.showNormal(); // the projector's size, whatever this screen's is
        window.resize(1280, 720);
        window.setLectureLayout(true);
        shoot(window, out, QStringLiteral("presentation-lecture-1280x720"));
        window.setPresentationMode(false);
        installTranslations(QStringLiteral("de"));
        MainWindow german;
        german.resize(1600, 1000);
        german.show();
        open(german);
        shoot(german, out, QStringLiteral("german-1600x1000"));
        return 0;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    out.mkpath(QStringLiteral("."));
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QSignalSpy finished(&window, &MainWindow::evaluationFinished);
    testing::loads(window, [&] { window.openData(QString::fromStdString(defaultDatasetPath())); });
    testing::loads(window, [&] { window.openModel(argc > 2 ? QString::fromLocal8Bit(argv[2]) : defaultModelPath()); });
    finished.wait(600000);
    window.editor()->toggle(10);
    window.editor()->toggle(30);
    window.editor()->move(40, 45);
    while (window.accuracyIsStale() || window.lastTiming().finishedMs < 0)
        finished.wait(600000);
    shoot(window, out, QStringLiteral("main-unraveled"));

    showTab(&window, QStringLiteral("Surviving paths"));
    shoot(window, out, QStringLiteral("surviving-paths"));

    QSignalSpy stopped(window.analysis(), &Analysis::stopped);
    showTab(&window, QStringLiteral("Single deletion"));
    window.measureSingleDeletions();
    stopped.wait(1200000);
    shoot(window, out, QStringLiteral("single-deletion"));

    showTab(&window, QStringLiteral("Gradients"));
    window.measureGradients();
    stopped.wait(1200000);
    window.pathGraph()->setMode(PathGraph::Mode::Lattice);
    window.pathGraph()->setWidthByGradient(true);
    shoot(window, out, QStringLiteral("gradients-lattice"));

    Preferences preferences = window.preferences();
    preferences.theme = Preferences::Theme::Dark;
    testing::loads(window, [&] { window.setPreferences(preferences); });
    showTab(&window, QStringLiteral("Path lengths"));
    shoot(window, out, QStringLiteral("dark"));
    preferences.theme = Preferences::Theme::Light;
    testing::loads(window, [&] { window.setPreferences(preferences); });

    window.setPresentationMode(true);
    shoot(window, out, QStringLiteral("presentation"));
    window.setPresentationMode(false);

    SettingsDialog dialog(window.preferences(), &window);
    dialog.show();
    settle();
    dialog.grab().save(out.filePath(QStringLiteral("settings.png")));
    return 0;
}
