#include "arrangementeditor.h"
#include "dataset.h"
#include "engine.h"
#include "mainwindow.h"
#include "testhelpers.h"

#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QUndoStack>

using namespace pathlens;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the user's own settings stay untouched
        QSettings().clear();
    }

    void opensModelAndListsBlocks()
    {
        MainWindow window;
        QVERIFY(window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))));
        QCOMPARE(window.blockTable()->rowCount(), 9);
        QCOMPARE(window.blockTable()->item(3, 2)->text(), QStringLiteral("layer2.0"));
        QCOMPARE(window.blockTable()->item(3, 7)->text(), QStringLiteral("yes"));
    }

    void deletingABlockReevaluates()
    {
        MainWindow window;
        QSignalSpy finished(&window, &MainWindow::evaluationFinished);
        QVERIFY(window.openData(testing::fashionMnist()));
        QVERIFY(window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))));
        QVERIFY(finished.wait(120000));
        QVERIFY(window.accuracyText().contains(QStringLiteral("2000 images")));

        window.blockTable()->item(4, 0)->setCheckState(Qt::Unchecked);
        QVERIFY(!window.arrangement()[4].active);
        QVERIFY(finished.wait(120000));
        QVERIFY(window.accuracyText().contains(QStringLiteral("1 blocks deleted")));
    }

    void badFilesKeepThePreviousState()
    {
        MainWindow window;
        QVERIFY(window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))));
        QVERIFY(!window.openModel(QString::fromStdString(testing::fixture("random_bytes.pt"))));
        QVERIFY(window.lastError().contains(QStringLiteral("random_bytes.pt")));
        QVERIFY(!window.openData(QStringLiteral("/no/such/folder")));
        QVERIFY(window.lastError().contains(QStringLiteral("/no/such/folder")));
        QCOMPARE(window.blockTable()->rowCount(), 9);
    }

    // An edit greys the old number until its own first estimate; timings are recorded; a smaller
    // live subset and then the full test set apply at once and keep the arrangement.
    void staleMarkTimingsAndLiveSubset()
    {
        MainWindow window;
        QSignalSpy finished(&window, &MainWindow::evaluationFinished);
        QVERIFY(window.openData(testing::fashionMnist()));
        QVERIFY(window.openModel(QString::fromStdString(testing::fixture("cifar20.pt"))));
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
            window.setPreferences(preferences);
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

    void themes()
    {
        MainWindow window;
        Preferences preferences = window.preferences();
        preferences.theme = Preferences::Theme::Dark;
        window.setPreferences(preferences);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
        preferences.theme = Preferences::Theme::Light;
        window.setPreferences(preferences);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        preferences.theme = Preferences::Theme::System;
        window.setPreferences(preferences);
    }

    void shortcutSheetListsTheEditingKeys()
    {
        const QString sheet = MainWindow::shortcutSheet();
        for (const char *keys : {"Space", "Ctrl+Shift+Z", "Ctrl+R", "F11"})
            QVERIFY2(sheet.contains(QLatin1String(keys)), keys);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
