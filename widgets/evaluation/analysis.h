#pragma once

#include "agreement.h"
#include "arrangement.h"
#include "dataset.h"
#include "experiments.h"
#include "engine.h"
#include "gradients.h"
#include "network.h"
#include "results.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <vector>

namespace pathlens {

// The slower experiments the GUI runs on request, one at a time on a worker thread of their own
// (beside the live evaluation): single deletions (the paper's Fig. 3), random deletions and
// reorderings (Fig. 5) and gradient magnitude per path length (Fig. 6). Each brings its own engine, so the live worker's engine is never shared.
// Partial results arrive as signals in the GUI thread while the work goes on; a new start or
// stop() cancels the job in flight at its next batch.
class Analysis final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Analysis)

public:
    struct Lesion
    {
        LesionResult result; // on the images done so far; NaN where a block cannot be deleted
        qint64 imagesDone = 0; // 0 while the first batch runs: then only `fraction` says how far it is
        qint64 imagesTotal = 0;
        double fraction = 0; // of the work, within a batch too
        bool finished = false;
        // When finished: per class, the images and those the original classified correctly; per
        // block, the same with that block deleted (empty where it cannot be); the agreement of
        // the variants (the original first, then the blocks in `blocks`' order).
        std::vector<std::string> classNames;
        std::vector<int64_t> classImages;
        std::vector<int64_t> baselineClassCorrect;
        std::vector<std::vector<int64_t>> classCorrect;
        std::vector<int> blocks;
        EnsembleReading ensemble;
    };

    // The current arrangement against the original on the same images, per class.
    struct ClassComparison
    {
        Arrangement arrangement;
        std::vector<std::string> classNames;
        qint64 images = 0;
        ClassCounts original;
        ClassCounts current;
        std::vector<std::vector<int64_t>> originalConfusion;
        std::vector<std::vector<int64_t>> currentConfusion;
    };

    // Fig. 5a or 5b: the finished sweep, or while it runs only how far it is.
    struct Sweep
    {
        // When finished; while it runs, the samples counted so far (sweepSoFar), when there are new ones
        SweepResult result;
        bool reorder = false;
        double fraction = 0; // of the images times the arrangements sampled
        qint64 imagesTotal = 0;
        int samplesCounted = 0; // the arrangements in `result` while it runs; 0: only how far it is
        qint64 imagesCounted = 0; // while it runs, the most images any of those was counted on
        bool finished = false;
    };

    explicit Analysis(QObject *parent = nullptr);
    ~Analysis() override; // cancels and waits

    void startLesion(std::shared_ptr<const Network> network, Dataset images, EngineOptions options);
    // For the arrangement as it is now, on the images `loadImages` returns (called on the worker
    // thread: reading the training split, DESIGN.md section 5, takes a moment).
    void startGradients(std::shared_ptr<const Network> network, std::function<Dataset()> loadImages,
                        Arrangement arrangement, GradientOptions gradientOptions, EngineOptions options);
    // Random deletions of k = 0..maxK blocks (reorder: k random swaps) of the original network,
    // `samples` per k, as deleteKSweep and reorderSweep draw them from `seed`; `critical` blocks
    // (of a single-deletion study, else empty) split the samples.
    void startSweep(std::shared_ptr<const Network> network, Dataset images, bool reorder, int maxK, int samples,
                    uint64_t seed, std::vector<int> critical, EngineOptions options);
    void startClassComparison(std::shared_ptr<const Network> network, Dataset images, Arrangement arrangement,
                              EngineOptions options);
    void stop();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    void lesionUpdated(const pathlens::Analysis::Lesion &lesion);
    void sweepUpdated(const pathlens::Analysis::Sweep &sweep);
    void classesCompared(const pathlens::Analysis::ClassComparison &comparison);
    void gradientsUpdated(const pathlens::GradientResult &result, int samplesDone, int samplesTotal);
    void failed(const QString &message);
    void stopped(); // finished, cancelled or failed: nothing runs any more

private:
    void start(std::function<void(const CancelToken &)> job);
    // Runs `update` in the GUI thread unless the job it belongs to was cancelled meanwhile.
    void post(const CancelToken &cancel, std::function<void()> update);

    QThread *m_thread = nullptr;
    std::shared_ptr<CancelToken> m_cancel;
    std::vector<QThread *> m_finishing; // cancelled jobs still reaching their next checkpoint
};

} // namespace pathlens

Q_DECLARE_METATYPE(pathlens::Analysis::Lesion)
Q_DECLARE_METATYPE(pathlens::Analysis::ClassComparison)
Q_DECLARE_METATYPE(pathlens::Analysis::Sweep)
Q_DECLARE_METATYPE(pathlens::GradientResult)
