// The lecture tour: its file format (malformed files refused with the file and step named), and
// the built-in tour walked from first to last step on the bundled models and Fashion-MNIST.

#include "analysiscontroller.h"
#include "arrangementeditor.h"
#include "blockstrip.h"
#include "lecturetour.h"
#include "liveevaluation.h"
#include "liveplots.h"
#include "mainwindow.h"
#include "networkpanel.h"
#include "pathgraph.h"
#include "paths.h"
#include "recentfiles.h"
#include "storedresults.h"
#include "testhelpers.h"
#include "tour.h"
#include "workspace.h"

#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFontMetrics>
#include <QJsonObject>
#include <QJsonDocument>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <qcustomplot.h>

#include <algorithm>
#include <cstdio>
#include <numeric>

using namespace pathlens;

namespace {

// A tour of one step, with `step` as that step's JSON.
QByteArray tourWith(const QByteArray &step)
{
    return R"({"title": {"en": "T", "de": "T"}, "models": {"resnet": "resnet110-fashion.pt"}, "steps": [)"
           R"({"caption": {"en": "first", "de": "erste"}, "actions": [{"open": "resnet"}]}, )"
           + step + "]}";
}

// The bundled models where the tour looks for them, and a small live subset (100 images).
bool readyForTheTour(MainWindow &window)
{
    window.recentFiles()->setModelsFolder(QStringLiteral(PATHLENS_MODELS_DIR));
    Preferences preferences = window.preferences();
    preferences.liveImages = 100;
    return testing::loads(window, [&] { window.setPreferences(preferences); });
}


// A tour file in `folder`, as a lecturer's own tour is opened; empty if it could not be written.
QString writeLecture(const QTemporaryDir &folder, const QByteArray &json)
{
    const QString path = folder.filePath(QStringLiteral("lecture.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
        return {};
    return path;
}

} // namespace

class TestTour final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the user's own settings stay untouched
        QSettings().clear();
    }

    void readsTheBuiltInTour()
    {
        Tour tour;
        QCOMPARE(loadTour(LectureTour::builtInTour(), tour), QString());
        QCOMPARE(tour.steps.size(), 11);
        QVERIFY(tour.title.de != tour.title.en);
        // The file names of the bundled models are in "models" only; steps name the models.
        QCOMPARE(tour.models.value(QStringLiteral("plain")), QStringLiteral("plain15-fashion.pt"));
        QCOMPARE(tour.modelAt(2), QStringLiteral("plain"));
        QCOMPARE(tour.modelAt(3), QStringLiteral("resnet110"));
        QCOMPARE(tour.modelAt(10), QStringLiteral("vit")); // "Transformers too"
        QCOMPARE(tour.viewAt(0).graph, QStringLiteral("unraveled"));
        QCOMPARE(tour.viewAt(0).size, 3);
        QCOMPARE(tour.viewAt(6).tab, QStringLiteral("gradients"));
        QVERIFY(tour.viewAt(6).widthByGradient);
        for (const QString &name : tour.models)
            QVERIFY2(QFile::exists(QStringLiteral(PATHLENS_MODELS_DIR "/") + name), qPrintable(name));
    }

