// Image folders as data sets: PNG files written by QImage at test time with known pixels, plus
// files that are not readable images, which must be skipped and counted.

#include "error.h"
#include "imagefolder.h"

#include "testhelpers.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include <cmath>

using namespace pathlens;

namespace {

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

void writeImage(const QString &path, const QImage &image)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QVERIFY(image.save(path, "PNG"));
}

// A grey image whose pixel (x, y) is value(x, y).
template<typename Value>
QImage greyImage(int width, int height, Value value)
{
    QImage image(width, height, QImage::Format_Grayscale8);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.scanLine(y)[x] = uchar(value(x, y));
    return image;
}

QByteArray pngBytes(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

uint8_t pixel(const Dataset &data, int64_t image, int channel, int y, int x)
{
    const Shape &s = data.imageShape;
    return data.pixels.at(size_t(((image * s[0] + channel) * s[1] + y) * s[2] + x));
}

// Three classes (sorted: ant, bag, coat), four readable images, three unreadable files.
void makeFolder(const QString &root)
{
    writeImage(root + "/ant/a1.png", greyImage(4, 4, [](int x, int y) { return 16 * y + x; }));
    writeImage(root + "/ant/nested/a2.png", greyImage(4, 4, [](int, int) { return 255; }));
    // 12 x 8 in three bands of 4 columns: scaled by 1/2 to 6 x 4, then columns 1..4 kept.
    writeImage(root + "/bag/b1.png", greyImage(12, 8, [](int x, int) { return x < 4 ? 10 : x < 8 ? 100 : 200; }));
    const QByteArray png = pngBytes(greyImage(16, 16, [](int x, int y) { return x * y; }));
    writeBytes(root + "/bag/corrupt.png", png.left(png.size() / 2));
    QImage colour(4, 4, QImage::Format_RGB888);
    colour.fill(QColor(200, 100, 50));
    colour.setPixelColor(0, 0, QColor(1, 2, 3));
    writeImage(root + "/coat/c1.png", colour);
    writeBytes(root + "/coat/empty.png", QByteArray());
    writeBytes(root + "/coat/notes.txt", "not an image\n");
    writeBytes(root + "/coat/.hidden.png", "ignored: hidden");
}

} // namespace

