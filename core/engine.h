#pragma once

#include "arrangement.h"
#include "dataset.h"
#include "network.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pathlens {

enum class DeviceChoice { Cpu, Cuda, Auto };

DeviceChoice parseDevice(const std::string &text); // "cpu", "cuda", "auto"; throws Error otherwise
bool cudaAvailable();
int defaultThreadCount(); // all cores

// The arithmetic of an evaluation. FP32 is the default and exact (CUDA agrees with the CPU within
// 1e-4 per logit). TF32 (CUDA only) rounds convolution inputs to 10-bit mantissas; BF16 runs the
// network's weights and activations in bfloat16 (where the device and LibTorch can). Both are
// opt-in, and every evaluation in them is compared with FP32 (EvalResult::precisionCheck).
enum class Precision { Fp32, Tf32, Bf16 };

Precision parsePrecision(const std::string &text); // "fp32", "tf32", "bf16"; throws Error otherwise
std::string precisionName(Precision precision);

struct EngineOptions
{
    DeviceChoice device = DeviceChoice::Auto;
    int threads = 0;                      // 0: all cores; shared equally by the engines at work at once
    // 0: 64 on the CPU (measured ~2x faster than 256 on 2 cores: activations stay in cache),
    // 500 on a GPU (a batch of 64 leaves an H100 waiting on kernel launches).
    int batchSize = 0;
    int64_t cacheBytes = int64_t(1) << 30; // activation cache budget; lower costs speed, never correctness
    bool reuseActivations = true;         // false: every arrangement runs from the input (the naive way)
    Precision precision = Precision::Fp32; // tf32 on a CPU, or bf16 where it does not run: Error at construction
    // CUDA only, and only where LibTorch has CUDA: one CUDA graph per block at the first batch size
    // (core/cudagraphs.h). Off by default until measured on a GPU (tests/gpu/run.sh).
    bool cudaGraphs = false;
    // FP32: run the copy whose batch norms are folded into their convolutions (Network::onDevice);
    // false runs the blocks as loaded (pathlens-bench compares both).
    bool foldBatchNorms = true;
    // Variant batching (issue 27 item 5): with several arrangements per call, the activations of
    // all that run the same block next are stacked into one batch, so a single-deletion sweep runs
    // one kernel per block and depth instead of one per arrangement. Unset: on a GPU only (there
    // small kernels leave it waiting on launches; the CPU resumes from the activation cache).
    std::optional<bool> batchVariants;
    std::vector<float> mean;              // empty: the model's metadata, else the data set's defaults
    std::vector<float> std;
};

// Shared flag a caller sets to stop work that has become stale; checked between batches.
class CancelToken
{
public:
    void cancel() { m_flag->store(true); }
    bool cancelled() const { return m_flag->load(); }

private:
    std::shared_ptr<std::atomic<bool>> m_flag = std::make_shared<std::atomic<bool>>(false);
};

struct EvalProgress
{
    int64_t imagesDone = 0;
    int64_t imagesTotal = 0;
    // Of the whole call, in [0, 1]: also within a batch, where many arrangements share one batch
    // of images (a sweep of 500 arrangements reported nothing for its first 30 s, issue 25).
    double fraction = 0;
    std::vector<int64_t> correct; // per arrangement, over imagesDone
    // Per arrangement, counting also the arrangements already finished in the batch under way:
    // correctCounted[a] of imagesCounted[a] images. A sweep on the GUI's live subset is one batch,
    // and its samples can be drawn as they finish (sweepSoFar).
    std::vector<int64_t> correctCounted;
    std::vector<int64_t> imagesCounted;
    int threads = 0;              // CPU threads of the last batch: the engine's share of its budget
};