    void refusesMalformedTours_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("reason");
        QTest::newRow("bad JSON") << QByteArray(R"({"title": )") << QStringList{"lecture.json", "bad JSON"};
        QTest::newRow("no steps") << QByteArray(R"({"title": {"en": "T", "de": "T"}, "steps": []})")
                                  << QStringList{"lecture.json", "steps"};
        QTest::newRow("unknown action") << tourWith(R"({"caption": {"en": "a", "de": "b"}, "actions": [{"explode": 3}]})")
                                        << QStringList{"lecture.json", "step 2", "unknown action", "explode"};
        QTest::newRow("missing caption") << tourWith(R"({"actions": [{"reset": true}]})")
                                         << QStringList{"lecture.json", "step 2", "caption is missing"};
        QTest::newRow("missing German") << tourWith(R"({"caption": {"en": "only English"}})")
                                        << QStringList{"lecture.json", "step 2", "no \"de\" text"};
        QTest::newRow("empty English") << tourWith(R"({"caption": {"en": " ", "de": "b"}})")
                                       << QStringList{"lecture.json", "step 2", "no \"en\" text"};
        QTest::newRow("unknown model") << tourWith(R"({"caption": {"en": "a", "de": "b"}, "actions": [{"open": "vgg"}]})")
                                       << QStringList{"lecture.json", "step 2", "\"vgg\""};
        QTest::newRow("unknown number") << tourWith(R"({"caption": {"en": "a {accuracy}", "de": "b {genauigkeit}"}})")
                                        << QStringList{"lecture.json", "step 2", "de caption", "{genauigkeit}"};
        QTest::newRow("unknown setting") << tourWith(R"({"caption": {"en": "a", "de": "b"}, "actions": [{"show": "lattice", "first": 2}]})")
                                         << QStringList{"lecture.json", "step 2", "\"first\""};
        QTest::newRow("bad block") << tourWith(R"({"caption": {"en": "a", "de": "b"}, "actions": [{"delete": [-1]}]})")
                                   << QStringList{"lecture.json", "step 2", "not a block number"};
        QTest::newRow("parallel of one slot") << tourWith(R"({"caption": {"en": "a", "de": "b"}, "actions": [{"parallel": [3, 3]}]})")
                                              << QStringList{"lecture.json", "step 2", "FIRST < LAST"};
        QTest::newRow("parallel join") << tourWith(R"({"caption": {"en": "a", "de": "b"}, "actions": [{"parallel": [3, 5], "join": "max"}]})")
                                       << QStringList{"lecture.json", "step 2", "\"join\""};
        QTest::newRow("edit before open")
            << QByteArray(R"({"title": {"en": "T", "de": "T"}, "steps": [{"caption": {"en": "a", "de": "b"}, "actions": [{"delete": [1]}]}]})")
            << QStringList{"lecture.json", "step 1", "before any \"open\""};
    }

    void refusesMalformedTours()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, reason);
        // From a file, as a lecturer's own tour is opened; the window shows the same reason.
        QTemporaryDir folder;
        const QString path = writeLecture(folder, json);
        QVERIFY(!path.isEmpty());
        Tour tour;
        const QString why = loadTour(path, tour);
        for (const QString &fragment : reason)
            QVERIFY2(why.contains(fragment), qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(why, fragment)));
        QVERIFY(tour.steps.isEmpty()); // nothing of it is taken

        MainWindow window;
        QVERIFY(!window.startLectureTour(path));
        QCOMPARE(window.lastError(), why);
        QVERIFY(!window.lectureTour()->isRunning());
    }

    void refusesResultsOfAnotherModel()
    {
        // The stored results name their model by its SHA-256: a retrained model is not shown
        // with its predecessor's numbers.
        QTemporaryDir folder;
        const QString model = folder.filePath(QStringLiteral("resnet110-fashion.pt"));
        QVERIFY(QFile::copy(QStringLiteral(PATHLENS_MODELS_DIR "/plain15-fashion.pt"), model));
        QVERIFY(QFile::copy(QStringLiteral(PATHLENS_MODELS_DIR "/resnet110-fashion.results.json"), storedResultsPath(model)));
        StoredResults results;
        const QString why = loadStoredResults(model, results);
        QVERIFY2(why.contains(QStringLiteral("resnet110-fashion.results.json")) && why.contains(QStringLiteral("SHA-256"))
                     && why.contains(QStringLiteral("measure-results.sh")),
                 qPrintable(why));
        QCOMPARE(loadStoredResults(QStringLiteral(PATHLENS_MODELS_DIR "/resnet110-fashion.pt"), results), QString());
        QVERIFY(results.lesion && results.gradients);
        QCOMPARE(int(results.lesion->result.blocks.size()), 54);
        for (const LesionBlock &block : results.lesion->result.blocks) // a ResNet's blocks are of one kind
            QCOMPARE(block.unit, results.lesion->result.blocks[0].unit);
        QVERIFY(results.lesion->result.seconds > 1); // the status said "Done: 2000 images in 0.0 s."

        // The ViT's units keep their kinds, which the single-deletion figure marks (the tour's
        // "Transformers too" drew them all as one series).
        QCOMPARE(loadStoredResults(QStringLiteral(PATHLENS_MODELS_DIR "/vit12-fashion.pt"), results), QString());
        QCOMPARE(int(results.lesion->result.blocks.size()), 24);
        for (const LesionBlock &block : results.lesion->result.blocks)
            QCOMPARE(block.unit, std::string(block.index % 2 == 0 ? "attention" : "MLP"));
    }

    void fillsCaptions()
    {
        bool complete = true;
        const QString text = fillCaption(QStringLiteral("{a} of {b}"),
                                         [](const QString &name) -> std::optional<QString> {
                                             return name == QLatin1String("a") ? std::optional(QStringLiteral("9.8%")) : std::nullopt;
                                         },
                                         &complete);
        QCOMPARE(text, QStringLiteral("9.8% of …"));
        QVERIFY(!complete);
    }

    // The change is the difference of the numbers shown beside it: 77.20 % against 89.25 % shows
    // as 77.2% and 89.3%, so "−12.1" (the exact 12.05 printed "12.0").
    void changeIsTheDifferenceOfTheShownNumbers()
    {
        const QLocale english(QLocale::English);
        QCOMPARE(changeInPoints(0.772, 0.8925, english), QStringLiteral("−12.1"));
        QCOMPARE(changeInPoints(0.9515, 0.9515, english), QStringLiteral("+0.0"));
        QCOMPARE(changeInPoints(0.96, 0.9515, QLocale(QLocale::German)), QStringLiteral("+0,8"));
    }

    // The panel is as tall as its caption needs, also after a longer caption (it kept the height
    // of the longest caption shown, which a later presented step's plots then lacked).
    void panelShrinksAfterALongCaption()
    {
        const QString longText = QStringLiteral("A caption that runs on. ").repeated(40);
        const auto step = [](const QString &text, const QJsonArray &actions) {
            return QJsonObject{{"caption", QJsonObject{{"en", text}, {"de", text}}}, {"actions", actions}};
        };
        const QJsonObject tourJson{
            {"title", QJsonObject{{"en", "T"}, {"de", "T"}}},
            {"models", QJsonObject{{"resnet", "resnet110-fashion.pt"}}},
            {"steps", QJsonArray{step(QStringLiteral("short"), QJsonArray{QJsonObject{{"open", "resnet"}}}),
                                 step(longText, {}), step(QStringLiteral("short again"), {})}}};
        const QByteArray json = QJsonDocument(tourJson).toJson();
        QTemporaryDir folder;
        const QString path = writeLecture(folder, json);
        QVERIFY(!path.isEmpty());

        MainWindow window;
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(readyForTheTour(window));
        QVERIFY(testing::loads(window, [&] { window.openData(QString::fromLatin1(testing::fashionMnist())); }));
        LectureTour *tour = window.lectureTour();
        QVERIFY(window.startLectureTour(path));
        QTRY_VERIFY_WITH_TIMEOUT(tour->step() == 0 && tour->lastStepMs() >= 0, 120000);
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("tourDock"));
        QVERIFY(dock);
        QTest::qWait(200);
        const int shortHeight = dock->height();
        QVERIFY(tour->next());
        QTRY_COMPARE_WITH_TIMEOUT(tour->step(), 1, 120000);
        QTest::qWait(200);
        const int longHeight = dock->height();
        QVERIFY2(longHeight > shortHeight + 40, qPrintable(QStringLiteral("%1 then %2 px").arg(shortHeight).arg(longHeight)));
        auto *caption = dock->findChild<QLabel *>();
        QVERIFY(caption);
        const int textHeight = QFontMetrics(caption->font())
                                   .boundingRect(caption->contentsRect(), Qt::TextWordWrap, caption->text())
                                   .height();
        QVERIFY2(caption->contentsRect().height() >= textHeight, // every line of it visible
                 qPrintable(QStringLiteral("%1 px for %2 px of text").arg(caption->contentsRect().height()).arg(textHeight)));
        QVERIFY(tour->next());
        QTRY_COMPARE_WITH_TIMEOUT(tour->step(), 2, 120000);
        QTRY_VERIFY2_WITH_TIMEOUT(dock->height() <= shortHeight + 4,
                                  qPrintable(QStringLiteral("%1 px after %2 px, %3 px at first").arg(dock->height()).arg(longHeight).arg(shortHeight)),
                                  5000);
    }

    // Closing the tour's panel while its first step's model loads, then starting the tour again:
    // the old step is dropped when its model arrives and the new tour shows its first step (the
    // tour stayed stuck: the step being made was never reset, so go(0) only queued).
    void restartsAfterBeingStoppedDuringALoad()
    {
        MainWindow window;
        QVERIFY(readyForTheTour(window));
        QVERIFY(testing::loads(window, [&] { window.openData(QString::fromLatin1(testing::fashionMnist())); }));
        LectureTour *tour = window.lectureTour();
        QVERIFY(window.startLectureTour());
        QVERIFY(window.isLoading()); // step 1 opens the ResNet-110
        tour->stop();
        QVERIFY(testing::loads(window, [] {}));
        QVERIFY(!tour->isRunning());
        QCOMPARE(tour->step(), -1); // the stopped tour's step did not show
        QVERIFY(window.startLectureTour());
        QTRY_VERIFY2_WITH_TIMEOUT(tour->lastStepMs() >= 0, qPrintable(window.lastError()), 120000);
        QCOMPARE(tour->step(), 0);
        QVERIFY(tour->next());
        QTRY_COMPARE_WITH_TIMEOUT(tour->step(), 1, 120000);
    }

    // Started before any data is open (Help -> Lecture Tour at start): the tour reads the test
    // images first, then the step's model, and shows the step with both.
    void startsWithoutDataOpen()
    {
        MainWindow window;
        QVERIFY(readyForTheTour(window));
        QCOMPARE(window.work().data().size(), int64_t(0));
        QVERIFY(window.startLectureTour());
        QTRY_VERIFY2_WITH_TIMEOUT(window.lectureTour()->lastStepMs() >= 0, qPrintable(window.lastError()), 120000);
        QCOMPARE(window.lectureTour()->step(), 0);
        QVERIFY(window.work().data().size() > 0);
        QVERIFY(window.work().engine());
        QCOMPARE(window.loadFailures(), 0);
    }

    // A tour still open when the window closed did not come back at the next start as an empty
    // panel with End Tour, Back and Next (saved in the window's state, restored without a tour).
    void noEmptyTourPanelAtTheNextStart()
    {
        {
            MainWindow window;
            QVERIFY(readyForTheTour(window));
            window.show();
            QVERIFY(window.startLectureTour());
            QTRY_VERIFY2_WITH_TIMEOUT(window.lectureTour()->lastStepMs() >= 0, qPrintable(window.lastError()), 120000);
            QVERIFY(window.lectureTour()->dock()->isVisible());
            window.saveLayout(); // as closing does
        }
        MainWindow next;
        next.restoreLayout();
        next.show();
        QVERIFY(QTest::qWaitForWindowExposed(&next));
        QVERIFY(!next.lectureTour()->isRunning());
        QVERIFY(!next.lectureTour()->dock()->isVisible());
    }

    // Walks the built-in tour with the bundled models: each step's arrangement, view, tab and
    // caption (both languages, with the numbers of this network), and that what it shows came
    // from the evaluation cache and the stored results, never from a new measurement.
    void walksTheBuiltInTour()
    {
        MainWindow window;
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window)); // the Page keys are the window's shortcuts
        Preferences preferences = window.preferences();
        preferences.liveImages = 250; // an eighth of the default live subset: the test stays fast
        QVERIFY(testing::loads(window, [&] { window.setPreferences(preferences); }));
        window.recentFiles()->setModelsFolder(QStringLiteral(PATHLENS_MODELS_DIR));
        QVERIFY(testing::loads(window, [&] { window.openData(QString::fromLatin1(testing::fashionMnist())); }));

        LectureTour *tour = window.lectureTour();
        LiveEvaluation *live = window.liveEvaluation();
        QElapsedTimer total;
        total.start();
        QVERIFY(window.startLectureTour());
        const Tour &data = tour->tour();
        std::printf("step  shown after  settled after  evaluations  prefetched meanwhile\n");
        for (int step = 0; step < data.steps.size(); ++step) {
            const int evaluationsBefore = step == 0 ? 0 : live->evaluationsStarted();
            QElapsedTimer clock;
            clock.start();
            if (step > 0) {
                // Page Down, as a presenter's clicker sends it, with the focus on the block strip.
                window.blockStrip()->setFocus();
                QTest::keyClick(window.blockStrip(), Qt::Key_Right); // the arrow keys stay with the strip
                QCOMPARE(tour->step(), step - 1);
                QTest::keyClick(window.blockStrip(), Qt::Key_PageDown);
            }
            QTRY_COMPARE_WITH_TIMEOUT(tour->step(), step, 120000); // a step that opens a model waits for it
            QTRY_VERIFY2_WITH_TIMEOUT(tour->lastStepMs() >= 0, qPrintable(tour->caption(QStringLiteral("en")) + window.lastError()), 120000);
            const qint64 shownMs = clock.elapsed();
            const int prefetchesBefore = live->prefetchesStarted();
            QTRY_VERIFY2_WITH_TIMEOUT(tour->isSettled(), qPrintable(tour->caption(QStringLiteral("en")) + window.lastError()), 300000);
            std::printf("%4d  %8lld ms  %10lld ms  %11d  %d\n", step + 1, shownMs, clock.elapsed(),
                        live->evaluationsStarted() - evaluationsBefore, live->prefetchesStarted() - prefetchesBefore);
            std::fflush(stdout);

            const QString model = data.modelAt(step);
            QCOMPARE(QFileInfo(QString::fromStdString(window.editor()->network().path)).fileName(), data.models[model]);
            QCOMPARE(window.arrangement(), data.arrangementAt(step, window.editor()->network()));
            const TourView view = data.viewAt(step);
            QCOMPARE(window.pathGraph()->modeName(), view.graph);
            if (view.graph == QLatin1String("unraveled")) {
                QCOMPARE(window.pathGraph()->windowFirst(), view.first);
                QCOMPARE(window.pathGraph()->windowSize(), view.size);
            }
            if (view.tab == QLatin1String("accuracy")) // above the tabs, or the first of them when short of room
                QVERIFY(window.livePlots()->accuracyPlot()->isVisible());
            else
                QCOMPARE(window.livePlots()->currentTabName(), view.tab);
            QVERIFY(window.pathGraph()->isVisible());
            QVERIFY(window.livePlots()->isVisible());
            QVERIFY(tour->dock()->isVisible());

            // Measurements: none started by the tour; the live numbers from the cache. Only a
            // step that opens a model evaluates, its original and its own edits.
            QCOMPARE(window.analysisController()->measurementsStarted(), 0);
            const bool opens = std::any_of(data.steps[step].actions.begin(), data.steps[step].actions.end(),
                                           [](const TourAction &action) { return action.kind == TourAction::Kind::Open; });
            if (!opens)
                QCOMPARE(live->evaluationsStarted(), evaluationsBefore);
            const auto current = live->cached(window.arrangement());
            QVERIFY(current.has_value());

            for (const QString language : {QStringLiteral("en"), QStringLiteral("de")}) {
                const QString caption = tour->caption(language);
                QVERIFY2(!caption.contains(QLatin1Char('{')) && !caption.contains(QStringLiteral("…")), qPrintable(caption));
                const QString text = data.steps[step].caption.in(language);
                // The numbers are this network's, as measured now, in the language's own format.
                if (text.contains(QStringLiteral("{accuracy}")))
                    QVERIFY2(caption.contains(testing::percentIn(language, current->first)), qPrintable(caption));
                if (text.contains(QStringLiteral("{original}")))
                    QVERIFY2(caption.contains(testing::percentIn(language, live->originalAccuracy())), qPrintable(caption));
                // Paths of the arrangement shown, counted by length (a parallel group of m units
                // is passed m + 1 ways, the tour's last step): their sum, written as the tour does.
                if (text.contains(QStringLiteral("{paths}")) && window.arrangement().size() <= 30) {
                    const std::vector<double> counts = groupedPathCounts(activeGroupSizes(window.arrangement()));
                    const double paths = std::accumulate(counts.begin(), counts.end(), 0.0);
                    const QLocale locale(language == QLatin1String("de") ? QLocale::German : QLocale::English);
                    QVERIFY2(caption.contains(locale.toString(qint64(paths))), qPrintable(caption));
                }
                if (text.contains(QStringLiteral("{chance}")))
                    QVERIFY2(caption.contains(language == QLatin1String("de") ? QStringLiteral("10 %") : QStringLiteral("10%")),
                             qPrintable(caption));
            }
            QCOMPARE(tour->captionLabel()->text(), tour->caption(tour->language()));
            // Where a caption says "chance", the network must be near it (the plain control with a
            // layer deleted; the paper's Section 4.1): within 10 points of 1 in 10 classes.
            if (data.steps[step].caption.en.contains(QStringLiteral("{chance}")))
                PL_COMPARE_NEAR(current->first, 0.1, 0.1);
        }
        std::printf("walked %lld steps in %lld ms\n", qint64(data.steps.size()), total.elapsed());

        // Back (Page Up) shows the previous step again, from the cache.
        const int evaluations = live->evaluationsStarted();
        QTest::keyClick(window.blockStrip(), Qt::Key_PageUp);
        QTRY_COMPARE_WITH_TIMEOUT(tour->step(), data.steps.size() - 2, 120000);
        QTRY_VERIFY_WITH_TIMEOUT(tour->isSettled(), 120000);
        QCOMPARE(window.arrangement(), data.arrangementAt(tour->step(), window.editor()->network()));
        QCOMPARE(window.pathGraph()->modeName(), data.viewAt(tour->step()).graph);
        // ResNet-110 is opened again: its numbers, the original's too, are kept from before.
        QCOMPARE(live->evaluationsStarted(), evaluations);

        // A clicker's burst from the first step: four Page Downs 0.3 s apart, through two model
        // changes (steps 3 and 4 open the plain network and ResNet-110). The step shown at the end
        // is the last one asked for, with its own arrangement and caption, and no error came up.
        QVERIFY(tour->go(0));
        QTRY_VERIFY_WITH_TIMEOUT(tour->isSettled(), 120000);
        const int failures = window.loadFailures();
        const QString lastError = window.lastError();
        for (int press = 0; press < 4; ++press) {
            QTest::keyClick(window.blockStrip(), Qt::Key_PageDown);
            // Whatever is shown meanwhile, also while the next step's model loads, caption and
            // arrangement belong to the same step (the strip showed step 3 under step 2's caption).
            for (int look = 0; look < 6; ++look) {
                QTest::qWait(50);
                const int shown = tour->step();
                QCOMPARE(window.arrangement(), data.arrangementAt(shown, window.editor()->network()));
                const QString opening = data.steps[shown].caption.in(tour->language()).section(QLatin1Char('{'), 0, 0).left(20);
                QVERIFY2(tour->captionLabel()->text().startsWith(opening),
                         qPrintable(QStringLiteral("step %1 shown under '%2'").arg(shown + 1).arg(tour->captionLabel()->text())));
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(!tour->isApplying() && tour->isSettled(), 300000);
        QCOMPARE(tour->step(), 4);
        QCOMPARE(window.arrangement(), data.arrangementAt(4, window.editor()->network()));
        QCOMPARE(QFileInfo(QString::fromStdString(window.editor()->network().path)).fileName(), data.models[data.modelAt(4)]);
        QCOMPARE(tour->captionLabel()->text(), tour->caption(tour->language()));
        QVERIFY(tour->captionLabel()->text().startsWith(data.steps[4].caption.in(tour->language()).left(20)));
        QCOMPARE(window.loadFailures(), failures);
        QCOMPARE(window.lastError(), lastError);
    }
};

QTEST_MAIN(TestTour)
#include "tst_tour.moc"
