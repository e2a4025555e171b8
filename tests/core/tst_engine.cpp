#include "engine.h"
#include "error.h"
#include "flops.h"
#include "private/engine_p.h"
#include "private/freecores.h"
#include "private/network_p.h"

#include "testhelpers.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <set>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace pathlens;

namespace {

Dataset fashionSubset(int64_t images)
{
    Dataset data = loadDataset(testing::fashionMnist());
    truncate(data, images);
    return data;
}

// A mix that exercises prefix reuse: the original, every single deletion, random deletions and
// within-stage swaps of the 9-block CIFAR-style fixture.
std::vector<Arrangement> mixedArrangements(const NetworkInfo &info)
{
    const int n = int(info.blocks.size());
    std::vector<Arrangement> arrangements{identityArrangement(n)};
    for (int i = 0; i < n; ++i)
        arrangements.push_back(withDeleted(identityArrangement(n), {i}));
    std::mt19937 random(3);
    for (int i = 0; i < 6; ++i) {
        std::vector<int> deleted;
        for (int b = 0; b < n; ++b)
            if (random() % 3 == 0)
                deleted.push_back(b);
        arrangements.push_back(withDeleted(identityArrangement(n), deleted));
    }
    arrangements.push_back(withOrder(identityArrangement(n), {2, 1, 0, 3, 5, 4, 6, 8, 7}));
    arrangements.push_back(withDeleted(withOrder(identityArrangement(n), {1, 0, 2, 3, 4, 5, 6, 8, 7}), {1, 4}));
    return arrangements;
}


// Many arrangements of the 9-block fixture for one batch of images: per round, each block j
// deleted (kept in odd rounds) with block k deleted too where k differs from j.
std::vector<Arrangement> manyArrangements(int rounds)
{
    std::vector<Arrangement> arrangements;
    for (int round = 0; round < rounds; ++round)
        for (int j = 0; j < 9; ++j)
            for (int k = 0; k < 9; ++k) {
                Arrangement arrangement = identityArrangement(9);
                arrangement[size_t(j)].active = round % 2 == 1;
                arrangement[size_t(k)].active = j == k;
                arrangements.push_back(arrangement);
            }
    return arrangements;
}

} // namespace

class TestEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Issue 26: the GUI's shelf of earlier numbers is keyed by resultKey(); after switching to
    // bf16, the fp32 numbers came back as "known from earlier" because the key left the precision
    // out. Everything that changes the numbers changes the key; nothing else does.
    void resultKeyNamesEverythingThatShapesTheNumbers()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        const Dataset data = fashionSubset(64);
        auto keyOf = [&](EngineOptions options) {
            options.device = DeviceChoice::Cpu;
            options.threads = 1;
            return Engine(network, data, options).resultKey();
        };
        const std::string fp32 = keyOf({});
        QCOMPARE(keyOf({}), fp32);
        EngineOptions bf16;
        bf16.precision = Precision::Bf16;
        QVERIFY(keyOf(bf16) != fp32);
        EngineOptions otherMean;
        otherMean.mean = {0.5f};
        QVERIFY(keyOf(otherMean) != fp32);
        EngineOptions otherBatch;
        otherBatch.batchSize = 7; // the same numbers: the same key
        QCOMPARE(keyOf(otherBatch), fp32);
        Dataset fewer = data;
        truncate(fewer, 32);
        QVERIFY(Engine(network, fewer, {DeviceChoice::Cpu, 1}).resultKey() != fp32);
        const auto other = Network::load(testing::fixture("tv_basic.pt"));
        QVERIFY(Engine(other, data, {DeviceChoice::Cpu, 1}).resultKey() != fp32);
    }

    void reuseGivesTheSameAnswers_data()
    {
        QTest::addColumn<qint64>("cacheBytes");
        QTest::newRow("ample cache") << (qint64(1) << 30);
        QTest::newRow("tight cache, strided checkpoints") << (qint64(64) << 20);
    }

    void reuseGivesTheSameAnswers()
    {
        QFETCH(qint64, cacheBytes);
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        const Dataset data = fashionSubset(600);
        EngineOptions options;
        options.batchSize = 128;
        options.device = DeviceChoice::Cpu;
        options.reuseActivations = false;
        Engine naive(network, data, options);
        const auto arrangements = mixedArrangements(naive.info());
        const EvalResult expected = naive.evaluate(arrangements);
        QCOMPARE(naive.cachedBytes(), int64_t(0));

        options.reuseActivations = true;
        options.cacheBytes = cacheBytes;
        Engine reuse(network, data, options);
        const EvalResult first = reuse.evaluate(arrangements);
        QVERIFY(first.correct == expected.correct);
        QCOMPARE(first.images, int64_t(600));
        QVERIFY(reuse.cachedBytes() > 0);
        QVERIFY2(reuse.cachedBytes() <= cacheBytes / 2,
                 qPrintable(QStringLiteral("%1 cached bytes exceed half of %2").arg(reuse.cachedBytes()).arg(cacheBytes)));
        // Again, now resuming from checkpoints kept between calls, one arrangement at a time.
        for (size_t i = arrangements.size(); i-- > 0;) {
            const EvalResult single = reuse.evaluate({arrangements[i]});
            QCOMPARE(single.correct.at(0), expected.correct[i]);
        }
        // Single deletion changes some answers, so equality above is not vacuous.
        QVERIFY(std::set<int64_t>(expected.correct.begin(), expected.correct.end()).size() > 3);
    }

    // Issue 27: a captured CUDA graph replays into the same output tensor every time. A deleted
    // identity block handed the previous graph's output on unchanged, the engine kept it as a
    // checkpoint without a copy, and the next replay of that graph (the next batch) overwrote it:
    // resumed from, it gave another batch's activations. The CPU stand-in reuses one output buffer
    // per slot as CUDA graphs do. Every bundled model (and the 9-block fixture): every single
    // deletion as one sweep, then a user's walk of edits evaluated one at a time from the
    // checkpoints kept between calls, over two batches with a cache that keeps every second or
    // third checkpoint: the same predictions as the engine without graphs, image by image.
    void graphBuffersAreNeverKept_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("cifar20 fixture") << QString::fromStdString(testing::fixture("cifar20.pt"));
        for (const char *name : {"resnet110-fashion.pt", "resnet110-sd-fashion.pt", "plain15-fashion.pt"})
            QTest::newRow(name) << QStringLiteral(PATHLENS_MODELS_DIR "/%1").arg(QLatin1String(name));
    }

    void graphBuffersAreNeverKept()
    {
        QFETCH(QString, model);
        const auto network = Network::load(model.toStdString());
        const Dataset data = fashionSubset(8);
        EngineOptions options;
        options.device = DeviceChoice::Cpu;
        options.threads = 2;
        options.batchSize = 4; // two full batches: graphs replay for both
        Engine eager(network, data, options);
        int64_t allCheckpoints = 0;
        for (int64_t bytes : EngineAccess::of(eager).slotBytes)
            allCheckpoints += bytes * data.size();
        options.cacheBytes = allCheckpoints; // half of it kept: strides of 2 or 3
        Engine withGraphs(network, data, options);
        Engine::Impl &d = EngineAccess::of(withGraphs);
        QVERIFY(d.strideWithin(data.size(), options.cacheBytes / 2, 1) > 1);
        d.graphs = std::make_unique<SlotGraphs>(d.net, std::make_unique<ReusedBufferCapturer>());

        const int n = int(eager.info().blocks.size());
        std::vector<Arrangement> arrangements{identityArrangement(n)};
        for (int b = 0; b < n; ++b)
            arrangements.push_back(withDeleted(identityArrangement(n), {b}));
        const EvalResult expected = eager.evaluatePredictions(arrangements);
        QVERIFY(withGraphs.evaluatePredictions(arrangements).predictions == expected.predictions);
        QVERIFY(d.graphs->capturedCount() >= n);
        QVERIFY2(d.graphs->failure().empty(), d.graphs->failure().c_str());

        // Blocks toggled one at a time, as a user edits: each evaluation resumes deep in the network.
        std::mt19937 random(27);
        std::vector<int> deleted;
        std::set<std::vector<int32_t>> distinct;
        for (int edit = 0; edit < 40; ++edit) {
            const int block = int(random() % unsigned(n));
            const auto at = std::find(deleted.begin(), deleted.end(), block);
            if (at == deleted.end())
                deleted.push_back(block);
            else
                deleted.erase(at);
            const Arrangement arrangement = withDeleted(identityArrangement(n), deleted);
            const auto truth = eager.evaluatePredictions({arrangement}).predictions.at(0);
            QVERIFY2(withGraphs.evaluatePredictions({arrangement}).predictions.at(0) == truth,
                     qPrintable(QStringLiteral("edit %1: %2").arg(edit).arg(QString::fromStdString(describe(arrangement)))));
            distinct.insert(truth);
        }
        QVERIFY(distinct.size() > 2); // the edits change answers: equality is not vacuous
    }

    // Issue 27 item 5: variant batching stacks the activations of every arrangement that runs the
    // same block next into one batch. The same predictions, image by image, as the engine that
    // runs each arrangement from its cached prefix: the original, every single deletion, random
    // deletions and legal swaps and, where the network allows (the ViT), a reversed span, parallel
    // groups summed and averaged and repeats; in chunks too, when the cache budget holds only a
    // few arrangements' activations. A single-deletion sweep runs 2n steps (each block once
    // active for all the prefixes that need it, once deleted), not n(n + 1)/2.
    void variantBatchingAgreesWithTheCache_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("cifar20 fixture") << QString::fromStdString(testing::fixture("cifar20.pt"));
        for (const char *name : {"resnet110-fashion.pt", "plain15-fashion.pt", "vit12-fashion.pt"})
            QTest::newRow(name) << QStringLiteral(PATHLENS_MODELS_DIR "/%1").arg(QLatin1String(name));
    }

    void variantBatchingAgreesWithTheCache()
    {
        QFETCH(QString, model);
        const auto network = Network::load(model.toStdString());
        const Dataset data = fashionSubset(48);
        EngineOptions options;
        options.device = DeviceChoice::Cpu;
        options.threads = 2;
        options.batchSize = 32; // a full batch and a shorter one
        options.batchVariants = false;
        Engine cached(network, data, options);
        const NetworkInfo &info = cached.info();
        const int n = int(info.blocks.size());

        std::vector<Arrangement> sweep{identityArrangement(n)};
        for (int b = 0; b < n; ++b)
            sweep.push_back(withDeleted(identityArrangement(n), {b}));
        std::vector<Arrangement> mixed = sweep;
        // Random deletions drawn here, not by experiments.cpp: the ThreadSanitizer tree builds
        // only the engine's part of core.
        const Arrangement identity = identityArrangement(n);
        std::mt19937 random(5);
        for (int k = 0; k < 6; ++k) {
            std::vector<int> deleted;
            for (int b = 0; b < n; ++b)
                if (random() % 4 == 0 && !info.blocks[size_t(b)].downsampling)
                    deleted.push_back(b);
            mixed.push_back(withDeleted(identity, deleted));
        }
        std::vector<int> reversed(static_cast<size_t>(n)), swapped(static_cast<size_t>(n));
        std::iota(reversed.begin(), reversed.end(), 0);
        std::iota(swapped.begin(), swapped.end(), 0);
        std::swap(swapped[1], swapped[2]);
        std::swap(swapped[size_t(n - 2)], swapped[size_t(n - 1)]);
        std::vector<Arrangement> candidates{withOrder(identity, swapped)};
        if (n >= 10) {
            std::reverse(reversed.begin() + 4, reversed.begin() + 10);
            candidates.insert(candidates.end(),
                              {withOrder(identity, reversed), withParallel(identity, 4, 9, Join::Sum),
                               withParallel(identity, 2, 5, Join::Mean), withParallel(withDeleted(identity, {3}), 2, 5, Join::Sum),
                               withRepeated(identity, 6, 7), withRepeated(identity, 6, 6)});
        }
        for (const Arrangement &candidate : candidates)
            if (!whyInvalid(info, candidate))
                mixed.push_back(candidate);
        if (model.contains(QLatin1String("vit")))
            QCOMPARE(mixed.size(), sweep.size() + 6 + candidates.size()); // every intervention applies to the ViT

        const EvalResult truth = cached.evaluatePredictions(mixed);
        options.batchVariants = true;
        Engine stacked(network, data, options);
        QVERIFY(stacked.evaluatePredictions(mixed).predictions == truth.predictions);

        // The sweep alone: two batches of 2n steps.
        Engine::Impl &d = EngineAccess::of(stacked);
        d.variantSteps = 0;
        const EvalResult sweepResult = stacked.evaluatePredictions(sweep);
        QCOMPARE(d.variantSteps, int64_t(2 * 2 * n));
        QVERIFY(std::equal(sweepResult.predictions.begin(), sweepResult.predictions.end(), truth.predictions.begin()));

        // Chunks of three arrangements: the cache budget holds three batches of the largest activation.
        options.cacheBytes = 2 * 3 * 32 * *std::max_element(d.slotBytes.begin(), d.slotBytes.end());
        Engine chunked(network, data, options);
        QVERIFY(chunked.evaluatePredictions(mixed).predictions == truth.predictions);

        std::set<std::vector<int32_t>> distinct(truth.predictions.begin(), truth.predictions.end());
        QVERIFY(distinct.size() > 1); // the arrangements answer differently: equality is not vacuous
    }

    void rangesAndLogits()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        EngineOptions options;
        options.batchSize = 50;
        Engine engine(network, fashionSubset(300), options);
        const Arrangement identity = identityArrangement(9);
        const EvalResult all = engine.evaluate({identity});
        const EvalResult head = engine.evaluate({identity}, 0, 120);
        const EvalResult tail = engine.evaluate({identity}, 120, -1);
        QCOMPARE(head.images + tail.images, all.images);
        QCOMPARE(head.correct[0] + tail.correct[0], all.correct[0]);
        PL_COMPARE_NEAR(all.accuracy[0], double(all.correct[0]) / 300.0, 1e-12);

        const auto logits = engine.logits(identity, 10, 4);
        QCOMPARE(int(logits.size()), 4 * 10);
        for (float value : logits)
            QVERIFY(std::isfinite(value));
    }

    void progressAndCancellation()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        EngineOptions options;
        options.batchSize = 64;
        // A report after every batch is the CPU's contract; on CUDA reports come at most ten times a
        // second (a read-back per batch would stall the GPU), so this contract is checked on the CPU.
        options.device = DeviceChoice::Cpu;
        Engine engine(network, fashionSubset(512), options);
        CancelToken token;
        std::vector<int64_t> seen;
        const EvalResult result = engine.evaluate({identityArrangement(9)}, 0, -1, [&](const EvalProgress &progress) {
            seen.push_back(progress.imagesDone);
            QCOMPARE(progress.imagesTotal, int64_t(512));
            QCOMPARE(int(progress.correct.size()), 1);
            if (progress.imagesDone >= 192)
                token.cancel();
        }, &token);
        QVERIFY(result.cancelled);
        QCOMPARE(result.images, int64_t(192));
        QVERIFY(seen == (std::vector<int64_t>{64, 128, 192}));
    }

    // Many arrangements on one batch of images (a sweep on the live subset) report their progress
    // as they go, not only when the batch is done: at most every 250 ms, so a run of more than a
    // second must report within the batch. The counts stay those of the whole batches done.
    void progressWithinABatch()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        EngineOptions options;
        options.batchSize = 256;
        Engine engine(network, fashionSubset(256), options);
        const std::vector<Arrangement> arrangements = manyArrangements(3); // over a second on 2 cores: reports within the batch
        std::vector<double> fractions;
        std::vector<EvalProgress> withinBatch;
        QElapsedTimer clock;
        clock.start();
        const EvalResult result = engine.evaluate(arrangements, 0, -1, [&](const EvalProgress &progress) {
            fractions.push_back(progress.fraction);
            if (progress.fraction < 1) {
                QCOMPARE(progress.imagesDone, int64_t(0));
                QVERIFY(std::all_of(progress.correct.begin(), progress.correct.end(), [](int64_t c) { return c == 0; }));
                withinBatch.push_back(progress);
            }
        });
        const qint64 ms = clock.elapsed();
        QCOMPARE(result.images, int64_t(256));
        // The arrangements finished within the batch are counted already, with their final counts
        // (what a running sweep draws), and the others not at all; ever more of them.
        int finishedBefore = 0;
        for (const EvalProgress &progress : withinBatch) {
            QCOMPARE(progress.imagesCounted.size(), arrangements.size());
            int finished = 0;
            for (size_t a = 0; a < arrangements.size(); ++a) {
                const bool counted = progress.imagesCounted[a] > 0;
                QCOMPARE(progress.imagesCounted[a], counted ? int64_t(256) : int64_t(0));
                QCOMPARE(progress.correctCounted[a], counted ? result.correct[a] : int64_t(0));
                finished += counted;
            }
            QVERIFY(finished >= finishedBefore);
            finishedBefore = finished;
        }
        QVERIFY(withinBatch.empty() || finishedBefore > 0);
        QVERIFY(!fractions.empty());
        QCOMPARE(fractions.back(), 1.0);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QVERIFY(fractions.front() > 0);
        if (ms > 1000)
            QVERIFY2(fractions.size() >= 2 && !withinBatch.empty(), qPrintable(QStringLiteral("%1 ms, one report").arg(ms)));
        else
            qInfo("%lld ms: within-batch reports not required", ms);
    }

    // A cancel within a batch of many arrangements stops at the next arrangement, not at the end
    // of the batch (closing the window during Delete k waited 32 s); the cut batch counts nothing.
    void cancellationWithinABatch()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        EngineOptions options;
        options.batchSize = 256;
        Engine engine(network, fashionSubset(256), options);
        const std::vector<Arrangement> arrangements = manyArrangements(4); // a report within the batch (250 ms)
        CancelToken token;
        int reportsAfterCancel = 0;
        bool firstReportWithinBatch = false;
        const EvalResult result = engine.evaluate(arrangements, 0, -1, [&](const EvalProgress &progress) {
            if (token.cancelled())
                ++reportsAfterCancel;
            else if (progress.fraction < 1) {
                firstReportWithinBatch = true;
                token.cancel();
            }
        }, &token);
        if (!firstReportWithinBatch)
            QSKIP("the whole batch took less than 250 ms: no report within it to cancel from");
        QVERIFY(result.cancelled);
        QCOMPARE(result.images, int64_t(0));
        QCOMPARE(reportsAfterCancel, 0);
    }

    // Engines are built on the GUI thread and on analysis threads while another engine runs the
    // same network; each runs its device's copy, so nothing it does reaches a running evaluation.
    // Engines are built while another evaluates, as the GUI does (comparison, analyses, a new
    // precision). Some run in bfloat16: were an engine to convert the shared loaded module
    // (Module::to, as before the per-device copies), the running evaluation would read bfloat16
    // weights and its logits would change. Checked bitwise, and the loaded module's weights too.
    void enginesBuiltDuringAnEvaluationChangeNothing()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        EngineOptions options;
        options.threads = 1;
        const Dataset data = fashionSubset(512);
        const Arrangement identity = identityArrangement(9);
        const std::vector<float> quiet = Engine(network, data, options).logits(identity, 0, 512);
        const auto &module = NetworkAccess::of(*network).module;
        std::vector<at::Tensor> weights;
        for (const at::Tensor &parameter : module.parameters())
            weights.push_back(parameter.detach().clone());

        Engine running(network, data, options);
        std::vector<float> during;
        std::thread evaluation([&] { during = running.logits(identity, 0, 512); });
        const Dataset few = fashionSubset(8);
        for (int i = 0; i < 50; ++i) {
            EngineOptions other = options;
            other.precision = i % 10 == 1 ? Precision::Bf16 : Precision::Fp32; // bfloat16 is slow on CPUs without it
            Engine(network, few, other).evaluate({identity});
        }
        evaluation.join();
        QVERIFY(during == quiet); // bitwise
        size_t i = 0;
        for (const at::Tensor &parameter : module.parameters()) {
            QCOMPARE(parameter.scalar_type(), at::kFloat);
            QVERIFY(at::equal(parameter, weights[i++]));
        }
    }

    // Engines at work at the same moment share their thread budget instead of each taking all of
    // it (the GUI's live evaluation, comparison and analysis: 3N threads on N cores before).
    void enginesAtWorkShareTheirThreads()
    {
        // The engines' own sharing, whatever other tests beside this one keep busy (ctest -j).
        FreeCores::instance().holdForTesting(64);
        const auto release = qScopeGuard([] { FreeCores::instance().holdForTesting(-1); });
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        EngineOptions options;
        options.threads = 2;
        options.batchSize = 16;
        const Dataset data = fashionSubset(160);
        Engine first(network, data, options);
        Engine second(network, data, options);
        std::mutex mutex;
        std::condition_variable changed;
        bool secondRan = false;
        std::vector<int> firstThreads;
        int secondThreads = 0;
        std::thread worker([&] {
            first.evaluate({identityArrangement(9)}, 0, -1, [&](const EvalProgress &progress) {
                std::unique_lock<std::mutex> lock(mutex);
                firstThreads.push_back(progress.threads);
                if (firstThreads.size() == 2) { // wait while the second engine works
                    changed.notify_all();
                    changed.wait(lock, [&] { return secondRan; });
                }
            });
        });
        {
            std::unique_lock<std::mutex> lock(mutex);
            changed.wait(lock, [&] { return firstThreads.size() == 2; }); // the first is at work
        }
        second.evaluate({identityArrangement(9)}, 0, 32, [&](const EvalProgress &progress) {
            const std::lock_guard<std::mutex> lock(mutex);
            secondThreads = progress.threads;
        });
        {
            const std::lock_guard<std::mutex> lock(mutex);
            secondRan = true;
        }
        changed.notify_all();
        worker.join();
        QCOMPARE(firstThreads.front(), 2); // alone: all of its budget
        QCOMPARE(secondThreads, 1);        // two at work: half each
        QCOMPARE(firstThreads.back(), 2);  // alone again once the second has finished
    }

    void invalidArrangementsAreRefused()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        Engine engine(network, fashionSubset(64));
        PL_EXPECT_ERROR(engine.evaluate({withOrder(identityArrangement(9), {3, 1, 2, 0, 4, 5, 6, 7, 8})}),
                        "invalid arrangement 0", "downsampling");
    }

    void greyImagesFeedAnRgbStem()
    {
        const auto network = Network::load(testing::fixture("cifar8_rgb.pt"));
        Engine engine(network, fashionSubset(64));
        QVERIFY(engine.info().inputShape == (Shape{3, 28, 28}));
        QCOMPARE(engine.evaluate({identityArrangement(3)}).images, int64_t(64));
    }

    void mismatchedDataIsExplained()
    {
        Dataset rgb;
        rgb.path = "rgb-data";
        rgb.imageShape = {3, 32, 32};
        rgb.pixels.assign(2 * 3 * 32 * 32, 100);
        rgb.labels = {1, 2};
        rgb.mean = {0.5f};
        rgb.std = {0.2f};
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        PL_EXPECT_ERROR(Engine(network, rgb), "cifar20.pt", "1 channels", "rgb-data", "3x32x32");

        Dataset manyClasses = fashionSubset(10);
        manyClasses.labels[3] = 42;
        PL_EXPECT_ERROR(Engine(network, manyClasses), "label 42", "10 classes");
    }

    void cudaWithoutCudaFallsBackWithANotice()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        QVERIFY(Engine(network, fashionSubset(64)).notice().empty());
        if (cudaAvailable())
            QSKIP("this machine has CUDA");
        EngineOptions options;
        options.device = DeviceChoice::Cuda;
        Engine engine(network, fashionSubset(64), options);
        QCOMPARE(QString::fromStdString(engine.deviceName()), QStringLiteral("cpu"));
        QVERIFY(QString::fromStdString(engine.notice()).contains(QStringLiteral("running on the CPU")));
        QCOMPARE(engine.evaluate({identityArrangement(9)}).images, int64_t(64));
    }

    // The counted FLOPs of the CIFAR-style ResNet-20 fixture on 1x28x28 images equal the count by
    // hand: 3x3 convolutions (two per block), a strided 1x1 projection where the channels change,
    // the stem's 3x3 convolution and the 64 -> 10 classifier; a multiply-add is two.
    void flopsMatchTheArchitecture()
    {
        Engine engine(Network::load(testing::fixture("cifar20.pt")), fashionSubset(64));
        const FlopCount flops = countFlops(engine);
        QCOMPARE(int(flops.blocks.size()), 9);
        QCOMPARE(flops.stem, 2.0 * 16 * 1 * 9 * 28 * 28);
        QCOMPARE(flops.head, 2.0 * 64 * 10);
        for (const BlockInfo &block : engine.info().blocks) {
            const double in = double(block.inputShape[0]);
            const double out = double(block.outputShape[0]);
            const double pixels = double(block.outputShape[1] * block.outputShape[2]);
            double expected = 2 * out * in * 9 * pixels + 2 * out * out * 9 * pixels;
            if (in != out)
                expected += 2 * out * in * pixels;
            QCOMPARE(flops.blocks[block.index], expected);
        }
        QCOMPARE(flops.fromSlot(8), flops.blocks[8] + flops.head);

        const ConvolutionThroughput conv = measureConvolutionThroughput(engine, 0.1);
        QCOMPARE(conv.flopsPerBatch, 64 * (flops.total() - flops.head));
        QVERIFY(conv.gflops() > 0.1);

    }
};

QTEST_APPLESS_MAIN(TestEngine)
#include "tst_engine.moc"
