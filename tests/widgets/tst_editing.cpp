// Editing an arrangement in the GUI: the rules and undo history (ArrangementEditor), the block
// strip driven by mouse and keyboard, and 500 rapid edits against a fresh evaluation.

#include "arrangementeditor.h"
#include "blockstrip.h"
#include "engine.h"
#include "error.h"
#include "liveplots.h"
#include "mainwindow.h"
#include "pathgraph.h"
#include "paths.h"
#include "testhelpers.h"

#include <qcustomplot.h>

#include <QFile>
#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImage>
#include <QLabel>
#include <QMouseEvent>
#include <QTemporaryDir>
#include <QToolTip>
#include <QXmlStreamReader>
#include <QSignalSpy>
#include <QTableView>
#include <QUndoStack>

#include <random>

using namespace pathlens;

namespace {

// The 9-block CIFAR-style fixture: stages of 3 blocks, blocks 3 and 6 downsample.
NetworkInfo cifar20()
{
    const auto network = Network::load(testing::fixture("cifar20.pt"));
    return network->describe(network->defaultInputShape());
}

std::vector<int> order(const Arrangement &arrangement)
{
    std::vector<int> blocks;
    for (const Slot &slot : arrangement)
        blocks.push_back(slot.block);
    return blocks;
}

void mouse(QWidget *widget, QEvent::Type type, const QPoint &at)
{
    const Qt::MouseButtons held = type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, at, widget->mapToGlobal(at), Qt::LeftButton, held, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

void drag(QWidget *widget, const QPoint &from, const QPoint &to)
{
    mouse(widget, QEvent::MouseButtonPress, from);
    mouse(widget, QEvent::MouseMove, (from + to) / 2);
    mouse(widget, QEvent::MouseMove, to);
    mouse(widget, QEvent::MouseButtonRelease, to);
}

} // namespace

class TestEditing final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editorRulesAndUndo()
    {
        ArrangementEditor editor;
        editor.setNetwork(cifar20());
        const Arrangement original = identityArrangement(9);
        QVERIFY(editor.arrangement() == original);

        QVERIFY(editor.toggle(1).isEmpty());
        QVERIFY(!editor.arrangement()[1].active);
        QVERIFY(editor.move(1, 2).isEmpty()); // within stage 0: the deleted block 1 moves behind block 2
        QVERIFY((order(editor.arrangement()) == std::vector<int>{0, 2, 1, 3, 4, 5, 6, 7, 8}));
        const Arrangement edited = editor.arrangement();

        // Refused: a downsampling block away from the start of its stage, a block into another stage.
        // The strip asks first, while the block is dragged, to mark the drop as refused.
        QCOMPARE(editor.whyNotMove(3, 4), editor.move(3, 4));
        QVERIFY(!editor.move(3, 4).isEmpty());
        QCOMPARE(editor.whyNotMove(4, 1), editor.move(4, 1));
        QVERIFY(!editor.move(4, 1).isEmpty());
        QVERIFY(editor.whyNotMove(0, 1).isEmpty());
        // The refusal names the block moved, not one that its move shifts (block 3, downsampling,
        // would land at position 2).
        QVERIFY2(editor.whyNotMove(2, 7).startsWith(QStringLiteral("block 1 (")) && editor.whyNotMove(2, 7).contains(QStringLiteral("stage 2")),
                 qPrintable(editor.whyNotMove(2, 7)));
        QVERIFY(editor.arrangement() == edited);
        QCOMPARE(editor.undoStack()->count(), 2);

        QVERIFY(editor.reset().isEmpty());
        QVERIFY(editor.arrangement() == original);
        editor.undoStack()->undo();
        QVERIFY(editor.arrangement() == edited);
        editor.undoStack()->undo();
        editor.undoStack()->undo();
        QVERIFY(editor.arrangement() == original);
        editor.undoStack()->redo();
        editor.undoStack()->redo();
        QVERIFY(editor.arrangement() == edited);

        QVERIFY(editor.reset().isEmpty());
        QVERIFY(editor.deleteRandom(4, 7).isEmpty());
        QCOMPARE(activeCount(editor.arrangement()), 5);
        for (const Slot &slot : editor.arrangement())
            QVERIFY(slot.active || !editor.network().blocks[slot.block].downsampling);
        QVERIFY(editor.swapRandom(2, 7).isEmpty());
        QVERIFY(!whyInvalid(editor.network(), editor.arrangement()));
    }

