#include "accuracypanel.h"
#include "analysis.h"
#include "analysiscontroller.h"
#include "arrangementeditor.h"
#include "backgroundtask.h"
#include "blockstrip.h"
#include "experiments.h"
#include "figures.h"
#include "lecturetour.h"
#include "liveevaluation.h"
#include "liveplots.h"
#include "pathgraph.h"
#include "paths.h"
#include "recentfiles.h"
#include "results.h"
#include "dataset.h"
#include "engine.h"
#include "exportcontroller.h"
#include "mainwindow.h"
#include "testhelpers.h"
#include "workspace.h"

#include <QApplication>
#include <QDropEvent>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QMimeData>
#include <QTemporaryDir>
#include <qcustomplot.h>
#include <QSettings>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QToolBar>
#include <QToolButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QUndoStack>

#include <atomic>
#include <optional>
#include <stdexcept>

using namespace pathlens;

// Live evaluation on the first `images` test images: the default (2,000) makes every edit slower.
static void setLiveImages(MainWindow &window, int images)
{
    Preferences preferences = window.preferences();
    preferences.liveImages = images;
    QVERIFY(testing::loads(window, [&] { window.setPreferences(preferences); }));
}

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the user's own settings stay untouched
        QSettings().clear();
    }

    // A session or an export is never proposed beside the bundled models, writable (a source tree)
    // or not (installed): a new user saved a session into resources/models.
    void filesToWriteStartOutsideTheBundledModels()
    {
        QTemporaryDir models;
        QVERIFY(models.isValid());
        QMenu menu;
        RecentFiles recent(&menu);
        recent.setModelsFolder(models.path());
        QCOMPARE(recent.startFolder(), models.path()); // models are opened from there
        const QString session = recent.startFolder(QStringLiteral("session.json"));
        QCOMPARE(QFileInfo(session).fileName(), QStringLiteral("session.json"));
        QVERIFY2(QFileInfo(session).absolutePath() != QFileInfo(models.path()).absoluteFilePath(), qPrintable(session));
        // After an export, the next file to write is proposed beside it.
        QTemporaryDir exports;
        QVERIFY(exports.isValid());
        recent.rememberWritten(QDir(exports.path()).filePath(QStringLiteral("per-class.csv")));
        QCOMPARE(QFileInfo(recent.startFolder(QStringLiteral("session.json"))).absolutePath(),
                 QFileInfo(exports.path()).absoluteFilePath());
        QCOMPARE(recent.startFolder(), models.path()); // opening still starts where models were opened
        QSettings().clear();
    }

    void opensModelAndListsBlocks()
    {
        MainWindow window;
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        QCOMPARE(window.blockTable()->model()->rowCount(), 9);
        QCOMPARE(window.blockTable()->model()->index(3, 2).data().toString(), QStringLiteral("layer2.0"));
        QCOMPARE(window.blockTable()->model()->index(3, 7).data().toString(), QStringLiteral("yes"));
        // The arrow keys start on the blocks, not in the toolbar's "k = 10" box (issue 25).
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window.blockStrip()));
        // Presenting one figure at a time hides the Measure rows: a control there that had the focus
        // hands it to the strip, not to the "k = 10" box (a new user's F11 after pressing Measure).
        auto *measure = window.livePlots()->findChild<QSpinBox *>(QStringLiteral("gradientSamples"));
        QVERIFY(measure);
        window.livePlots()->showTab(QStringLiteral("gradients"));
        measure->setFocus();
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(measure));
        window.setPresentationMode(true, QSize(1280, 720));
        QVERIFY(!measure->isVisible());
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window.blockStrip()));
        window.setPresentationMode(false);
    }

    // Loading runs on a worker while the GUI thread goes on processing events (DESIGN.md section 1),
    // in the window's own event loop: start() returns at once, and `done` comes afterwards.
    void loadsWithoutBlockingTheWindow()
    {
        QStatusBar bar;
        BackgroundTask task(&bar);
        std::atomic<bool> ticked{false};
        bool busyMeanwhile = false;
        QTimer::singleShot(0, &bar, [&] {
            busyMeanwhile = task.isBusy();
            ticked = true;
        });
        std::optional<QString> why;
        task.start(QStringLiteral("Waiting"), [&ticked] {
            // Done only once the GUI thread has run the timer; were it blocked, this gives up.
            for (int i = 0; i < 1000 && !ticked; ++i)
                QThread::msleep(10);
            return ticked ? QString() : QStringLiteral("no events were processed while the work ran");
        }, [&why](const QString &reason) { why = reason; });
        QVERIFY(task.isBusy());
        QVERIFY(!why); // not called from start()
        QTRY_VERIFY_WITH_TIMEOUT(why.has_value(), 20000);
        QCOMPARE(*why, QString());
        QVERIFY(busyMeanwhile);
        QVERIFY(!task.isBusy());

        // An exception thrown by the work is its reason, not a crash.
        why.reset();
        task.start(QStringLiteral("Throwing"), []() -> QString { throw std::runtime_error("broken.pt: not a model"); },
                   [&why](const QString &reason) { why = reason; });
        QTRY_VERIFY_WITH_TIMEOUT(why.has_value(), 20000);
        QCOMPARE(*why, QStringLiteral("broken.pt: not a model"));

        // The window's loads queue in the order asked for: data, then the model that runs on it.
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::loaded);
        window.openData(testing::fashionMnist());
        window.openModel(QString::fromStdString(testing::fixture("cifar20.pt")));
        QVERIFY(window.isLoading());
        QVERIFY(loaded.wait(120000));
        QVERIFY(!window.isLoading());
        QCOMPARE(window.loadFailures(), 0);
        QCOMPARE(window.arrangement().size(), size_t(9));
        QCOMPARE(window.liveImageCount(), MainWindow::liveImages);
    }

    // A change the user makes while a model loads stays made: the load adopts only what it
    // changed (before, the whole workspace as copied at the start was put back).
    void closingTheComparisonDuringALoadKeepsItClosed()
    {
        MainWindow window;
        QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        QVERIFY(testing::loads(window, [&] { window.openCompareModel(QString::fromStdString(testing::fixture("protocol.pt"))); }));
        QVERIFY(window.work().compareEngine());

        window.openModel(QString::fromStdString(testing::fixture("protocol.pt")));
        QVERIFY(window.isLoading());
        window.openCompareModel({}); // Close Comparison, while the model loads
        QVERIFY(!window.work().compareEngine());
        QVERIFY(testing::loads(window, [] {}));
        QCOMPARE(window.arrangement().size(), size_t(6)); // the new model is shown
        QVERIFY(!window.work().compareEngine());          // and the comparison stays closed
        QVERIFY(window.work().compareInfo().blocks.empty());

        // Closing the window during a load drops it: nothing opens into the closed window.
        window.show();
        window.openModel(QString::fromStdString(testing::fixture("cifar20.pt")));
        QVERIFY(window.close());
        QVERIFY(!window.isLoading());
        QTest::qWait(3000); // the read on the worker ends; its result goes nowhere
        QCOMPARE(window.arrangement().size(), size_t(6));
    }

    void deletingABlockReevaluates()
    {
        MainWindow window;
        QSignalSpy finished(&window, &MainWindow::evaluationFinished);
        QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        QVERIFY(finished.wait(120000));
        QVERIFY(window.accuracyText().contains(QStringLiteral("2000 images")));

        QVERIFY(window.blockTable()->model()->setData(window.blockTable()->model()->index(4, 0), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!window.arrangement()[4].active);
        QVERIFY(finished.wait(120000));
        QVERIFY2(window.accuracyText().contains(QStringLiteral("1 block deleted")), qPrintable(window.accuracyText()));
    }

    void badFilesKeepThePreviousState()
    {
        MainWindow window;
        // Before the first model: the network panel says what is being read, and after a failure
        // that none is loaded (it said "No model loaded" while the bundled model loaded, issue 25).
        auto *summary = window.findChild<QLabel *>(QStringLiteral("networkSummary"));
        QVERIFY(summary->text().startsWith(QStringLiteral("No model loaded")));
        window.openModel(QString::fromStdString(testing::fixture("random_bytes.pt")));
        QVERIFY2(summary->text().contains(QStringLiteral("Reading")) && summary->text().contains(QStringLiteral("random_bytes.pt")),
                 qPrintable(summary->text()));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        QCOMPARE(window.loadFailures(), 1);
        QVERIFY(summary->text().startsWith(QStringLiteral("No model loaded")));
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        QVERIFY(summary->text().contains(QStringLiteral("cifar20.pt")));
        QVERIFY(!testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("random_bytes.pt"))); }));
        QVERIFY(window.lastError().contains(QStringLiteral("random_bytes.pt")));
        QVERIFY(!testing::loads(window, [&] { window.openData(QStringLiteral("/no/such/folder")); }));
        QVERIFY(window.lastError().contains(QStringLiteral("/no/such/folder")));
        QCOMPARE(window.blockTable()->model()->rowCount(), 9);

        // A broken file dropped onto the window: the same error, the same state.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(QString::fromStdString(testing::fixture("truncated.pt")))});
        QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QVERIFY(!testing::loads(window, [&] {
            static_cast<QObject &>(window).event(&drop); // past QApplication, which delivers drops only from a real drag
        }));
        QVERIFY2(window.lastError().contains(QStringLiteral("truncated.pt")), qPrintable(window.lastError()));
        QCOMPARE(window.blockTable()->model()->rowCount(), 9);
        QVERIFY(window.windowTitle().contains(QStringLiteral("cifar20.pt")));
    }

    // An edit greys the old number until its own first estimate; timings are recorded; a smaller
    // live subset and then the full test set apply at once and keep the arrangement.
    void staleMarkTimingsAndLiveSubset()
    {
        MainWindow window;
        QSignalSpy finished(&window, &MainWindow::evaluationFinished);
        QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        QVERIFY(finished.wait(120000));
        QVERIFY(!window.accuracyIsStale());
        window.editor()->toggle(5);
        QVERIFY(window.accuracyIsStale());
        QVERIFY(window.accuracyText().contains(QStringLiteral("stale")));
        QVERIFY(finished.wait(120000));
        QVERIFY(!window.accuracyIsStale());
        const MainWindow::Timing timing = window.lastTiming();
        QVERIFY(timing.firstEstimateMs >= 0 && timing.firstEstimateMs <= timing.finishedMs);
        const Arrangement edited = window.arrangement();

        const auto network = Network::load(testing::fixture("cifar20.pt"));
        const Dataset data = loadDataset(testing::fashionMnist());
        for (const qint64 images : {qint64(500), qint64(-1)}) {
            Preferences preferences = window.preferences();
            preferences.liveImages = images;
            preferences.threads = 1;
            QVERIFY(testing::loads(window, [&] { window.setPreferences(preferences); }));
            QCOMPARE(window.liveImageCount(), images > 0 ? images : data.size());
            QVERIFY(window.arrangement() == edited);
            QVERIFY(window.editor()->undoStack()->canUndo()); // the history stays
            QVERIFY(finished.wait(300000)); // the original on the new images, then the edit
            if (images < 0) // the full test set, accuracy only of the arrangement is compared below
                QVERIFY(window.accuracyText().contains(QStringLiteral("10000 images")));
            Engine fresh(network, stratifiedSubset(data, images));
            QCOMPARE(finished.last().at(0).toDouble(), fresh.evaluate({edited}).accuracy[0]);
        }
    }

    // The tour opens its own models, which ends this model's measurements: it asks first (a
    // finished 14-minute Delete k and a running Reorder were dropped without a word, issue 25).
    void tourAsksBeforeDroppingMeasurements()
    {
        MainWindow window;
        setLiveImages(window, 100);
        QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        QAction *tour = nullptr;
        for (QAction *action : window.findChildren<QAction *>())
            if (action->text() == QLatin1String("&Lecture Tour"))
                tour = action;
        QVERIFY(tour);
        QSignalSpy lesion(window.analysis(), &Analysis::lesionUpdated);
        window.measureSingleDeletions();
        QVERIFY(lesion.wait(120000));
        while (!lesion.last().at(0).value<Analysis::Lesion>().finished)
            QVERIFY(lesion.wait(120000));
        QCOMPARE(window.analysisController()->measuredOnRequest(), QStringList{QStringLiteral("single deletion")});

        QString asked;
        const auto answer = [&](QMessageBox::StandardButton button) {
            QTimer::singleShot(50, [&asked, button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (!box)
                    return;
                asked = box->text();
                box->button(button)->click();
            });
        };
        answer(QMessageBox::Cancel);
        tour->trigger();
        QVERIFY2(asked.contains(QLatin1String("single deletion")), qPrintable(asked));
        QVERIFY(!window.lectureTour()->isRunning());
        QVERIFY(window.livePlots()->plot("single-deletion"));
        QCOMPARE(window.analysisController()->measuredOnRequest().size(), 1);

        asked.clear();
        answer(QMessageBox::Discard);
        tour->trigger();
        QVERIFY(!asked.isEmpty());
        QVERIFY(window.lectureTour()->isRunning());
    }

    // Single deletion measured on request fills the tab with the same numbers the engine gives; its
    // data exports as CSV. The surviving-paths tab follows the deletions.
    void singleDeletionAndSurvivingPaths()
    {
        MainWindow window;
        setLiveImages(window, 300);
        QSignalSpy finished(&window, &MainWindow::evaluationFinished);
        QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        QVERIFY(window.livePlots()->plot("single-deletion") == nullptr);
        QSignalSpy lesion(window.analysis(), &Analysis::lesionUpdated);
        window.measureSingleDeletions();
        // Said at once, not "press Measure" until the first estimate seconds later.
        QCOMPARE(window.livePlots()->findChild<QLabel *>(QStringLiteral("lesionStatus"))->text(),
                 QStringLiteral("Measuring each single deletion on 300 images…"));
        // Within the first batch: no counts yet, only how far it is, said with the time left (the
        // tab said nothing else for the first 23 s on ResNet-110); no figure of zero images.
        Analysis::Lesion early;
        early.imagesTotal = 300;
        early.fraction = 0.25;
        Q_EMIT window.analysis()->lesionUpdated(early);
        const QString progress = window.livePlots()->findChild<QLabel *>(QStringLiteral("lesionStatus"))->text();
        QVERIFY2(progress.startsWith(QStringLiteral("Measuring each single deletion: ")) && progress.contains(QStringLiteral("elapsed")),
                 qPrintable(progress));
        QVERIFY(window.livePlots()->plot("single-deletion") == nullptr);
        QVERIFY(lesion.wait(120000));
        while (!lesion.last().at(0).value<Analysis::Lesion>().finished)
            QVERIFY(lesion.wait(120000));
        const Analysis::Lesion result = lesion.last().at(0).value<Analysis::Lesion>();
        QCOMPARE(result.imagesTotal, qint64(300));

        Engine fresh(Network::load(testing::fixture("cifar20.pt")), stratifiedSubset(loadDataset(testing::fashionMnist()), 300));
        const SingleDeletions plan = singleDeletions(fresh.info());
        const EvalResult expected = fresh.evaluate(plan.arrangements);
        QCOMPARE(result.result.baseline, expected.accuracy[0]);
        for (size_t j = 0; j < plan.blocks.size(); ++j)
            QCOMPARE(result.result.blocks[plan.blocks[j]].accuracy, expected.accuracy[j + 1]);
        // Per class and the agreement of the variants, as core computes them from the same images.
        QVERIFY(result.classImages == expected.classImages);
        QVERIFY(result.baselineClassCorrect == expected.classCorrect[0]);
        for (size_t j = 0; j < plan.blocks.size(); ++j)
            QVERIFY(result.classCorrect[plan.blocks[j]] == expected.classCorrect[j + 1]);
        const EvalResult predicted = fresh.evaluatePredictions(plan.arrangements);
        const EnsembleReading reading = singleDeletionEnsemble(plan, predicted, fresh.labels(), fresh.info().classCount);
        QVERIFY(result.ensemble.disagreement == reading.disagreement);
        QCOMPARE(result.ensemble.majorityCorrect, reading.majorityCorrect);
        QVERIFY(window.livePlots()->plot("single-deletion-classes"));
        QVERIFY(window.livePlots()->plot("disagreement"));

        QVERIFY(window.livePlots()->plot("single-deletion"));
        // The export is the result's CSV, with pathlens-cli's columns (tst_resultexport compares
        // it with the CLI's file byte for byte).
        QTemporaryDir dir;
        window.exports()->writeData("single-deletion", dir.filePath("lesion.csv"));
        QFile csv(dir.filePath("lesion.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.first(), QByteArray("index,name,stage,downsampling,accuracy,baseline"));
        QCOMPARE(lines.size(), 1 + int(fresh.info().blocks.size()));
        QCOMPARE(lines[5].split(',')[4], QString::number(expected.accuracy[5], 'g', 10).toUtf8());

        // Two deletions: the fraction of paths of each length that survive, C(n-2, k) / C(n, k).
        window.editor()->toggle(1);
        window.editor()->toggle(2);
        QCustomPlot *surviving = window.livePlots()->plot("surviving-paths");
        QCOMPARE(surviving->graphCount(), 1);
        const auto fraction = survivingFraction(9, 2);
        for (int k = 0; k <= 9; ++k)
            PL_COMPARE_NEAR((surviving->graph(0)->data()->begin() + k)->value, 100 * fraction[k], 1e-10); // in %, as Path lengths
    }

    // Fig. 5 on request: the sweeps are core's deleteKSweep and reorderSweep on the live images with
    // the seed they report, split by the critical blocks of the single deletions measured before,
    // and export as the CSV that pathlens-cli delete-k / reorder --csv write.
    void randomDeletionAndReorderSweeps()
    {
        MainWindow window;
        setLiveImages(window, 200);
        QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
        // The bundled plain control: trained (the fixtures are not: their accuracies barely move), every
        // deletion critical, and its layers can trade places.
        const QString model = QStringLiteral(PATHLENS_MODELS_DIR "/plain15-fashion.pt");
        QVERIFY(testing::loads(window, [&] { window.openModel(model); }));
        QSignalSpy lesion(window.analysis(), &Analysis::lesionUpdated);
        window.measureSingleDeletions();
        do
            QVERIFY(lesion.wait(120000));
        while (!lesion.last().at(0).value<Analysis::Lesion>().finished);
        const LesionResult lesionResult = lesion.last().at(0).value<Analysis::Lesion>().result;

        Engine fresh(Network::load(model.toStdString()), stratifiedSubset(loadDataset(testing::fashionMnist()), 200));
        // 3 arrangements per k, not the default 10: each sweep is evaluated twice here (the GUI's
        // and core's), and 800 evaluations took two minutes of CI.
        window.livePlots()->findChild<QSpinBox *>(QStringLiteral("sweepSamples"))->setValue(3);
        QSignalSpy swept(window.analysis(), &Analysis::sweepUpdated);
        for (const bool reorder : {false, true}) {
            const QString name = reorder ? QStringLiteral("reorder") : QStringLiteral("delete-k");
            // While it runs, the figure fills in with the samples counted so far (issue 25: Delete k
            // showed nothing for 14 minutes). The window's own handler runs first.
            int partialFigures = 0;
            // Stop only beside the measurement that runs: the finished single deletion's tab said
            // "Done" beside an enabled Stop.
            const auto stopBeside = [&](const char *status) {
                QWidget *controls = window.livePlots()->findChild<QLabel *>(QString::fromLatin1(status))->parentWidget();
                for (QPushButton *button : controls->findChildren<QPushButton *>())
                    if (button->text() == QLatin1String("Stop"))
                        return button->isEnabled();
                return false;
            };
            bool stopsRight = true;
            const auto partial = connect(window.analysis(), &Analysis::sweepUpdated, this, [&](const Analysis::Sweep &sweep) {
                if (!sweep.finished && sweep.samplesCounted > 0 && window.livePlots()->plot(name))
                    ++partialFigures;
                if (!sweep.finished)
                    stopsRight = stopsRight && stopBeside("sweepStatus") && !stopBeside("lesionStatus");
            });
            window.measureSweep(reorder);
            do
                QVERIFY(swept.wait(300000));
            while (!swept.last().at(0).value<Analysis::Sweep>().finished);
            disconnect(partial);
            QVERIFY(partialFigures > 0);
            QVERIFY(stopsRight);
            const SweepResult shown = swept.last().at(0).value<Analysis::Sweep>().result;
            QCOMPARE(shown.samples, window.livePlots()->sweepSamples());
            const int deletable = int(deletableBlocks(fresh.info(), false).size());
            SweepResult expected = reorder ? reorderSweep(fresh, 20, shown.samples, uint64_t(shown.seed))
                                           : deleteKSweep(fresh, std::min(20, deletable), shown.samples, uint64_t(shown.seed));
            expected.model = model.toStdString();
            expected.critical = touchableCritical(fresh.info(), criticalBlocks(lesionResult), false);
            QCOMPARE(shown.points.size(), expected.points.size());
            QVERIFY(shown.points.size() > 5);
            for (size_t i = 0; i < expected.points.size(); ++i) {
                QCOMPARE(shown.points[i].k, expected.points[i].k);
                QVERIFY(shown.points[i].accuracies == expected.points[i].accuracies);
                QVERIFY(shown.points[i].taus == expected.points[i].taus);
            }
            QVERIFY(shown.critical == expected.critical);
            QCOMPARE(int(shown.critical.size()), 15);
            QVERIFY(shown.points.back().mean < shown.baseline - 0.3); // not a flat line

            QVERIFY(window.livePlots()->plot(name));
            QVERIFY(!reorder || window.livePlots()->plot("reorder-tau"));
            QTemporaryDir dir;
            window.exports()->writeData(name, dir.filePath("sweep.csv"));
            QFile csv(dir.filePath("sweep.csv"));
            QVERIFY(csv.open(QIODevice::ReadOnly));
            QCOMPARE(csv.readAll(), QByteArray::fromStdString(toCsv(expected)));
        }
        window.livePlots()->showTab("reorder-tau");
        QCOMPARE(window.livePlots()->currentTabName(), QStringLiteral("delete-k")); // the tab's first plot
        window.livePlots()->showTab("confusion-change");
        QCOMPARE(window.livePlots()->currentTabName(), QStringLiteral("per-class"));
    }

    // The bundled plain control has one path, through every layer: the path-length plots show it
    // at its length (not the binomial of a residual network) and any deletion breaks it.
    void plainNetworkHasOnePathInThePlots()
    {
        MainWindow window;
        setLiveImages(window, 100);
        QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
        QVERIFY(testing::loads(window, [&] { window.openModel(QStringLiteral(PATHLENS_MODELS_DIR "/plain15-fashion.pt")); }));
        window.editor()->toggle(3);
        QCustomPlot *lengths = window.livePlots()->plot("path-lengths");
        QCOMPARE(lengths->graphCount(), 2);
        for (int g = 0; g < 2; ++g) { // the original's one path at 15 layers, the current one at 14
            const int length = g == 0 ? 15 : 14;
            for (auto point = lengths->graph(g)->data()->begin(); point != lengths->graph(g)->data()->end(); ++point)
                QCOMPARE(point->value, int(point->key) == length ? 100.0 : 0.0);
        }
        QCustomPlot *surviving = window.livePlots()->plot("surviving-paths");
        QCOMPARE(surviving->graphCount(), 1);
        for (auto point = surviving->graph(0)->data()->begin(); point != surviving->graph(0)->data()->end(); ++point)
            QCOMPARE(point->value, 0.0);
    }

    // Per class on request: the current arrangement against the original with core's counts, the
    // figures made, and greyed once the arrangement changes.
    void perClassComparison()
    {
        MainWindow window;
        setLiveImages(window, 200);
        QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        window.editor()->toggle(1);
        QSignalSpy compared(window.analysis(), &Analysis::classesCompared);
        Q_EMIT window.livePlots()->classesRequested();
        QVERIFY(compared.wait(120000));
        const auto result = compared.last().at(0).value<Analysis::ClassComparison>();
        Engine fresh(Network::load(testing::fixture("cifar20.pt")), stratifiedSubset(loadDataset(testing::fashionMnist()), 200));
        const EvalResult expected = fresh.evaluate({identityArrangement(9), window.editor()->arrangement()});
        QCOMPARE(result.images, qint64(200));
        QVERIFY(result.original.correct == expected.classCorrect[0]);
        QVERIFY(result.current.correct == expected.classCorrect[1]);
        QVERIFY(result.current.images == expected.classImages);
        QCOMPARE(result.classNames.front(), std::string("T-shirt/top"));
        QCustomPlot *bars = window.livePlots()->plot("per-class");
        QVERIFY(bars && window.livePlots()->plot("confusion-change"));
        QVERIFY(bars->isEnabled());
        window.editor()->toggle(2);
        QVERIFY(!bars->isEnabled()); // measured for the arrangement before
    }

    // Gradients on request: a figure with one point per path length, fed to the lattice, marked
    // stale after an edit.
    void gradientsFeedTheLattice()
    {
        MainWindow window;
        setLiveImages(window, 200);
        QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        QSignalSpy gradients(window.analysis(), &Analysis::gradientsUpdated);
        QSignalSpy stopped(window.analysis(), &Analysis::stopped);
        window.measureGradients();
        QCOMPARE(window.livePlots()->findChild<QLabel *>(QStringLiteral("gradientStatus"))->text(),
                 QStringLiteral("Measuring 5 samples per path length…"));
        QVERIFY(stopped.wait(300000));
        QVERIFY(!gradients.isEmpty());
        const auto last = gradients.last();
        QCOMPARE(last.at(1).toInt(), last.at(2).toInt()); // every sample done
        const GradientResult result = last.at(0).value<GradientResult>();
        QCOMPARE(result.mean.size(), size_t(10)); // 9 active blocks: lengths 0..9
        QVERIFY(window.livePlots()->plot("gradients"));
        window.pathGraph()->setMode(PathGraph::Mode::Lattice);
        window.pathGraph()->setWidthByGradient(true);
        QVERIFY(window.pathGraph()->widthByGradient());
        window.editor()->toggle(3);
        QVERIFY(!window.pathGraph()->widthByGradient()); // measured for another arrangement
    }

    // An image folder opens like any data set: Fashion-MNIST test images written as PNG files in
    // one folder per class, one broken file skipped; the accuracy equals the engine's on the same
    // images read from IDX.
    void opensAnImageFolder()
    {
        const Dataset idx = stratifiedSubset(loadDataset(testing::fashionMnist()), 60);
        QTemporaryDir dir;
        for (int64_t i = 0; i < idx.size(); ++i) {
            const QString classDir = dir.filePath(QString::fromStdString(idx.classNames[size_t(idx.labels[size_t(i)])]));
            QDir().mkpath(classDir);
            const QImage image(idx.pixels.data() + i * 784, 28, 28, 28, QImage::Format_Grayscale8);
            QVERIFY(image.save(QStringLiteral("%1/%2.png").arg(classDir).arg(i, 3, 10, QLatin1Char('0'))));
        }
        QFile broken(dir.filePath(QString::fromStdString(idx.classNames[0]) + "/broken.png"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not a PNG");
        broken.close();

        MainWindow window;
        QSignalSpy finished(&window, &MainWindow::evaluationFinished);
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        QVERIFY2(testing::loads(window, [&] { window.openData(dir.path()); }), qPrintable(window.lastError()));
        QCOMPARE(window.liveImageCount(), qint64(60));
        QVERIFY(finished.wait(120000));
        Engine fresh(Network::load(testing::fixture("cifar20.pt")), idx);
        PL_COMPARE_NEAR(finished.last().at(0).toDouble(), fresh.evaluate({identityArrangement(9)}).accuracy[0], 1e-12);
    }

    void themes()
    {
        MainWindow window;
        Preferences preferences = window.preferences();
        preferences.theme = Preferences::Theme::Dark;
        QVERIFY(testing::loads(window, [&] { window.setPreferences(preferences); }));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
        preferences.theme = Preferences::Theme::Light;
        QVERIFY(testing::loads(window, [&] { window.setPreferences(preferences); }));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        preferences.theme = Preferences::Theme::Dark;
        QVERIFY(testing::loads(window, [&] { window.setPreferences(preferences); }));
        window.setPresentationMode(true); // high contrast over any theme
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::white));
        QCOMPARE(QApplication::palette().color(QPalette::WindowText), QColor(Qt::black));
        window.setPresentationMode(false); // back to the theme chosen
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
        // View → Theme chooses it too, and follows a choice made in Settings.
        auto themeAction = [&](const QString &text) {
            for (QAction *action : window.findChildren<QAction *>())
                if (action->text() == text && action->isCheckable())
                    return action;
            return static_cast<QAction *>(nullptr);
        };
        QAction *dark = themeAction(QStringLiteral("&Dark"));
        QAction *light = themeAction(QStringLiteral("&Light"));
        QVERIFY(dark && light);
        QVERIFY(dark->isChecked());
        QVERIFY(testing::loads(window, [&] { light->trigger(); }));
        QCOMPARE(window.preferences().theme, Preferences::Theme::Light);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        QVERIFY(light->isChecked() && !dark->isChecked());
        preferences.theme = Preferences::Theme::System;
        QVERIFY(testing::loads(window, [&] { window.setPreferences(preferences); }));
    }

    // The language of the settings replaces the system's; English needs no translation.
    void languageOverride()
    {
        QVERIFY(installTranslations(QStringLiteral("de")));
        {
            MainWindow window;
            QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
        }
        QVERIFY(!installTranslations(QStringLiteral("en")));
        MainWindow window;
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
    }

    // Undo after an evaluated edit: the original's number at once, from the cache, no evaluation.
    void undoShowsTheCachedNumber()
    {
        MainWindow window;
        setLiveImages(window, 300);
        QSignalSpy finished(&window, &MainWindow::evaluationFinished);
        QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        QVERIFY(finished.wait(120000));
        const double original = finished.last().at(0).toDouble();
        const QString originalText = window.accuracyText();
        // The tool bar's buttons stay where they are while the undo text grows.
        auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("editToolBar"));
        QAction *undo = toolBar->actions().first();
        const QWidget *undoButton = toolBar->widgetForAction(undo);
        const int undoWidth = undoButton->sizeHint().width();
        window.editor()->toggle(4);
        QVERIFY(undo->text().size() > QStringLiteral("&Undo").size()); // names the edit in the menu
        QCOMPARE(qobject_cast<const QToolButton *>(undoButton)->text(), QStringLiteral("Undo"));
        QCOMPARE(undoButton->sizeHint().width(), undoWidth);
        QVERIFY(finished.wait(120000));
        QVERIFY(finished.last().at(0).toDouble() != original || window.accuracyText() != originalText);
        const int runs = window.liveEvaluation()->evaluationsStarted();
        const int emitted = finished.count();
        window.editor()->undoStack()->undo();
        QCOMPARE(finished.count(), emitted + 1); // at once, without the event loop
        QCOMPARE(finished.last().at(0).toDouble(), original);
        QVERIFY(!window.accuracyIsStale());
        QCOMPARE(window.accuracyText(), originalText);
        QCOMPARE(window.liveEvaluation()->evaluationsStarted(), runs);
        QVERIFY(!window.liveEvaluation()->isRunning());
    }

    // cifar20 on 2000 live images with one thread: a measurement long enough to be stopped.
    static bool openForALongMeasurement(MainWindow &window, Preferences &preferences)
    {
        preferences = window.preferences();
        preferences.liveImages = 2000;
        preferences.threads = 1;
        return testing::loads(window, [&] { window.setPreferences(preferences); })
               && testing::loads(window, [&] { window.openData(testing::fashionMnist()); })
               && testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); });
    }

    // A settings change while single deletions are measured stops the measurement; nothing of it
    // arrives in the plots cleared for the new engine.
    void settingsChangeStopsAnalyses()
    {
        MainWindow window;
        Preferences preferences;
        QVERIFY(openForALongMeasurement(window, preferences));
        QSignalSpy lesion(window.analysis(), &Analysis::lesionUpdated);
        window.measureSingleDeletions();
        QVERIFY(lesion.wait(120000));
        QVERIFY(window.analysis()->isRunning());
        QVERIFY(!lesion.last().at(0).value<Analysis::Lesion>().finished);
        preferences.threads = 2;
        QVERIFY(testing::loads(window, [&] { window.setPreferences(preferences); }));
        QVERIFY(!window.analysis()->isRunning());
        const int updates = lesion.count();
        QTest::qWait(1500);
        QCOMPARE(lesion.count(), updates);
        QVERIFY(window.livePlots()->plot("single-deletion") == nullptr);
        // The tabs start over with the new engines: no "Stopped" beside nothing drawn.
        QCOMPARE(window.livePlots()->findChild<QLabel *>(QStringLiteral("lesionStatus"))->text(),
                 QStringLiteral("Accuracy of the original network with each single block deleted: press Measure."));
    }

    // Stop during Delete k: the tab says it stopped (it went on saying "about 476 s left"), and
    // the samples counted until then stay drawn.
    void stopSaysStopped()
    {
        MainWindow window;
        Preferences preferences;
        QVERIFY(openForALongMeasurement(window, preferences));
        QSignalSpy swept(window.analysis(), &Analysis::sweepUpdated);
        QSignalSpy stopped(window.analysis(), &Analysis::stopped);
        window.measureSweep(false);
        QTRY_VERIFY_WITH_TIMEOUT(window.livePlots()->plot("delete-k") != nullptr, 120000); // the first samples
        QVERIFY(!swept.last().at(0).value<Analysis::Sweep>().finished);
        Q_EMIT window.livePlots()->stopRequested();
        QTRY_VERIFY_WITH_TIMEOUT(stopped.count() > 0, 60000); // said at once, or when the job reaches its next arrangement
        const QString status = window.livePlots()->findChild<QLabel *>(QStringLiteral("sweepStatus"))->text();
        QVERIFY2(status.startsWith(QStringLiteral("Stopped")), qPrintable(status));
        QVERIFY(window.livePlots()->plot("delete-k") != nullptr);
    }

    // Redo on both of its usual keys (Ctrl+Shift+Z used to be bound twice, an "ambiguous
    // shortcut" that did nothing, and Ctrl+Y not at all), Settings on Ctrl+, (no key on Linux).
    void redoAndSettingsShortcuts()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("[Aa]mbiguous")));
        MainWindow window;
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.editor()->toggle(1).isEmpty());
        for (const QKeyCombination redoKey : {Qt::CTRL | Qt::SHIFT | Qt::Key_Z, Qt::CTRL | Qt::Key_Y}) {
            QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
            QVERIFY(window.arrangement()[1].active);
            QTest::keyClick(&window, redoKey.key(), redoKey.keyboardModifiers());
            QVERIFY2(!window.arrangement()[1].active, qPrintable(QKeySequence(redoKey).toString()));
        }
        QVERIFY(!window.findChild<SettingsDialog *>());
        QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
        auto *settings = window.findChild<SettingsDialog *>();
        QVERIFY(settings && settings->isVisible());
        settings->reject();
    }

    // Actions that cannot apply are disabled: reset at the original, Close Comparison without one.
    void actionsDisabledWhereTheyCannotApply()
    {
        MainWindow window;
        auto action = [&](const QString &text) {
            for (QAction *candidate : window.findChildren<QAction *>())
                if (candidate->text() == text)
                    return candidate;
            return static_cast<QAction *>(nullptr);
        };
        QAction *reset = action(QStringLiteral("Re&set to the Original"));
        QAction *closeComparison = action(QStringLiteral("C&lose Comparison"));
        QAction *save = action(QStringLiteral("&Save Session…"));
        QVERIFY(reset && closeComparison && save);
        QVERIFY(!reset->isEnabled() && !closeComparison->isEnabled() && !save->isEnabled());
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        QVERIFY(save->isEnabled() && !reset->isEnabled());
        window.editor()->toggle(1);
        QVERIFY(reset->isEnabled());
        QVERIFY(window.hasUnsavedArrangement());
        window.editor()->undoStack()->undo();
        QVERIFY(!reset->isEnabled() && !closeComparison->isEnabled());
        QVERIFY(!window.hasUnsavedArrangement()); // back where it was saved
        // Deleted and restored by two edits (not undo): the same arrangement, no quit prompt (issue 25).
        window.editor()->toggle(1);
        window.editor()->toggle(1);
        QVERIFY(!window.editor()->undoStack()->isClean());
        QVERIFY(!window.hasUnsavedArrangement());
        window.editor()->toggle(2);
        QVERIFY(window.hasUnsavedArrangement());
    }

    // English plural forms come from the English translation; the F1 sheet from the actions.
    void pluralsAndShortcutSheet()
    {
        MainWindow window;
        // The accuracy label's plural, from the English translation file.
        QCOMPARE(AccuracyPanel::tr("%n block(s) deleted", nullptr, 1), QStringLiteral("1 block deleted"));
        QCOMPARE(AccuracyPanel::tr("%n block(s) deleted", nullptr, 3), QStringLiteral("3 blocks deleted"));
    }

    void shortcutSheetListsTheEditingKeys()
    {
        MainWindow window;
        const QString sheet = window.shortcutSheet();
        for (const char *keys : {"Space", "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+,", "Ctrl+R", "F11", "Esc"})
            QVERIFY2(sheet.contains(QLatin1String(keys)), keys);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
