// The GUI's File → Export of measured data against pathlens-cli, end to end: the same model, the
// same images and the same (original) arrangement must give the same file, byte for byte, since
// both write core's result forms (core/results.h).

#include "analysis.h"
#include "clirunner.h"
#include "dataset.h"
#include "exportcontroller.h"
#include "mainwindow.h"
#include "testhelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace pathlens;

namespace {

QByteArray bigEndian(quint32 value)
{
    QByteArray bytes(4, 0);
    for (int i = 0; i < 4; ++i)
        bytes[i] = char(value >> (24 - 8 * i));
    return bytes;
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The first `count` Fashion-MNIST test images as an IDX pair in `folder`: the GUI measures on
// all of a data set this small, the CLI on all of it too, so both see the same images in the
// same order.
bool writeTestImages(const QString &folder, int count)
{
    const Dataset data = loadDataset(testing::fashionMnist());
    const int64_t pixels = data.imageShape[1] * data.imageShape[2];
    QByteArray images = QByteArray("\x00\x00\x08\x03", 4) + bigEndian(count) + bigEndian(quint32(data.imageShape[1]))
                        + bigEndian(quint32(data.imageShape[2]));
    images += QByteArray(reinterpret_cast<const char *>(data.pixels.data()), int(count * pixels));
    QByteArray labels = QByteArray("\x00\x00\x08\x01", 4) + bigEndian(count);
    for (int i = 0; i < count; ++i)
        labels += char(data.labels[i]);
    return writeBytes(folder + "/t10k-images-idx3-ubyte", images) && writeBytes(folder + "/t10k-labels-idx1-ubyte", labels);
}

QJsonObject withoutTimes(const QByteArray &json)
{
    QJsonObject object = QJsonDocument::fromJson(json).object();
    object.remove(QStringLiteral("seconds"));
    return object;
}

} // namespace

class TestResultExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the user's own settings stay untouched
    }

    void singleDeletionExportEqualsTheCli()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data));
        QVERIFY(writeTestImages(data, 300));
        const QString model = QString::fromStdString(testing::fixture("cifar20.pt"));

        MainWindow window;
        Preferences preferences = window.preferences();
        preferences.liveImages = -1; // the whole (300-image) test split
        QVERIFY(testing::loads(window, [&] { window.setPreferences(preferences); }));
        QVERIFY(testing::loads(window, [&] { window.openData(data); }));
        QVERIFY(testing::loads(window, [&] { window.openModel(model); }));
        QSignalSpy lesion(window.analysis(), &Analysis::lesionUpdated);
        window.measureSingleDeletions();
        QVERIFY(lesion.wait(120000));
        while (!lesion.last().at(0).value<Analysis::Lesion>().finished)
            QVERIFY(lesion.wait(120000));
        QCOMPARE(lesion.last().at(0).value<Analysis::Lesion>().imagesTotal, qint64(300));

        const QString guiCsv = dir.filePath(QStringLiteral("gui.csv"));
        const QString guiJson = dir.filePath(QStringLiteral("gui.json"));
        window.exports()->writeData(QStringLiteral("single-deletion"), guiCsv);
        window.exports()->writeData(QStringLiteral("single-deletion"), guiJson);

        const QString cliCsv = dir.filePath(QStringLiteral("cli.csv"));
        const testing::Run run = testing::cli({QStringLiteral("lesion"), model, QStringLiteral("--data"), data,
                                               QStringLiteral("--csv"), cliCsv, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);

        const QByteArray csv = readBytes(cliCsv);
        // Not an empty agreement: a header and one row per block of the 9-block fixture, with
        // accuracies that differ between blocks.
        const QList<QByteArray> lines = csv.trimmed().split('\n');
        QCOMPARE(lines.first(), QByteArray("index,name,stage,downsampling,accuracy,baseline"));
        QCOMPARE(lines.size(), 1 + 9);
        QSet<QByteArray> accuracies;
        for (const QByteArray &line : lines.mid(1))
            accuracies.insert(line.split(',').value(4));
        QVERIFY2(accuracies.size() > 1, csv.constData());
        QCOMPARE(readBytes(guiCsv), csv);

        // The JSON the same, but for the time each took.
        const QJsonObject gui = withoutTimes(readBytes(guiJson));
        QVERIFY(gui.contains(QStringLiteral("blocks")));
        QCOMPARE(gui, withoutTimes(run.out));
    }
};

QTEST_MAIN(TestResultExport)
#include "tst_resultexport.moc"