    void stripByMouseAndKeyboard()
    {
        ArrangementEditor editor;
        editor.setNetwork(cifar20());
        BlockStrip strip(&editor);
        strip.resize(900, strip.sizeHint().height());
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        QSignalSpy refused(&strip, &BlockStrip::refused);

        QTest::mouseClick(&strip, Qt::LeftButton, {}, strip.tileRect(2).center());
        QVERIFY(!editor.arrangement()[2].active);

        drag(&strip, strip.tileRect(0).center(), strip.tileRect(2).center());
        QVERIFY((order(editor.arrangement()) == std::vector<int>{1, 2, 0, 3, 4, 5, 6, 7, 8}));
        QVERIFY(refused.isEmpty());

        const Arrangement before = editor.arrangement();
        drag(&strip, strip.tileRect(4).center(), strip.tileRect(1).center()); // into another stage
        QVERIFY(editor.arrangement() == before);
        QCOMPARE(refused.count(), 1);
        QVERIFY(!strip.lastRefusal().isEmpty());
        // At the mouse: the whole reason, without the module name, in short lines (it was cut
        // at 60 characters: "... and cannot move …").
        const QString tip = QToolTip::text();
        QVERIFY2(tip.simplified().endsWith(QStringLiteral("cannot move to stage 0")) && !tip.contains(QChar(0x2026))
                     && !tip.contains(QLatin1Char('(')),
                 qPrintable(tip));
        for (const QString &line : tip.split(QLatin1Char('\n')))
            QVERIFY2(line.size() <= 40, qPrintable(line));

        strip.setFocus();
        QTest::mouseClick(&strip, Qt::LeftButton, {}, strip.tileRect(5).center()); // focus on 5, deletes it
        QVERIFY(!editor.arrangement()[5].active);
        QTest::keyClick(&strip, Qt::Key_Space); // restores it
        QVERIFY(editor.arrangement()[5].active);
        QTest::keyClick(&strip, Qt::Key_Left, Qt::ControlModifier); // block 5 moves before block 4
        QCOMPARE(editor.arrangement()[4].block, 5);
        editor.undoStack()->undo();
        QCOMPARE(editor.arrangement()[4].block, 4);
    }