struct EvalResult
{
    int64_t images = 0;            // images evaluated (fewer than asked when cancelled)
    std::vector<int64_t> correct;  // per arrangement
    std::vector<double> accuracy;  // per arrangement, fraction in [0, 1]
    double seconds = 0;
    bool cancelled = false;
    // Per arrangement and class: the images of that class classified correctly; and the images of
    // each class among those evaluated. Counted beside `correct` on the device (a negligible cost).
    std::vector<std::vector<int64_t>> classCorrect;
    std::vector<int64_t> classImages;
    // evaluatePredictions() only: per arrangement, the predicted class of each image evaluated
    // (`images` of them, in data set order from the first image asked for).
    std::vector<std::vector<int32_t>> predictions;
    // In tf32 or bf16: the unedited network's accuracy on the same images in that precision and in
    // FP32, both computed by the engine (once per range of images; not counted in `seconds`).
    // Absent in fp32, and when the call was cancelled or the check did not fit in memory.
    struct PrecisionCheck
    {
        double reduced = 0;
        double fp32 = 0;
        int64_t images = 0;
    };
    std::optional<PrecisionCheck> precisionCheck;
};

using ProgressCallback = std::function<void(const EvalProgress &)>;

// Runs arrangements of one network on one data set. The data set is converted to a normalised
// float tensor on the device once. Activations at block boundaries are cached per batch, so an
// arrangement that shares its first p slots with one evaluated before resumes at slot p
// (DESIGN.md section 3; bounded by EngineOptions::cacheBytes).
class Engine
{
public:
    // Throws Error when the data cannot feed the network (shapes named) or the device is missing.
    Engine(std::shared_ptr<const Network> network, const Dataset &data, EngineOptions options = {});
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    const NetworkInfo &info() const;
    std::string deviceName() const; // "cpu" or "cuda:0"
    int threads() const;
    int batchSize() const;
    Precision precision() const;
    // What the user should know about how the engine runs, one line each: CUDA asked for but
    // absent, so the CPU is used; a batch that did not fit in memory, so evaluate() retried it in
    // halves (down to one image) and keeps the smaller batch size. Empty when nothing is worth
    // saying. May grow during evaluate(); safe to call from another thread meanwhile.
    std::string notice() const;
    std::vector<std::string> notices() const;
    int64_t imageCount() const;
    // Everything that shapes this engine's numbers, as one string: the model file's contents, the
    // images (file, count, a checksum of the normalised pixels and of the labels, so mean and std
    // count too), the device and the precision. Engines with equal keys give equal accuracies for
    // every arrangement; the GUI keys its shelf of earlier results by it.
    const std::string &resultKey() const;

    // Top-1 accuracy of each arrangement on images [first, first + count) (count < 0: to the end).
    // Invalid arrangements throw Error before any work starts.
    EvalResult evaluate(const std::vector<Arrangement> &arrangements, int64_t first = 0, int64_t count = -1,
                        const ProgressCallback &progress = {}, const CancelToken *cancel = nullptr);

    // As evaluate(), and keeps every arrangement's predicted class of each image (4 bytes per
    // arrangement and image): what the confusion matrices and the agreement of variants need.
    EvalResult evaluatePredictions(const std::vector<Arrangement> &arrangements, int64_t first = 0, int64_t count = -1,
                                   const ProgressCallback &progress = {}, const CancelToken *cancel = nullptr);

    // The labels of images [first, first + count) (count < 0: to the end), as the engine holds them.
    std::vector<int64_t> labels(int64_t first = 0, int64_t count = -1) const;

    // Logits of images [first, first + count) under one arrangement, row-major (count x classes).
    std::vector<float> logits(const Arrangement &arrangement, int64_t first, int64_t count);

    int64_t cachedBytes() const;
    void clearCache();

    // The LibTorch side, defined in core/private/engine_p.h and reached only through EngineAccess.
    struct Impl;

private:
    friend struct EngineAccess;
    EvalResult run(const std::vector<Arrangement> &arrangements, int64_t first, int64_t count,
                   const ProgressCallback &progress, const CancelToken *cancel, bool keepPredictions);

    std::unique_ptr<Impl> m_impl;
};

} // namespace pathlens
