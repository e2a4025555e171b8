// The main window's layout with the bundled 54-block ResNet-110: every tile of the block strip in
// view and clickable at a projector's size and at a desktop's, the lecture layout, the tour's one
// figure at a time, tile geometry that does not follow the text of the accuracy label, and a
// double click that stays on its tile. Each test sets the window geometry itself and never reads
// the screen's size. The window after measurements, during the tour and in presentation mode at
// four screen sizes: tst_scenario.

#include "analysis.h"
#include "arrangementeditor.h"
#include "layoutchecks.h"
#include "lecturetour.h"
#include "liveplots.h"
#include "mainwindow.h"
#include "pathgraph.h"
#include "recentfiles.h"
#include "testhelpers.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QUndoStack>
#include <QWindow>
#include <qcustomplot.h>

using namespace pathlens;
using testing::clickAt;
using testing::settle;
using testing::tilesInWindow;

namespace {

QString bundledResNet110()
{
    return QStringLiteral(PATHLENS_MODELS_DIR "/resnet110-fashion.pt");
}

// The window with the bundled model, its live subset small so that the tests take seconds.
void openWithData(MainWindow &window, QSignalSpy &finished)
{
    Preferences preferences = window.preferences();
    preferences.liveImages = 200;
    QVERIFY(testing::loads(window, [&] { window.setPreferences(preferences); }));
    QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
    QVERIFY(testing::loads(window, [&] { window.openModel(bundledResNet110()); }));
    QVERIFY(finished.wait(300000));
}

} // namespace

