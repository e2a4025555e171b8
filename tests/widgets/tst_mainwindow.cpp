#include "mainwindow.h"
#include "testhelpers.h"

#include <QSignalSpy>
#include <QTableWidget>

using namespace pathlens;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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

    void shortcutSheetListsTheEditingKeys()
    {
        const QString sheet = MainWindow::shortcutSheet();
        for (const char *keys : {"Space", "Ctrl+Shift+Z", "Ctrl+R", "F11"})
            QVERIFY2(sheet.contains(QLatin1String(keys)), keys);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
