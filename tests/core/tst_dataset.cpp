#include "dataset.h"
#include "error.h"
#include "testhelpers.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <numeric>

using namespace pathlens;

namespace {

QByteArray bigEndian(uint32_t value)
{
    QByteArray bytes(4, 0);
    for (int i = 0; i < 4; ++i)
        bytes[i] = char(value >> (24 - 8 * i));
    return bytes;
}

QByteArray idx(uint8_t dimensions, const std::vector<uint32_t> &sizes, const QByteArray &payload)
{
    QByteArray bytes("\x00\x00\x08", 3);
    bytes.append(char(dimensions));
    for (uint32_t size : sizes)
        bytes.append(bigEndian(size));
    return bytes + payload;
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

class TestDataset final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsFashionMnist()
    {
        const Dataset test = loadDataset(testing::fashionMnist(), Split::Test);
        QCOMPARE(test.size(), int64_t(10000));
        QCOMPARE(test.format, std::string("idx"));
        QVERIFY(test.imageShape == (Shape{1, 28, 28}));
        QCOMPARE(int64_t(test.pixels.size()), int64_t(10000 * 784));
        // First labels of t10k-labels-idx1-ubyte: 9 2 1 1 6; the first image's pixel sum is 33456.
        const std::vector<int64_t> first(test.labels.begin(), test.labels.begin() + 5);
        QVERIFY(first == (std::vector<int64_t>{9, 2, 1, 1, 6}));
        QCOMPARE(std::accumulate(test.pixels.begin(), test.pixels.begin() + 784, 0), 33456);
        QCOMPARE(test.classNames.at(9), std::string("Ankle boot"));
        PL_COMPARE_NEAR(test.mean.at(0), 0.2860, 1e-6);
        PL_COMPARE_NEAR(test.std.at(0), 0.3530, 1e-6);

        const Dataset train = loadDataset(testing::fashionMnist(), Split::Train);
        QCOMPARE(train.size(), int64_t(60000));
    }

    void rawAndCompressedAgree()
    {
        QTemporaryDir dir;
        for (const char *name : {"t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            QProcess gunzip;
            gunzip.setStandardOutputFile(dir.filePath(name));
            gunzip.start("gzip", {"-dc", QString("%1/%2.gz").arg(testing::fashionMnist(), name)});
            QVERIFY(gunzip.waitForFinished(60000));
            QCOMPARE(gunzip.exitCode(), 0);
        }
        const Dataset raw = loadDataset(dir.path().toStdString());
        const Dataset compressed = loadDataset(testing::fashionMnist());
        QVERIFY(raw.pixels == compressed.pixels);
        QVERIFY(raw.labels == compressed.labels);
        // Naming the image file works too; its label file is found beside it.
        const Dataset byFile = loadDataset(dir.filePath("t10k-images-idx3-ubyte").toStdString());
        QCOMPARE(byFile.size(), int64_t(10000));
    }

    void truncateKeepsTheFirstImages()
    {
        Dataset data = loadDataset(testing::fashionMnist());
        const auto firstPixels = std::vector<uint8_t>(data.pixels.begin(), data.pixels.begin() + 784 * 3);
        truncate(data, 3);
        QCOMPARE(data.size(), int64_t(3));
        QVERIFY(data.pixels == firstPixels);
    }

    void stratifiedSubsetIsBalancedAndInOrder()
    {
        const Dataset data = loadDataset(testing::fashionMnist());
        const Dataset subset = stratifiedSubset(data, 1000);
        QCOMPARE(subset.size(), int64_t(1000));
        std::vector<int64_t> perClass(10, 0);
        for (int64_t label : subset.labels)
            ++perClass[label];
        QVERIFY(perClass == std::vector<int64_t>(10, 100));
        // The first 100 images of each class, in the order of the data set, pixels with them.
        std::vector<int64_t> seen(10, 0);
        int64_t next = 0;
        for (int64_t i = 0; i < data.size() && next < subset.size(); ++i) {
            if (seen[data.labels[i]]++ >= 100)
                continue;
            QCOMPARE(subset.labels[next], data.labels[i]);
            QVERIFY(std::equal(data.pixels.begin() + i * 784, data.pixels.begin() + (i + 1) * 784,
                               subset.pixels.begin() + next * 784));
            ++next;
        }
        QCOMPARE(next, subset.size());

        // A class with too few images leaves its share to the others.
        Dataset skewed = data;
        skewed.labels = {0, 0, 0, 0, 1, 0};
        skewed.pixels.resize(6 * 784);
        QVERIFY((stratifiedSubset(skewed, 4).labels == std::vector<int64_t>{0, 0, 0, 1}));
        QCOMPARE(stratifiedSubset(skewed, -1).size(), int64_t(6));
    }

    void badIdxFilesAreExplained()
    {
        QTemporaryDir dir;
        const QString images = dir.filePath("t10k-images-idx3-ubyte");
        const QString labels = dir.filePath("t10k-labels-idx1-ubyte");
        const std::string folder = dir.path().toStdString();
        const QByteArray twoImages(2 * 4 * 4, '\x07');
        write(labels, idx(1, {2}, QByteArray("\x01\x02", 2)));

        write(images, QByteArray("\x00\x00\x09\x03", 4) + QByteArray(100, 0));
        PL_EXPECT_ERROR(loadDataset(folder), "t10k-images-idx3-ubyte", "wrong magic number");

        write(images, idx(3, {2, 4, 4}, twoImages.left(20)));
        PL_EXPECT_ERROR(loadDataset(folder), "t10k-images-idx3-ubyte", "truncated", "32 bytes", "found 20");

        write(images, idx(3, {2, 4}, QByteArray()));
        PL_EXPECT_ERROR(loadDataset(folder), "t10k-images-idx3-ubyte", "truncated");

        write(images, idx(3, {0xFFFFFFFFu, 0xFFFFu, 0xFFFFu}, twoImages));
        PL_EXPECT_ERROR(loadDataset(folder), "t10k-images-idx3-ubyte", "4 GiB");

        write(images, idx(3, {3, 4, 4}, twoImages + QByteArray(16, 0)));
        PL_EXPECT_ERROR(loadDataset(folder), "t10k-labels-idx1-ubyte", "2 labels", "3 images");

        write(images, idx(3, {2, 4, 4}, twoImages));
        const Dataset good = loadDataset(folder);
        QCOMPARE(good.size(), int64_t(2));
        QVERIFY(good.imageShape == (Shape{1, 4, 4}));

        write(images, QByteArray());
        PL_EXPECT_ERROR(loadDataset(folder), "t10k-images-idx3-ubyte", "too short");
    }

    // Regressions found by tests/fuzz (fuzz_idx) and while writing it: each was accepted and
    // left a data set that the engine cannot use (an empty label list is dereferenced there).
    void degenerateIdxFilesAreRefused()
    {
        const QByteArray labels = idx(1, {4}, QByteArray("\x09\x02\x01\x01", 4));
        auto parse = [&](const QByteArray &images) {
            return parseIdxDataset(reinterpret_cast<const uint8_t *>(images.constData()), size_t(images.size()),
                                   "x-images-idx3-ubyte", reinterpret_cast<const uint8_t *>(labels.constData()),
                                   size_t(labels.size()), "x-labels-idx1-ubyte", "x");
        };
        // tests/fuzz/regressions/idx/zero-width-images: four images of 6x0 pixels.
        PL_EXPECT_ERROR(parse(idx(3, {4, 6, 0}, QByteArray(8, 0))), "x-images-idx3-ubyte", "6x0 pixels are empty");
        // 2^31 x 2^31 x 4 bytes wrapped to 0 in 64 bits and passed the 4 GiB check with no data at all.
        PL_EXPECT_ERROR(parse(idx(3, {4, 0x80000000u, 0x80000000u}, QByteArray())), "x-images-idx3-ubyte", "4 GiB",
                        "4 x 2147483648 x 2147483648");
        const QByteArray noLabels = idx(1, {0}, QByteArray());
        const QByteArray noImages = idx(3, {0, 28, 28}, QByteArray());
        PL_EXPECT_ERROR(parseIdxDataset(reinterpret_cast<const uint8_t *>(noImages.constData()), size_t(noImages.size()),
                                        "x-images-idx3-ubyte", reinterpret_cast<const uint8_t *>(noLabels.constData()),
                                        size_t(noLabels.size()), "x-labels-idx1-ubyte", "x"),
                        "x-images-idx3-ubyte", "no images");

        // The file reader gives the same answers, naming the file.
        QTemporaryDir dir;
        write(dir.filePath("t10k-labels-idx1-ubyte"), labels);
        write(dir.filePath("t10k-images-idx3-ubyte"), idx(3, {4, 0x80000000u, 0x80000000u}, QByteArray()));
        PL_EXPECT_ERROR(loadDataset(dir.path().toStdString()), "t10k-images-idx3-ubyte", "4 GiB");
        write(dir.filePath("t10k-images-idx3-ubyte"), idx(3, {4, 0, 6}, QByteArray()));
        PL_EXPECT_ERROR(loadDataset(dir.path().toStdString()), "t10k-images-idx3-ubyte", "0x6 pixels are empty");
    }

    // The in-memory parsers (used by the fuzzers) give what the file readers give.
    void inMemoryParsersMatchTheFiles()
    {
        const QByteArray images = idx(3, {2, 2, 3}, QByteArray("\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c", 12));
        const QByteArray labels = idx(1, {2}, QByteArray("\x07\x03", 2));
        const Dataset parsed = parseIdxDataset(reinterpret_cast<const uint8_t *>(images.constData()), size_t(images.size()),
                                               "a", reinterpret_cast<const uint8_t *>(labels.constData()),
                                               size_t(labels.size()), "b", "mnist");
        QTemporaryDir dir;
        write(dir.filePath("t10k-images-idx3-ubyte"), images);
        write(dir.filePath("t10k-labels-idx1-ubyte"), labels);
        const Dataset loaded = loadDataset(dir.path().toStdString() + "/t10k-images-idx3-ubyte");
        QVERIFY(parsed.pixels == loaded.pixels);
        QVERIFY(parsed.labels == loaded.labels);
        QVERIFY(parsed.imageShape == loaded.imageShape);
        QCOMPARE(parsed.classNames.at(3), std::string("3")); // "mnist" in the name: the digits
        const QByteArray cut = images.left(images.size() - 1);
        PL_EXPECT_ERROR(parseIdxArray(reinterpret_cast<const uint8_t *>(cut.constData()), size_t(cut.size()), 3, "a"),
                        "a: truncated", "expected 12 bytes", "found 11");

        const QByteArray record = QByteArray(1, char(4)) + QByteArray(3072, char(200));
        const Dataset cifar = parseCifar10Batch(reinterpret_cast<const uint8_t *>(record.constData()),
                                                size_t(record.size()), "batch.bin");
        QVERIFY(cifar.labels == (std::vector<int64_t>{4}));
        QCOMPARE(cifar.format, std::string("cifar10"));
        PL_EXPECT_ERROR(parseCifar10Batch(reinterpret_cast<const uint8_t *>(record.constData()), 3000, "batch.bin"),
                        "batch.bin", "not a multiple");
    }

    void missingAndUnknownPaths()
    {
        PL_EXPECT_ERROR(loadDataset("/nonexistent/data"), "/nonexistent/data", "no such file");
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        PL_EXPECT_ERROR(loadDataset(folder), folder.c_str(), "no data set found");
        PL_EXPECT_ERROR(loadDataset(folder, Split::Test, "png"), "unknown data format");
    }

    void readsCifar10Binary()
    {
        QTemporaryDir dir;
        QByteArray records;
        for (int label : {3, 8}) {
            records.append(char(label));
            for (int i = 0; i < 3072; ++i)
                records.append(char((i + label) % 256));
        }
        write(dir.filePath("test_batch.bin"), records);
        const Dataset data = loadDataset(dir.path().toStdString());
        QCOMPARE(data.format, std::string("cifar10"));
        QCOMPARE(data.size(), int64_t(2));
        QVERIFY(data.imageShape == (Shape{3, 32, 32}));
        QVERIFY(data.labels == (std::vector<int64_t>{3, 8}));
        QCOMPARE(int(data.pixels.at(3072 + 5)), (5 + 8) % 256);
        QCOMPARE(data.classNames.at(3), std::string("cat"));

        write(dir.filePath("test_batch.bin"), records.left(3073 + 100));
        PL_EXPECT_ERROR(loadDataset(dir.path().toStdString()), "test_batch.bin", "not a multiple", "3073");
        records[0] = char(12);
        write(dir.filePath("test_batch.bin"), records);
        PL_EXPECT_ERROR(loadDataset(dir.path().toStdString()), "test_batch.bin", "label 12");
    }
};

QTEST_APPLESS_MAIN(TestDataset)
#include "tst_dataset.moc"