class TestLayout final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void everyTileVisibleAndClickable_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("projector 1024x700") << QSize(1024, 700);
        QTest::newRow("desktop 1600x1000") << QSize(1600, 1000);
    }

    // Each tile at least 20x20 px, wholly inside the window and the strip's visible part; a click
    // at its centre toggles that block and no other.
    void everyTileVisibleAndClickable()
    {
        QFETCH(QSize, size);
        MainWindow window;
        QVERIFY(testing::loads(window, [&] { window.openModel(bundledResNet110()); }));
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        settle();
        QCOMPARE(window.size(), size);
        const int n = int(window.arrangement().size());
        QCOMPARE(n, 54);
        const QStringList outOfReach = testing::tilesOutOfReach(window);
        QVERIFY2(outOfReach.isEmpty(), qPrintable(outOfReach.join(QStringLiteral("; "))));
        const std::vector<QRect> tiles = tilesInWindow(window);
        for (int i = 0; i < n; ++i) {
            const Arrangement before = window.arrangement();
            clickAt(window, tiles[size_t(i)].center());
            const Arrangement after = window.arrangement();
            for (int j = 0; j < n; ++j)
                QVERIFY2((before[size_t(j)].active != after[size_t(j)].active) == (i == j),
                         qPrintable(QStringLiteral("click on tile %1 changed block %2").arg(i).arg(j)));
            window.editor()->undoStack()->undo();
        }
    }

    // Before the first measurement each measured tab's controls sit at its top, as Delete k's do:
    // Gradients, Single deletion and Per class put Measure in the middle of an empty tab.
    void measureControlsAtTheTop()
    {
        MainWindow window;
        QVERIFY(testing::loads(window, [&] { window.openModel(bundledResNet110()); }));
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        int seen = 0;
        for (const QString &name : LivePlots::plotNames()) {
            window.livePlots()->showTab(name);
            settle();
            for (QWidget *controls : window.livePlots()->findChildren<QWidget *>(QStringLiteral("measureControls")))
                if (controls->isVisible()) {
                    ++seen;
                    const int y = controls->findChild<QPushButton *>()->mapTo(controls->parentWidget(), QPoint()).y();
                    QVERIFY2(y <= 20, qPrintable(QStringLiteral("%1: Measure at y = %2").arg(name).arg(y)));
                }
        }
        QVERIFY(seen >= 5);
    }

    // Presentation mode and the lecture layout on a 1280x720 projector: every stage of tiles in
    // view (only stage 0 fitted once) and one big plot.
    void lectureLayoutOnAProjector()
    {
        MainWindow window;
        QVERIFY(testing::loads(window, [&] { window.openModel(bundledResNet110()); }));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setPresentationMode(true);
        window.showNormal();
        window.resize(1280, 720);
        window.setLectureLayout(true);
        settle();
        const QRegion visible = window.blockStrip()->visibleRegion();
        for (int i = 0; i < 54; ++i) {
            const QRect tile = tilesInWindow(window)[size_t(i)];
            QVERIFY2(tile.width() >= 20 && tile.height() >= 20 && window.rect().contains(tile), qPrintable(QString::number(i)));
            QVERIFY(visible.intersected(window.blockStrip()->tileRect(i)) == QRegion(window.blockStrip()->tileRect(i)));
        }
        QVERIFY(window.livePlots()->accuracyPlot()->height() >= 250);
        window.setLectureLayout(false);
        window.setPresentationMode(false);
    }

    // The lecture tour in presentation mode on a 1280x720 projector: the step about gradients
    // (step 7) showed its figure in a tab area of about 140 px under the accuracy plot. One figure
    // at a time: a step's own tab takes the accuracy plot's place, a step without one shows the
    // accuracy plot.
    void tourShowsOneFigureAtATimeOnAProjector()
    {
        MainWindow window;
        Preferences preferences = window.preferences();
        preferences.liveImages = 100;
        QVERIFY(testing::loads(window, [&] { window.setPreferences(preferences); }));
        QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
        window.recentFiles()->setModelsFolder(QStringLiteral(PATHLENS_MODELS_DIR)); // where the tour's models are
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setPresentationMode(true, QSize(1280, 720));
        window.showNormal(); // the offscreen screen is larger: the projector's size by hand
        window.resize(1280, 720);
        QVERIFY(window.startLectureTour());
        LectureTour *tour = window.lectureTour();
        for (int step = 0; step < 11; ++step) { // the built-in tour's 11 steps
            if (step > 0) {
                QTRY_VERIFY_WITH_TIMEOUT(tour->isSettled(), 120000); // as a lecturer would: the numbers are in
                QVERIFY(tour->next());
            }
            QTRY_VERIFY2_WITH_TIMEOUT(tour->lastStepMs() >= 0,
                                      qPrintable(QStringLiteral("step %1: %2").arg(step + 1).arg(window.lastError())), 120000);
            settle();
            if (step == 8) { // F11 twice mid-step: the lecture layout hid the path graph until the next step
                window.setPresentationMode(false);
                window.setPresentationMode(true, QSize(1280, 720));
                window.showNormal();
                window.resize(1280, 720);
                settle();
                // and the strip kept one short row of tiles without their "attn"/"MLP" (under Xvfb)
                const int tile = window.blockStrip()->tileRect(0).height();
                QVERIFY2(tile >= 2 * QFontMetrics(window.blockStrip()->font()).height(),
                         qPrintable(QStringLiteral("tiles %1 px tall").arg(tile)));
            }
            LivePlots *plots = window.livePlots();
            const QString tab = plots->currentTabName();
            const bool accuracyShown = plots->accuracyPlot()->isVisible();
            QVERIFY2(!plots->plot(tab) || accuracyShown != plots->plot(tab)->isVisible(),
                     qPrintable(QStringLiteral("step %1: accuracy and the %2 tab both %3").arg(step + 1).arg(tab)
                                    .arg(accuracyShown ? "shown" : "hidden")));
            // The path graph the captions point to ("left") has the panel to itself: under the
            // model's summary it kept about 80 px under Xvfb at step 9, its labels 3 px tall.
            QVERIFY(!window.findChild<QLabel *>(QStringLiteral("networkSummary"))->isVisible());
            QVERIFY2(window.pathGraph()->isVisible() && window.pathGraph()->height() >= 150,
                     qPrintable(QStringLiteral("step %1: path graph %2 px tall").arg(step + 1).arg(window.pathGraph()->height())));
            if (step == 6) { // Which paths carry the gradient in training?
                QCOMPARE(tab, QStringLiteral("gradients"));
                QVERIFY(!accuracyShown);
                QCustomPlot *figure = plots->plot(QStringLiteral("gradients"));
                QVERIFY(figure && figure->isVisible());
                QVERIFY2(figure->axisRect()->height() >= 120, qPrintable(QString::number(figure->axisRect()->height())));
                // The Measure row is hidden while presenting, but not its progress while a measurement runs.
                QWidget *controls = plots->findChild<QLabel *>(QStringLiteral("gradientStatus"))->parentWidget();
                QVERIFY(!controls->isVisible());
                plots->setMeasuring(true);
                QVERIFY(controls->isVisible());
                plots->setMeasuring(false);
                QVERIFY(!controls->isVisible());
            }
            window.grab().save(QStringLiteral(PATHLENS_BINARY_DIR "/Testing/layout-tour-1280x720-step%1.png").arg(step + 1));
        }
        tour->stop();
        window.setPresentationMode(false);
    }

    // Tiles stay where they are while the label says "stale, recomputing…" and after the number.
    void tileGeometryIndependentOfTheLabel()
    {
        MainWindow window;
        window.resize(1024, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(&window, &MainWindow::evaluationFinished);
        openWithData(window, finished);
        settle();
        const std::vector<QRect> final = tilesInWindow(window);
        window.editor()->toggle(12);
        QVERIFY(window.accuracyIsStale());
        settle();
        QVERIFY(tilesInWindow(window) == final);
        QVERIFY(finished.wait(300000));
        QVERIFY(!window.accuracyIsStale());
        settle();
        QVERIFY(tilesInWindow(window) == final);
    }

    // At the default size, a double click on tile 12 after a number is shown: block 12 off and
    // on again, nothing else (the first click used to widen the label and move tile 13 under the
    // mouse).
    void doubleClickStaysOnItsTile()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(&window, &MainWindow::evaluationFinished);
        openWithData(window, finished);
        settle();
        const QPoint at = tilesInWindow(window)[12].center();
        QTest::mousePress(window.windowHandle(), Qt::LeftButton, Qt::NoModifier, at);
        QTest::mouseRelease(window.windowHandle(), Qt::LeftButton, Qt::NoModifier, at);
        settle();
        QTest::mousePress(window.windowHandle(), Qt::LeftButton, Qt::NoModifier, at);
        QTest::mouseRelease(window.windowHandle(), Qt::LeftButton, Qt::NoModifier, at);
        settle();
        QCOMPARE(window.editor()->undoStack()->count(), 2);
        QVERIFY(window.arrangement() == identityArrangement(54));
        window.editor()->undoStack()->undo();
        for (int j = 0; j < 54; ++j)
            QCOMPARE(window.arrangement()[size_t(j)].active, j != 12);
    }
};

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"
