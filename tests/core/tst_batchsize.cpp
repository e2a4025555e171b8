#include "batchsize.h"

#include "testhelpers.h"

using namespace pathlens;

namespace {

constexpr int64_t MiB = int64_t(1) << 20;
constexpr int64_t GiB = int64_t(1) << 30;

// The bundled ResNet-110 on Fashion-MNIST: 16 x 28 x 28 floats at its widest, one grey image in.
BatchMemory resnet110(int64_t freeBytes)
{
    BatchMemory memory;
    memory.freeBytes = freeBytes;
    memory.reservedBytes = GiB; // the default activation cache
    memory.perImageBytes = peakBytesPerImage({16 * 28 * 28 * 4, 32 * 14 * 14 * 4, 64 * 7 * 7 * 4}, 28 * 28 * 4);
    memory.images = 10000;
    return memory;
}

} // namespace

class TestBatchSize final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void peakIsFiveLargestActivationsAndTheInput()
    {
        QCOMPARE(peakBytesPerImage({100, 300, 200}, 7), int64_t(1507));
        QCOMPARE(peakBytesPerImage({}, 7), int64_t(7));
    }

    void aLargeGpuGetsTheLargestBatch()
    {
        // 70 GiB free (an idle H100): far more than 4096 images need.
        QCOMPARE(chooseBatchSize(resnet110(70 * GiB)), int64_t(4096));
    }

    void aSmallerGpuGetsWhatFitsRoundedToWholeTiles()
    {
        // 2 GiB free, 1 GiB of it reserved: 0.7 GiB usable / 254,016 bytes per image = 2958 -> 2944.
        const BatchMemory memory = resnet110(2 * GiB);
        QCOMPARE(memory.perImageBytes, int64_t(5 * 16 * 28 * 28 * 4 + 28 * 28 * 4));
        const int64_t batch = chooseBatchSize(memory);
        QCOMPARE(batch, int64_t(2944));
        QCOMPARE(batch % 64, int64_t(0));
        QVERIFY(batch * memory.perImageBytes <= int64_t(0.7 * double(memory.freeBytes - GiB)));
    }

    void theReserveTakesAtMostHalfOfWhatIsFree()
    {
        // A 30 GiB cache budget on 8 GiB free: 4 GiB stay for the batch.
        BatchMemory memory = resnet110(8 * GiB);
        memory.reservedBytes = 30 * GiB;
        QCOMPARE(chooseBatchSize(memory), int64_t(4096)); // 4 GiB * 0.7 / 254 kB = 11,835 images fit
        memory.freeBytes = 400 * MiB;                       // 200 MiB usable * 0.7: 577 images
        QCOMPARE(chooseBatchSize(memory), int64_t(576));
    }

    void nearlyFullMemoryStillGivesAtLeastOneImage()
    {
        QCOMPARE(chooseBatchSize(resnet110(20 * MiB)), int64_t(28)); // below `smallest`: what fits, unrounded
        QCOMPARE(chooseBatchSize(resnet110(100)), int64_t(1));
        QCOMPARE(chooseBatchSize(resnet110(0)), int64_t(1));
        QCOMPARE(chooseBatchSize(resnet110(-5)), int64_t(1)); // an unknown amount is never negative batches
    }

    void neverMoreThanTheImages()
    {
        BatchMemory memory = resnet110(70 * GiB);
        memory.images = 2000; // the GUI's live subset: one batch
        QCOMPARE(chooseBatchSize(memory), int64_t(2000));
        memory.images = 0;
        QCOMPARE(chooseBatchSize(memory), int64_t(1));
    }
};

QTEST_APPLESS_MAIN(TestBatchSize)
#include "tst_batchsize.moc"