    // Spans of units (issue 28): deleted or restored together, run in parallel with their branches
    // summed or averaged, in sequence again; a group moves as a whole or not at all.
    void spansOfUnits()
    {
        const auto vit = Network::load(testing::fixture("roles_vit.pt")); // 6 units of one shape
        ArrangementEditor editor;
        editor.setNetwork(vit->describe(vit->defaultInputShape()));
        auto joins = [&] {
            std::vector<Join> result;
            for (const Slot &slot : editor.arrangement())
                result.push_back(slot.join);
            return result;
        };
        const Join C = Join::Chain, S = Join::Sum, M = Join::Mean;
        QVERIFY(editor.runInParallel(1, 3, Join::Sum).isEmpty());
        QVERIFY((joins() == std::vector<Join>{C, C, S, S, C, C}));
        QCOMPARE(editor.groupAround(2), std::make_pair(1, 3));
        QCOMPARE(editor.groupAround(5), std::make_pair(5, 5));
        QVERIFY(editor.move(2, 5).contains(QStringLiteral("in sequence first")));
        QVERIFY(editor.move(5, 3).contains(QStringLiteral("in sequence first")));
        QVERIFY(editor.runInParallel(3, 4, Join::Mean).isEmpty()); // the group 1..3 it overlaps is dissolved whole
        QVERIFY((joins() == std::vector<Join>{C, C, C, C, M, C}));
        QVERIFY(!editor.runInParallel(2, 2, Join::Sum).isEmpty()); // one block is no group
        QVERIFY(editor.runInSequence(4, 4).isEmpty());
        QVERIFY(editor.arrangement() == identityArrangement(6));
        QVERIFY(!editor.runInSequence(0, 5).isEmpty()); // nothing to dissolve
        QVERIFY(editor.setSpanActive(0, 2, false).isEmpty());
        QCOMPARE(activeCount(editor.arrangement()), 3);
        editor.undoStack()->undo();
        QCOMPARE(activeCount(editor.arrangement()), 6);
        editor.undoStack()->undo();
        QVERIFY((joins() == std::vector<Join>{C, C, C, C, M, C}));

        // Post-activation blocks (a ReLU after the addition) cannot share an input: refused with why.
        ArrangementEditor resnet;
        resnet.setNetwork(cifar20());
        QVERIFY(!resnet.runInParallel(1, 2, Join::Sum).isEmpty());
        QVERIFY(resnet.arrangement() == identityArrangement(9));

        // The same by keyboard and mouse on the strip.
        editor.reset();
        BlockStrip strip(&editor);
        strip.resize(900, strip.sizeHint().height());
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        strip.setFocus();
        QTest::keyClick(&strip, Qt::Key_Right);
        QTest::keyClick(&strip, Qt::Key_Right, Qt::ShiftModifier);
        QTest::keyClick(&strip, Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(strip.selection(), std::make_pair(1, 3));
        QTest::keyClick(&strip, Qt::Key_P);
        QVERIFY((joins() == std::vector<Join>{C, C, S, S, C, C}));
        QTest::keyClick(&strip, Qt::Key_S);
        QVERIFY(editor.arrangement() == identityArrangement(6));
        QTest::mouseClick(&strip, Qt::LeftButton, Qt::ShiftModifier, strip.tileRect(5).center()); // extends, toggles nothing
        QCOMPARE(strip.selection(), std::make_pair(1, 5));
        QCOMPARE(activeCount(editor.arrangement()), 6);
        QTest::keyClick(&strip, Qt::Key_Space); // deletes the span
        QCOMPARE(activeCount(editor.arrangement()), 1);
        QTest::keyClick(&strip, Qt::Key_Space); // every block of it deleted: restores it
        QCOMPARE(activeCount(editor.arrangement()), 6);
        QTest::keyClick(&strip, Qt::Key_R); // reversed: blocks 5, 4, 3, 2, 1 after block 0
        QVERIFY((order(editor.arrangement()) == std::vector<int>{0, 5, 4, 3, 2, 1}));
        QTest::keyClick(&strip, Qt::Key_R);
        QVERIFY(editor.arrangement() == identityArrangement(6));
        QTest::keyClick(&strip, Qt::Key_M);
        QVERIFY((joins() == std::vector<Join>{C, C, M, M, M, M}));
        QVERIFY(!editor.reverseSpan(1, 5).isEmpty()); // a group does not move
        // A plain click outside the selected span ends it and toggles the clicked block alone (it
        // once stretched the span to the click and deleted blocks 0-5).
        QTest::mouseClick(&strip, Qt::LeftButton, {}, strip.tileRect(0).center());
        QCOMPARE(strip.selection(), std::make_pair(0, 0));
        QCOMPARE(activeCount(editor.arrangement()), 5);
        QVERIFY(!editor.arrangement()[0].active);
        QTest::mouseClick(&strip, Qt::LeftButton, {}, strip.tileRect(0).center());
        QCOMPARE(activeCount(editor.arrangement()), 6);
        QTest::mouseClick(&strip, Qt::LeftButton, Qt::ShiftModifier, strip.tileRect(3).center());
        QTest::mouseClick(&strip, Qt::LeftButton, Qt::ShiftModifier, strip.tileRect(5).center());
        QCOMPARE(strip.selection(), std::make_pair(3, 5));
        QTest::keyClick(&strip, Qt::Key_Escape);
        QCOMPARE(strip.selection(), std::make_pair(5, 5));
        QTest::mouseClick(&strip, Qt::LeftButton, {}, strip.tileRect(0).center()); // a plain click toggles one block
        QVERIFY(!editor.arrangement()[0].active);
        QVERIFY((joins() == std::vector<Join>{C, C, M, M, M, M}));
    }

    // A parallel group in the window: the live number is the engine's for that arrangement, and a
    // session keeps the group.
    void parallelGroupLiveAndInASession()
    {
        QTemporaryDir dir;
        const QString sessionPath = dir.filePath("parallel.json");
        const std::string model = testing::fixture("roles_vit.pt");
        Arrangement grouped;
        {
            MainWindow window;
            QSignalSpy finished(&window, &MainWindow::evaluationFinished);
            QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
            QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(model)); }));
            QVERIFY(finished.wait(120000));
            const auto network = Network::load(model);
            Engine fresh(network, stratifiedSubset(loadDataset(testing::fashionMnist()), MainWindow::liveImages));
            // All units active: the same blocks, the same flags as the unedited network, whose number
            // is cached; only the joins differ (the cache once mistook one for the other).
            QVERIFY(window.editor()->runInParallel(1, 4, Join::Sum).isEmpty());
            const Arrangement allActive = window.arrangement();
            finished.clear();
            QVERIFY(finished.wait(120000));
            QTest::qWait(200);
            const auto expected = fresh.evaluate({allActive, identityArrangement(6)}).accuracy;
            QCOMPARE(finished.last().at(0).toDouble(), expected[0]);
            QVERIFY(expected[0] != expected[1]); // the group changes what the network computes
            // Surviving paths: the share of the original's paths the group keeps, (1 + z)(1 + 4z)(1 + z)
            // of C(6, k), none longer than 3 (it said "every path survives").
            QCustomPlot *surviving = window.livePlots()->plot("surviving-paths");
            QCOMPARE(surviving->graphCount(), 1);
            const auto kept = keptPathFraction(6, {1, 4, 1});
            QCOMPARE(kept[4], 0.0);
            for (int k = 0; k <= 6; ++k)
                PL_COMPARE_NEAR((surviving->graph(0)->data()->begin() + k)->value, 100 * kept[k], 1e-10);
            QVERIFY(surviving->graph(0)->name().contains(QStringLiteral("kept")));

            window.editor()->toggle(2);
            grouped = window.arrangement();
            finished.clear();
            QVERIFY(finished.wait(120000));
            QTest::qWait(200);
            QCOMPARE(finished.last().at(0).toDouble(), fresh.evaluate({grouped}).accuracy[0]);
            QVERIFY2(window.accuracyText().contains(QStringLiteral("1 block deleted; 1 parallel group")), qPrintable(window.accuracyText()));
            // Gradients per path length are not defined for a group: refused before the job starts,
            // with the way out, on the tab too (it once read "Stopped: what is drawn was counted").
            window.measureGradients();
            QVERIFY2(window.lastError().contains(QStringLiteral("press S")), qPrintable(window.lastError()));
            QCOMPARE(window.livePlots()->findChild<QLabel *>(QStringLiteral("gradientStatus"))->text(), window.lastError());
            QVERIFY(window.saveSession(sessionPath));
            // The accuracy line names moves too (a reversed span read "0 blocks deleted").
            QVERIFY(window.editor()->runInSequence(1, 4).isEmpty());
            QVERIFY(window.editor()->reverseSpan(1, 4).isEmpty());
            QTRY_VERIFY2_WITH_TIMEOUT(window.accuracyText().contains(QStringLiteral("1 block deleted; 4 moved")),
                                      qPrintable(window.accuracyText()), 120000);
        }
        QFile file(sessionPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\"join\": \"sum\""));
        MainWindow window;
        QVERIFY(testing::loads(window, [&] { window.loadSession(sessionPath); }));
        QVERIFY(window.arrangement() == grouped);
    }

    // Unraveled: 2^w rows, minus those through deleted blocks; lattice and export of the whole scene.
    void pathGraphFollowsTheArrangement()
    {
        PathGraph graph;
        graph.setNetwork(cifar20());
        graph.setWindow(0, 3);
        QCOMPARE(graph.drawnPaths(), 8);
        graph.setArrangement(withDeleted(identityArrangement(9), {1}));
        QCOMPARE(graph.drawnPaths(), 4);
        graph.setWindow(3, 6);
        QCOMPARE(graph.drawnPaths(), 64);

        graph.setMode(PathGraph::Mode::Lattice);
        QVERIFY(graph.scene()->items().size() > 50);
        QTemporaryDir dir;
        for (const char *suffix : {"pdf", "svg", "png"})
            graph.exportTo(dir.filePath(QStringLiteral("graph.%1").arg(suffix)));
        QFile pdf(dir.filePath("graph.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QFile svg(dir.filePath("graph.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svg);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        const QImage png(dir.filePath("graph.png"));
        QCOMPARE(png.size(), (graph.scene()->sceneRect().size() * 2).toSize());
        QVERIFY_THROWS_EXCEPTION(Error, graph.exportTo(dir.filePath("graph.bmp")));
    }

    // A parallel group of m branches is passed by the shortcut or by one branch: the unraveled
    // window keeps those paths only, the lattice has one column per group.
    void pathGraphOfParallelGroups()
    {
        const auto vit = Network::load(testing::fixture("roles_vit.pt"));
        PathGraph graph;
        graph.setNetwork(vit->describe(vit->defaultInputShape()));
        graph.setWindow(0, 6);
        QCOMPARE(graph.drawnPaths(), 64);
        const Arrangement grouped = withParallel(identityArrangement(6), 1, 3, Join::Sum);
        graph.setArrangement(grouped);
        QCOMPARE(graph.drawnPaths(), 2 * 4 * 2 * 2); // prod (1 + m) over the groups {1, 3, 1, 1}
        graph.setArrangement(withDeleted(grouped, {2}));
        QCOMPARE(graph.drawnPaths(), 2 * 3 * 2 * 2);
        graph.setWindow(2, 3); // the window starts inside the group: slots 2 and 3 still exclude each other
        QCOMPARE(graph.drawnPaths(), 2 * 2); // block 2 deleted: slot 3 or not, times slot 4 or not

        graph.setArrangement(grouped);
        graph.setMode(PathGraph::Mode::Lattice);
        int nodes = 0;
        QStringList texts;
        for (QGraphicsItem *item : graph.scene()->items()) {
            nodes += item->type() == QGraphicsEllipseItem::Type;
            if (auto *text = qgraphicsitem_cast<QGraphicsSimpleTextItem *>(item))
                texts << text->text();
        }
        QCOMPARE(nodes, 1 + 2 + 3 + 4 + 5); // 4 columns: slot 0, slots 1-3, slot 4, slot 5
        QVERIFY2(texts.join(' ').contains(QStringLiteral("parallel groups: 32 paths")), qPrintable(texts.join(' ')));
    }

    // The strip fills a wide window with a long stage and centres a short one: at 2560x1440 a
    // ResNet-110's strip stopped at x = 2130 and left 430 px empty (issue 25); a small network's
    // tiles stay at most four times as wide as tall.
    void stripFillsOrCentresTheWidth()
    {
        NetworkInfo deep = cifar20();
        for (BlockInfo &block : deep.blocks)
            block.stage = 0;
        while (deep.blocks.size() < 18) {
            BlockInfo block = deep.blocks.back();
            block.index = int(deep.blocks.size());
            block.downsampling = false;
            deep.blocks.push_back(block);
        }
        for (const NetworkInfo &network : {deep, cifar20()}) {
            ArrangementEditor editor;
            editor.setNetwork(network);
            BlockStrip strip(&editor);
            strip.resize(2540, strip.sizeHint().height());
            strip.show();
            QVERIFY(QTest::qWaitForWindowExposed(&strip));
            const QRect first = strip.tileRect(0);
            const QRect last = strip.tileRect(network.blocks.size() == 18 ? 17 : 2); // the end of the first row
            const int leftGap = first.left(), rightGap = strip.width() - 1 - last.right();
            QVERIFY2(std::abs(leftGap - rightGap) <= 2, qPrintable(QStringLiteral("%1 px left, %2 px right").arg(leftGap).arg(rightGap)));
            if (network.blocks.size() == 18)
                QVERIFY2(leftGap <= 20, qPrintable(QString::number(leftGap)));
            const int preferredHeight = QFontMetrics(strip.font()).height() * 2 + 10; // two lines of text
            QVERIFY(first.width() <= 4 * std::max(first.height(), preferredHeight));
        }
    }

    // The lattice of 54 blocks, shrunk to fit a 480 px wide panel: its caption and axis labels stay
    // readable (the caption was about 4 px tall, and there were no axis labels, issue 25).
    void latticeLabelsReadable()
    {
        NetworkInfo deep = cifar20();
        while (deep.blocks.size() < 54) {
            BlockInfo block = deep.blocks.back();
            block.index = int(deep.blocks.size());
            block.downsampling = false;
            deep.blocks.push_back(block);
        }
        PathGraph graph;
        graph.resize(480, 420);
        graph.setNetwork(deep);
        graph.setMode(PathGraph::Mode::Lattice);
        graph.show();
        QVERIFY(QTest::qWaitForWindowExposed(&graph));
        QStringList texts;
        for (QGraphicsItem *item : graph.scene()->items()) {
            auto *text = qgraphicsitem_cast<QGraphicsSimpleTextItem *>(item);
            if (!text)
                continue;
            texts << text->text();
            const int height = graph.view()->mapFromScene(text->sceneBoundingRect()).boundingRect().height();
            QVERIFY2(height >= 9, qPrintable(QStringLiteral("'%1' is %2 px tall").arg(text->text()).arg(height)));
        }
        QVERIFY2(texts.contains(QStringLiteral("slots →")) && texts.contains(QStringLiteral("path length ↓")), qPrintable(texts.join('|')));
        QVERIFY(texts.contains(QStringLiteral("50"))); // slot and length ticks every 10
    }

    // A plain network has no shortcuts: one path in either view, passing a deleted layer by the
    // identity.
    void pathGraphOfAPlainNetworkHasOnePath()
    {
        NetworkInfo plain = cifar20();
        plain.plain = true;
        PathGraph graph;
        graph.setNetwork(plain);
        graph.setWindow(0, 3);
        QCOMPARE(graph.drawnPaths(), 1);
        graph.setArrangement(withDeleted(identityArrangement(9), {1}));
        QCOMPARE(graph.drawnPaths(), 1);

        graph.setMode(PathGraph::Mode::Lattice);
        int edges = 0, nodes = 0;
        for (QGraphicsItem *item : graph.scene()->items()) {
            edges += qgraphicsitem_cast<QGraphicsLineItem *>(item) != nullptr;
            nodes += qgraphicsitem_cast<QGraphicsEllipseItem *>(item) != nullptr;
        }
        QCOMPARE(edges, 9); // one edge per slot
        QCOMPARE(nodes, 10);
    }

    // Width by gradient mass: with all gradient on the path of length 0, only the shortcut edges
    // along the top row carry any, one per column; by number of paths, the middle rows are widest.
    void latticeWidthByGradientMass()
    {
        PathGraph graph;
        graph.setNetwork(cifar20());
        graph.setMode(PathGraph::Mode::Lattice);
        auto widths = [&] {
            std::vector<double> result;
            for (QGraphicsItem *item : graph.scene()->items())
                if (auto *line = qgraphicsitem_cast<QGraphicsLineItem *>(item); line && line->pen().style() == Qt::SolidLine)
                    result.push_back(line->pen().widthF());
            return result;
        };
        auto heaviest = [](const std::vector<double> &w) { return std::count_if(w.begin(), w.end(), [](double x) { return x > 4.7; }); };
        const auto byPaths = widths();
        QCOMPARE(byPaths.size(), size_t(2 * (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9))); // two edges out of each node (i, k), k <= i
        QVERIFY(heaviest(byPaths) > 9);

        std::vector<double> magnitude(10, 0.0);
        magnitude[0] = 1;
        graph.setGradientMagnitudes(magnitude);
        graph.setWidthByGradient(true);
        QVERIFY(graph.widthByGradient());
        const auto byGradient = widths();
        QCOMPARE(heaviest(byGradient), 9);
        QCOMPARE(std::count_if(byGradient.begin(), byGradient.end(), [](double x) { return std::abs(x - 0.3) < 1e-9; }),
                 long(byGradient.size()) - 9);
    }

    // Save -> load restores model, data and arrangement; a broken session changes nothing.
    void sessionRoundTrip()
    {
        QTemporaryDir dir;
        const QString sessionPath = dir.filePath("session.json");
        Arrangement saved;
        {
            MainWindow window;
            QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
            QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
            window.editor()->toggle(2);
            window.editor()->move(7, 8);
            saved = window.arrangement();
            QVERIFY(window.saveSession(sessionPath));
        }
        MainWindow window;
        QSignalSpy finished(&window, &MainWindow::evaluationFinished);
        QVERIFY(testing::loads(window, [&] { window.loadSession(sessionPath); }));
        QVERIFY(window.arrangement() == saved);
        QCOMPARE(window.blockTable()->model()->rowCount(), 9);
        // The original network is measured first, then the session's arrangement is shown against it.
        QVERIFY(finished.wait(120000));
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        Engine fresh(network, stratifiedSubset(loadDataset(testing::fashionMnist()), MainWindow::liveImages));
        const auto accuracies = fresh.evaluate({identityArrangement(9), saved}).accuracy;
        QCOMPARE(finished.last().at(0).toDouble(), accuracies[1]);
        QVERIFY2(window.accuracyText().contains(QStringLiteral("original %1%").arg(100 * accuracies[0], 0, 'f', 2)),
                 qPrintable(window.accuracyText()));

        // Each broken session is refused with its file named and why; the loaded state stays.
        const std::pair<const char *, QByteArray> broken[] = {
            {"short.json", QByteArray("{\"pathlens_session\": 1, \"model\": \"") + testing::fixture("cifar20.pt").c_str()
                               + "\", \"arrangement\": [{\"block\": 3, \"active\": true}]}"},
            {"text.json", "hello"},
            {"newer.json", "{\"pathlens_session\": 7}"},
        };
        const QString reasons[] = {QStringLiteral("1 slots"), QStringLiteral("not valid JSON"), QStringLiteral("newer pathlens")};
        for (size_t i = 0; i < std::size(broken); ++i) {
            QFile file(dir.filePath(QString::fromLatin1(broken[i].first)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(broken[i].second);
            file.close();
            QVERIFY(!testing::loads(window, [&] { window.loadSession(file.fileName()); }));
            QVERIFY(window.lastError().contains(QString::fromLatin1(broken[i].first)));
            QVERIFY2(window.lastError().contains(reasons[i]), qPrintable(window.lastError()));
            QVERIFY(window.arrangement() == saved);
        }
    }

    // The arithmetic is part of a session: bf16 saved is bf16 loaded; tf32 without CUDA and an
    // unknown name are refused with the reason, and nothing changes.
    void sessionKeepsThePrecision()
    {
        QTemporaryDir dir;
        const QString sessionPath = dir.filePath("bf16.json");
        {
            MainWindow window;
            Preferences preferences = window.preferences();
            preferences.precision = Precision::Bf16;
            QVERIFY(testing::loads(window, [&] { window.setPreferences(preferences); }));
            QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
            QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
            QVERIFY(window.saveSession(sessionPath));
        }
        QFile file(sessionPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        file.close();
        QVERIFY2(json.contains("\"precision\": \"bf16\""), json.constData());

        MainWindow window;
        QCOMPARE(int(window.preferences().precision), int(Precision::Fp32));
        QVERIFY2(testing::loads(window, [&] { window.loadSession(sessionPath); }), qPrintable(window.lastError()));
        QCOMPARE(int(window.preferences().precision), int(Precision::Bf16));

        const std::pair<QByteArray, QString> refused[] = {
            {"\"tf32\"", QStringLiteral("tf32 arithmetic exists only on CUDA devices")},
            {"\"fp16\"", QStringLiteral("\"precision\" must be")},
        };
        for (const auto &[name, reason] : refused) {
            if (name == "\"tf32\"" && cudaAvailable())
                continue; // runs on a GPU machine (ctest -L gpu)
            QByteArray changed = json;
            changed.replace("\"bf16\"", name);
            QFile other(dir.filePath("other.json"));
            QVERIFY(other.open(QIODevice::WriteOnly));
            other.write(changed);
            other.close();
            QVERIFY(!testing::loads(window, [&] { window.loadSession(other.fileName()); }));
            QVERIFY2(window.lastError().contains(reason), qPrintable(window.lastError()));
            QCOMPARE(int(window.preferences().precision), int(Precision::Bf16));
        }
    }

    // A session sent along with its model opens where the two now are; a model that is gone is named.
    void sessionFindsMovedFiles()
    {
        QTemporaryDir before, after;
        const QString model = before.filePath("net.pt");
        QVERIFY(QFile::copy(QString::fromStdString(testing::fixture("cifar20.pt")), model));
        Arrangement saved;
        {
            MainWindow window;
            QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
            QVERIFY(testing::loads(window, [&] { window.openModel(model); }));
            window.editor()->toggle(4);
            saved = window.arrangement();
            QVERIFY(window.saveSession(before.filePath("s.json")));
        }
        QVERIFY(QFile::rename(model, after.filePath("net.pt")));
        QVERIFY(QFile::rename(before.filePath("s.json"), after.filePath("s.json")));
        MainWindow window;
        QVERIFY2(testing::loads(window, [&] { window.loadSession(after.filePath("s.json")); }), qPrintable(window.lastError()));
        QVERIFY(window.arrangement() == saved);

        QVERIFY(QFile::remove(after.filePath("net.pt")));
        QVERIFY(!testing::loads(window, [&] { window.loadSession(after.filePath("s.json")); }));
        QVERIFY2(window.lastError().contains(model) && window.lastError().contains("does not exist"), qPrintable(window.lastError()));
        QVERIFY(window.arrangement() == saved);
    }

    // A second model beside the first: deletions carry over by index where it can run them.
    void compareModelFollowsTheEdits()
    {
        MainWindow window;
        QSignalSpy compared(&window, &MainWindow::compareFinished);
        QSignalSpy finished(&window, &MainWindow::evaluationFinished);
        QVERIFY(!testing::loads(window, [&] { window.openCompareModel(QString::fromStdString(testing::fixture("protocol.pt"))); })); // no data yet
        QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        QVERIFY(testing::loads(window, [&] { window.openCompareModel(QString::fromStdString(testing::fixture("protocol.pt"))); })); // 6 blocks
        QVERIFY(compared.wait(120000));
        const auto network = Network::load(testing::fixture("protocol.pt"));
        Engine fresh(network, stratifiedSubset(loadDataset(testing::fashionMnist()), MainWindow::liveImages));
        QCOMPARE(compared.last().at(0).toDouble(), fresh.evaluate({identityArrangement(6)}).accuracy[0]);
        window.editor()->toggle(1);
        window.editor()->toggle(7); // no block 7 in the second model
        QVERIFY((window.compareArrangement() == withDeleted(identityArrangement(6), {1})));
        compared.clear();
        QVERIFY(compared.wait(120000));
        QTest::qWait(200);
        QCOMPARE(compared.last().at(0).toDouble(), fresh.evaluate({withDeleted(identityArrangement(6), {1})}).accuracy[0]);
        window.openCompareModel({});
    }

    // 500 edits in quick succession; the number shown at the end is that of the final arrangement.
    void rapidEditsEndWithTheRightNumber()
    {
        MainWindow window;
        QSignalSpy finished(&window, &MainWindow::evaluationFinished);
        QVERIFY(testing::loads(window, [&] { window.openData(testing::fashionMnist()); }));
        QVERIFY(testing::loads(window, [&] { window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))); }));
        QVERIFY(finished.wait(120000));
        QCOMPARE(window.livePlots()->resultCount(), 1);

        std::mt19937 random(11);
        ArrangementEditor &editor = *window.editor();
        for (int edit = 0; edit < 500; ++edit) {
            const int position = int(random() % 9);
            if (random() % 3 == 0)
                editor.move(position, int(random() % 9)); // refused ones change nothing
            else if (!editor.network().blocks[editor.arrangement()[position].block].downsampling)
                editor.toggle(position);
            if (edit % 50 == 0)
                QCoreApplication::processEvents();
        }
        const Arrangement last = window.arrangement();
        QVERIFY(last == editor.arrangement());
        finished.clear();
        QVERIFY(finished.wait(120000));
        QTest::qWait(200); // nothing else may arrive: every older request is stale
        QCOMPARE(finished.count(), 1);

        const auto network = Network::load(testing::fixture("cifar20.pt"));
        Engine fresh(network, stratifiedSubset(loadDataset(testing::fashionMnist()), MainWindow::liveImages));
        const double expected = fresh.evaluate({last}).accuracy[0];
        QCOMPARE(finished.at(0).at(0).toDouble(), expected);
    }
};

QTEST_MAIN(TestEditing)
#include "tst_editing.moc"
