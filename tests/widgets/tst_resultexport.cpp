// The GUI's File → Export of measured data against pathlens-cli, end to end: the same model, the
// same images and the same (original) arrangement must give the same file, byte for byte, since
// both write core's result forms (core/results.h).

#include "analysis.h"
#include "analysiscontroller.h"
#include "arrangementeditor.h"
#include "clirunner.h"
#include "dataset.h"
#include "exportcontroller.h"
#include "mainwindow.h"
#include "testhelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <numeric>

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

        // The Deletion x class tab's two figures: the CLI's --per-class and --disagreement CSVs of
        // the same study, byte for byte (their export was refused: "no data to export yet").
        for (const QString &kind : {QStringLiteral("per-class"), QStringLiteral("disagreement")}) {
            const QString name = kind == QLatin1String("per-class") ? QStringLiteral("single-deletion-classes") : kind;
            const QString gui = dir.filePath(kind + QStringLiteral("-gui.csv"));
            const QString cli = dir.filePath(kind + QStringLiteral("-cli.csv"));
            window.exports()->writeData(name, gui);
            window.exports()->writeData(name, dir.filePath(kind + QStringLiteral("-gui.json")));
            const testing::Run details = testing::cli({QStringLiteral("lesion"), model, QStringLiteral("--data"), data,
                                                       QStringLiteral("--") + kind, QStringLiteral("--csv"), cli});
            QCOMPARE(details.exitCode, 0);
            const QByteArray expected = readBytes(cli);
            QVERIFY2(expected.count('\n') >= 10, expected.constData()); // a header and rows: 10 classes, or 10 variants
            QCOMPARE(readBytes(gui), expected);
            QVERIFY(QJsonDocument::fromJson(readBytes(dir.filePath(kind + QStringLiteral("-gui.json")))).isObject());
        }

        // The Per class tab (this arrangement against the original on the same 300 images): its
        // counts add up to the single-deletion study's numbers for the same two networks.
        const Analysis::Lesion study = lesion.last().at(0).value<Analysis::Lesion>();
        const int deleted = study.blocks.at(1);
        QVERIFY(window.editor()->toggle(deleted).isEmpty());
        QSignalSpy compared(window.analysis(), &Analysis::classesCompared);
        QCOMPARE(window.analysisController()->measureClasses(-1), QString());
        QVERIFY(compared.wait(120000));
        const QString classesCsv = dir.filePath(QStringLiteral("classes.csv"));
        window.exports()->writeData(QStringLiteral("per-class"), classesCsv);
        const QList<QByteArray> rows = readBytes(classesCsv).trimmed().split('\n');
        QCOMPARE(rows.first(), QByteArray("class,images,original_correct,current_correct,original_accuracy,current_accuracy"));
        QCOMPARE(rows.size(), 1 + 10);
        qint64 images = 0, original = 0, current = 0;
        for (const QByteArray &row : rows.mid(1)) {
            const QList<QByteArray> fields = row.split(',');
            images += fields.at(1).toLongLong();
            original += fields.at(2).toLongLong();
            current += fields.at(3).toLongLong();
        }
        QCOMPARE(images, qint64(300));
        QCOMPARE(original, std::accumulate(study.baselineClassCorrect.begin(), study.baselineClassCorrect.end(), qint64(0)));
        const std::vector<int64_t> &lesioned = study.classCorrect.at(size_t(deleted));
        QCOMPARE(current, std::accumulate(lesioned.begin(), lesioned.end(), qint64(0)));
        const QString confusionJson = dir.filePath(QStringLiteral("confusion.json"));
        window.exports()->writeData(QStringLiteral("confusion-change"), confusionJson);
        const QJsonObject confusion = QJsonDocument::fromJson(readBytes(confusionJson)).object();
        QCOMPARE(confusion.value(QStringLiteral("current_confusion")).toArray().size(), 10);
        QCOMPARE(confusion.value(QStringLiteral("arrangement")).toString(),
                 QString::fromStdString(describe(window.editor()->arrangement())));
    }
};

QTEST_MAIN(TestResultExport)
#include "tst_resultexport.moc"