class TestImageFolder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsClassesPixelsAndSkipsBrokenFiles()
    {
        QTemporaryDir dir;
        makeFolder(dir.path());
        const std::string folder = dir.path().toStdString();
        const Dataset data = loadImageFolder(folder, {1, 4, 4});
        QCOMPARE(data.format, std::string("images"));
        QVERIFY(data.classNames == (std::vector<std::string>{"ant", "bag", "coat"}));
        QVERIFY(data.imageShape == (Shape{1, 4, 4}));
        QCOMPARE(data.size(), int64_t(4));
        QVERIFY(data.labels == (std::vector<int64_t>{0, 0, 1, 2}));
        QCOMPARE(int64_t(data.pixels.size()), int64_t(4 * 16));

        // Already the right size: exact.
        for (int y = 0; y < 4; ++y)
            for (int x = 0; x < 4; ++x)
                QCOMPARE(int(pixel(data, 0, 0, y, x)), 16 * y + x);
        QCOMPARE(int(pixel(data, 1, 0, 2, 3)), 255);
        // Scaled by exactly 1/2 (area averaging within uniform bands) and centre-cropped:
        // bands 10 | 100 100 | 200; within 1 grey level for the scaler's rounding.
        const int expected[4] = {10, 100, 100, 200};
        for (int y = 0; y < 4; ++y)
            for (int x = 0; x < 4; ++x)
                PL_COMPARE_NEAR(pixel(data, 2, 0, y, x), expected[x], 1);
        // Colour read as grey is Qt's own conversion of the decoded file (Qt 6 weighs the channels
        // in linear light when the file names its colour space), exactly.
        const QImage decoded = QImage(dir.path() + "/coat/c1.png").convertToFormat(QImage::Format_Grayscale8);
        QCOMPARE(int(pixel(data, 3, 0, 1, 1)), int(decoded.constScanLine(1)[1]));

        QCOMPARE(data.skipped, int64_t(3));
        const QString note = QString::fromStdString(data.note);
        for (const char *fragment : {"skipped 3 of 7 files", "corrupt.png", "empty.png (empty file)", "notes.txt"})
            QVERIFY2(note.contains(QLatin1String(fragment)), qPrintable(note));
        QVERIFY(note.contains(dir.path()));
        QVERIFY(!note.contains(QLatin1String("hidden")));

        // mean/std are the statistics of the pixels read (as fractions of 255), exactly as computed here.
        double sum = 0;
        double squares = 0;
        for (uint8_t value : data.pixels) {
            sum += value / 255.0;
            squares += (value / 255.0) * (value / 255.0);
        }
        const double mean = sum / data.pixels.size();
        PL_COMPARE_NEAR(data.mean.at(0), mean, 1e-6);
        PL_COMPARE_NEAR(data.std.at(0), std::sqrt(squares / data.pixels.size() - mean * mean), 1e-6);
    }

    void readsRgbChannelMajor()
    {
        QTemporaryDir dir;
        makeFolder(dir.path());
        const Dataset data = loadImageFolder(dir.path().toStdString(), {3, 4, 4});
        QCOMPARE(data.size(), int64_t(4));
        QVERIFY(data.imageShape == (Shape{3, 4, 4}));
        // Grey images repeat their value in R, G and B; the colour image keeps its values exactly.
        for (int c = 0; c < 3; ++c)
            QCOMPARE(int(pixel(data, 0, c, 3, 2)), 16 * 3 + 2);
        QCOMPARE(int(pixel(data, 3, 0, 0, 0)), 1);
        QCOMPARE(int(pixel(data, 3, 1, 0, 0)), 2);
        QCOMPARE(int(pixel(data, 3, 2, 0, 0)), 3);
        QCOMPARE(int(pixel(data, 3, 0, 2, 2)), 200);
        QCOMPARE(int(pixel(data, 3, 1, 2, 2)), 100);
        QCOMPARE(int(pixel(data, 3, 2, 2, 2)), 50);
        QCOMPARE(data.mean.size(), size_t(3));
    }

    // Upscaling keeps the aspect ratio: a 2 x 4 image (w x h) covering 6 x 6 becomes 6 x 12,
    // cropped to rows 3..8; a uniform image stays uniform.
    void upscalesAndCropsAroundTheCentre()
    {
        QTemporaryDir dir;
        writeImage(dir.filePath("only/tall.png"), greyImage(2, 4, [](int, int y) { return y < 2 ? 40 : 220; }));
        const Dataset data = loadImageFolder(dir.path().toStdString(), {1, 6, 6});
        QCOMPARE(data.size(), int64_t(1));
        QCOMPARE(data.skipped, int64_t(0));
        QVERIFY(data.note.empty());
        // The top half of the crop comes from the dark band, the bottom half from the light one;
        // the rows next to the seam blend, so only the outer rows are checked, within 2 levels.
        for (int x = 0; x < 6; ++x) {
            PL_COMPARE_NEAR(pixel(data, 0, 0, 0, x), 40, 2);
            PL_COMPARE_NEAR(pixel(data, 0, 0, 5, x), 220, 2);
        }
    }

    void manyBrokenFilesAreCountedAndTheFirstNamed()
    {
        QTemporaryDir dir;
        writeImage(dir.filePath("a/good.png"), greyImage(4, 4, [](int, int) { return 9; }));
        for (int i = 0; i < 8; ++i)
            writeBytes(dir.filePath(QStringLiteral("b/broken%1.png").arg(i)), "garbage");
        const Dataset data = loadImageFolder(dir.path().toStdString(), {1, 4, 4});
        QCOMPARE(data.size(), int64_t(1));
        QCOMPARE(data.skipped, int64_t(8));
        const QString note = QString::fromStdString(data.note);
        QVERIFY2(note.contains(QLatin1String("broken4.png")) && !note.contains(QLatin1String("broken5.png")), qPrintable(note));
        QVERIFY(note.endsWith(QLatin1String(", ...")));
        // A flat image has no spread: std falls back to 1 instead of dividing by zero.
        PL_COMPARE_NEAR(data.std.at(0), 1.0, 0);
    }

    void unusableFoldersAreErrorsNamingThem()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        PL_EXPECT_ERROR(loadImageFolder(root, {1, 4, 4}), root.c_str(), "no class sub-folders");
        writeBytes(dir.filePath("cls/broken.png"), "garbage");
        writeBytes(dir.filePath("cls/empty.png"), QByteArray());
        PL_EXPECT_ERROR(loadImageFolder(root, {1, 4, 4}), root.c_str(), "no readable image among 2 files");
        PL_EXPECT_ERROR(loadImageFolder(root + "/nope", {1, 4, 4}), "nope", "no such folder");
        PL_EXPECT_ERROR(loadImageFolder(root + "/cls/broken.png", {1, 4, 4}), "broken.png", "is a file");
        writeImage(dir.filePath("cls/fine.png"), greyImage(4, 4, [](int, int) { return 1; }));
        PL_EXPECT_ERROR(loadImageFolder(root, {2, 4, 4}), root.c_str(), "2x4x4");
        PL_EXPECT_ERROR(loadAnyDataset(root, Split::Test, "png", {1, 4, 4}), "unknown data format 'png'");
    }

    void oneEntryPointForEveryFormat()
    {
        // IDX goes to core, even when asked with "auto".
        const Dataset idx = loadAnyDataset(testing::fashionMnist(), Split::Test, "auto", {1, 28, 28});
        QCOMPARE(idx.format, std::string("idx"));
        QCOMPARE(idx.size(), int64_t(10000));

        QTemporaryDir dir;
        makeFolder(dir.path());
        const std::string root = dir.path().toStdString();
        QVERIFY(isImageFolder(root));
        QVERIFY(!isImageFolder(testing::fashionMnist()));
        const Dataset images = loadAnyDataset(root, Split::Test, "auto", {1, 4, 4});
        QCOMPARE(images.format, std::string("images"));
        QCOMPARE(images.size(), int64_t(4));
        QCOMPARE(images.path, root);
        // Forcing a format that the folder does not hold is core's error.
        PL_EXPECT_ERROR(loadAnyDataset(root, Split::Test, "idx", {1, 4, 4}), "no data set found");
        // A flat folder serves the training split too, and says so.
        const Dataset train = loadAnyDataset(root, Split::Train, "images", {1, 4, 4});
        QCOMPARE(train.size(), int64_t(4));
        QVERIFY2(QString::fromStdString(train.note).contains(QLatin1String("same images")), train.note.c_str());
        // No model yet (training): the first image's size and greyness.
        QVERIFY(loadAnyDataset(root, Split::Test, "images", {}).imageShape == (Shape{1, 4, 4}));

        // test/ and train/ beside each other: the split picks one.
        QTemporaryDir splits;
        writeImage(splits.filePath("train/a/1.png"), greyImage(4, 4, [](int, int) { return 1; }));
        writeImage(splits.filePath("train/b/2.png"), greyImage(4, 4, [](int, int) { return 2; }));
        writeImage(splits.filePath("train/b/3.png"), greyImage(4, 4, [](int, int) { return 3; }));
        writeImage(splits.filePath("test/a/4.png"), greyImage(4, 4, [](int, int) { return 4; }));
        const std::string splitRoot = splits.path().toStdString();
        QCOMPARE(loadAnyDataset(splitRoot, Split::Train, "auto", {1, 4, 4}).size(), int64_t(3));
        const Dataset test = loadAnyDataset(splitRoot, Split::Test, "auto", {1, 4, 4});
        QCOMPARE(test.size(), int64_t(1));
        QCOMPARE(int(test.pixels[0]), 4);
        QVERIFY(test.note.empty());
        QVERIFY(QDir(splits.filePath("test")).removeRecursively());
        PL_EXPECT_ERROR(loadAnyDataset(splitRoot, Split::Test, "auto", {1, 4, 4}), "train sub-folder", "none named test");
    }
};

QTEST_GUILESS_MAIN(TestImageFolder)
#include "tst_imagefolder.moc"
