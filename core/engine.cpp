#include "engine.h"

#include "batchsize.h"
#include "error.h"
#include "private/engine_p.h"
#include "private/freecores.h"
#ifdef PATHLENS_WITH_CUDA
#include "cudagraphs.h"
#endif

#include <ATen/Context.h>
#include <ATen/Parallel.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <numeric>
#include <optional>
#include <thread>

namespace pathlens {

DeviceChoice parseDevice(const std::string &text)
{
    if (text == "cpu")
        return DeviceChoice::Cpu;
    if (text == "cuda")
        return DeviceChoice::Cuda;
    if (text == "auto")
        return DeviceChoice::Auto;
    throw Error("unknown device '" + text + "': use cpu, cuda or auto");
}

bool cudaAvailable()
{
    return at::hasCUDA();
}

int defaultThreadCount()
{
    return std::max(1u, std::thread::hardware_concurrency());
}

namespace {

// The largest batch that fits in the device's free memory, or `fallback` where that is not known.
int64_t batchForFreeMemory(const Engine::Impl &d, int64_t fallback)
{
#ifdef PATHLENS_WITH_CUDA
    if (d.device.is_cuda()) {
        BatchMemory memory;
        memory.freeBytes = freeCudaBytes(d.device.index());
        memory.reservedBytes = d.options.cacheBytes;
        memory.perImageBytes = peakBytesPerImage(d.slotBytes, d.images[0].numel() * int64_t(d.images.element_size()));
        if (d.options.cudaGraphs) // each captured slot keeps its input and output at the batch size
            memory.perImageBytes += SlotGraphs::bytesPerImage(d.slotBytes);
        memory.images = d.images.size(0);
        if (memory.freeBytes > 0)
            return chooseBatchSize(memory);
    }
#else
    (void)d;
#endif
    return fallback;
}

bool lexicographicLess(const Arrangement &a, const Arrangement &b)
{
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](const Slot &x, const Slot &y) {
        if (x.block != y.block)
            return x.block < y.block;
        return x.active != y.active ? x.active && !y.active : x.join < y.join;
    });
}

} // namespace

bool isOutOfMemory(const std::exception &error)
{
    if (dynamic_cast<const std::bad_alloc *>(&error) || dynamic_cast<const c10::OutOfMemoryError *>(&error))
        return true;
    // LibTorch 1.13's CPU allocator throws a plain c10::Error, and the TorchScript interpreter
    // rethrows whatever a method raised as std::runtime_error: only the message is left to go by.
    const std::string what = error.what();
    for (const char *sign : {"out of memory", "can't allocate memory", "not enough memory", "std::bad_alloc"})
        if (what.find(sign) != std::string::npos)
            return true;
    return false;
}

std::string memoryMessage(const std::string &text)
{
    // The interpreter's messages start with a TorchScript traceback; the allocator's own line is
    // the useful one.
    for (const char *sign : {"DefaultCPUAllocator", "CUDA out of memory", "out of memory"}) {
        const auto at = text.find(sign);
        if (at != std::string::npos)
            return text.substr(at, text.find('\n', at) - at);
    }
    return text.substr(0, text.find('\n'));
}

void tuneHeapForLargeTensors()
{
#ifdef __GLIBC__
    // Activations are megabytes each. By default glibc serves such blocks with mmap and returns
    // them on free, so every batch page-faults fresh memory (measured: 40% of the time of a
    // cached evaluation went to the kernel). Keeping them in the heap lets freed blocks be reused.
    static const bool tuned = [] {
        mallopt(M_MMAP_THRESHOLD, 512 << 20);
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
        return true;
    }();
    (void)tuned;
#endif
}

at::Tensor normalisedImages(const Dataset &data, const std::vector<float> &mean, const std::vector<float> &std, bool toThreeChannels)
{
    Shape batchShape{data.size()};
    batchShape.insert(batchShape.end(), data.imageShape.begin(), data.imageShape.end());
    const at::Tensor pixels = at::from_blob(const_cast<uint8_t *>(data.pixels.data()), batchShape, at::kByte);
    const std::vector<int64_t> channelShape{1, int64_t(mean.size()), 1, 1};
    at::Tensor images = (pixels.to(at::kFloat).div(255.0f) - at::tensor(mean).reshape(channelShape))
                        / at::tensor(std).reshape(channelShape);
    if (toThreeChannels)
        images = images.expand({-1, 3, -1, -1});
    return images.contiguous();
}

at::Tensor labelTensor(const Dataset &data)
{
    return at::from_blob(const_cast<int64_t *>(data.labels.data()), {data.size()}, at::kLong).clone();
}

Engine::Engine(std::shared_ptr<const Network> network, const Dataset &data, EngineOptions options)
    : m_impl(std::make_unique<Impl>(std::move(network), options))
{
    Impl &d = *m_impl;
    tuneHeapForLargeTensors();
    if (options.batchSize < 0)
        throw Error("the batch size must be at least 1, got " + std::to_string(options.batchSize));
    d.threads = options.threads > 0 ? options.threads : defaultThreadCount();
    at::set_num_threads(d.threads);
    const bool cuda = cudaAvailable();
    if (options.device == DeviceChoice::Cuda && !cuda)
        d.setNotice(Impl::NoticeKind::Device, "CUDA was requested, but this LibTorch build has no CUDA device; running on the CPU instead");
    if (options.device != DeviceChoice::Cpu && cuda) {
        d.device = at::Device(at::kCUDA, 0);
        // Full float32 arithmetic unless TF32 is asked for (Tf32Hold): with TF32 convolutions
        // (PyTorch's default for cuDNN) logits differed from the CPU's by 3e-3 on an H100; the
        // engine promises 1e-4. Shapes repeat, so cuDNN may pick its fastest algorithm once per shape.
        at::globalContext().setBenchmarkCuDNN(true);
    }
    if (options.precision == Precision::Tf32 && !d.device.is_cuda())
        throw Error(std::string("tf32 arithmetic exists only on CUDA devices, and this engine runs on the CPU")
                    + (options.device == DeviceChoice::Cpu ? "" : " (this LibTorch has no CUDA device)")
                    + ": use --precision fp32 or bf16");
    if (options.precision == Precision::Bf16)
        d.dtype = at::kBFloat16;
    if (data.size() == 0)
        throw Error(data.path + ": the data set holds no images");

    // The network decides the channel count; grey-scale data feeding a 3-channel stem is
    // replicated (DESIGN.md section 7). Anything else that does not fit names both shapes.
    Shape shape = data.imageShape;
    const Shape expected = d.network->defaultInputShape();
    const bool replicate = shape[0] == 1 && expected[0] == 3;
    if (replicate)
        shape[0] = 3;
    else if (shape[0] != expected[0])
        throw Error(d.network->path() + ": expects images with " + std::to_string(expected[0]) + " channels ("
                    + toString(expected) + "), but " + data.path + " has images of shape " + toString(data.imageShape));
    // A model that declares its input size in its metadata gets images of that size. IDX and
    // CIFAR-10 images are not resized, so another size is an error naming both shapes (DESIGN.md
    // section 7) instead of accuracies of a network run on images it was never meant for.
    const bool declared = metadataNumbers(d.network->metadataJson(), "input_shape").size() == 3;
    if (declared && (data.imageShape[1] != expected[1] || data.imageShape[2] != expected[2]))
        throw Error(d.network->path() + ": expects images of " + toString(expected) + " (its metadata says so), but "
                    + data.path + " has images of " + toString(data.imageShape)
                    + (data.format == "images" ? std::string() : "; an image folder would be resized to fit"));
    try {
        d.info = d.network->describe(shape);
    } catch (const Error &e) {
        throw Error(std::string(e.what()) + " (the images of " + data.path + " have shape " + toString(data.imageShape)
                    + "; the model expects " + toString(expected) + ")");
    }
    const int64_t maxLabel = *std::max_element(data.labels.begin(), data.labels.end());
    if (maxLabel >= d.info.classCount)
        throw Error(data.path + ": has label " + std::to_string(maxLabel) + " but " + d.network->path() + " has only "
                    + std::to_string(d.info.classCount) + " classes");

    // Normalisation: explicit options, else the model's metadata, else the data set's defaults.
    auto choose = [&](const std::vector<float> &given, const char *key, const std::vector<float> &fallback) {
        if (!given.empty())
            return given;
        const auto fromMetadata = metadataNumbers(d.network->metadataJson(), key);
        return fromMetadata.empty() ? fallback : std::vector<float>(fromMetadata.begin(), fromMetadata.end());
    };
    std::vector<float> mean = choose(options.mean, "mean", data.mean);
    std::vector<float> deviation = choose(options.std, "std", data.std);
    const auto channels = static_cast<size_t>(data.imageShape[0]);
    if (mean.size() == 1)
        mean.resize(channels, mean[0]);
    if (deviation.size() == 1)
        deviation.resize(channels, deviation[0]);
    if (mean.size() != channels || deviation.size() != channels) {
        const bool isMean = mean.size() != channels;
        const std::string key = isMean ? "mean" : "std";
        const size_t count = isMean ? mean.size() : deviation.size();
        const bool fromMetadata = isMean ? options.mean.empty() : options.std.empty();
        throw Error((fromMetadata ? d.network->path() + ": pathlens.json's \"" + key + "\"" : "--" + key) + " has "
                    + std::to_string(count) + " values, but the images of " + data.path + " have " + std::to_string(channels)
                    + (channels == 1 ? " channel" : " channels") + ": give 1 or " + std::to_string(channels) + " values");
    }
    // The same rule as for pathlens.json (Network::load): a NaN, infinite or non-positive value
    // would turn every image into NaN or infinity and report chance accuracy without a word.
    auto text = [](float value) {
        char number[32];
        std::snprintf(number, sizeof number, "%g", double(value));
        return std::string(number);
    };
    for (size_t c = 0; c < channels; ++c) {
        if (!std::isfinite(mean[c]))
            throw Error("the normalisation mean (--mean) must hold finite numbers, got " + text(mean[c]));
        if (!std::isfinite(deviation[c]) || deviation[c] <= 0)
            throw Error("the normalisation std (--std) must hold finite numbers greater than 0, got " + text(deviation[c]));
    }

    // Outside inference mode: the weights must stay usable by autograd.
    d.exactNet = d.network->onDevice(d.device.str(), false, options.foldBatchNorms);
    d.net = d.dtype == at::kFloat ? d.exactNet : d.network->onDevice(d.device.str(), true);
    {
        c10::InferenceMode inferenceMode;
        d.images = normalisedImages(data, mean, deviation, replicate).to(d.device);
        d.labels = labelTensor(data).to(d.device);
        // The model's own forward against the decomposition once on the user's own images: a forward
        // that branches on values the probe batch never had is caught before any number is shown.
        std::string normalisation;
        for (size_t c = 0; c < channels; ++c)
            normalisation += " " + std::to_string(mean[c]) + "/" + std::to_string(deviation[c]);
        {
            const Tf32Hold fp32(d.device, false);
            verifyOnData(*d.exactNet, d.images.narrow(0, 0, std::min<int64_t>(64, d.images.size(0))),
                         data.path + " (normalised" + normalisation + ")");
        }
        char checksum[64];
        std::snprintf(checksum, sizeof checksum, "%.17g/%.17g", d.images.to(at::kDouble).sum().item<double>(),
                      d.labels.to(at::kDouble).mul(at::arange(d.labels.size(0), d.labels.options().dtype(at::kDouble))).sum().item<double>());
        d.resultKey = d.network->contentHash() + "|" + data.path + "|" + std::to_string(d.images.size(0)) + "|" + checksum + "|"
                      + d.device.str() + "|" + precisionName(options.precision) + (d.exactNet->folding.empty() ? "|folded" : "");
        if (d.dtype != at::kFloat) {
            // One image through the whole network: a device or LibTorch without bfloat16 kernels
            // for some layer says so here, not in the middle of an evaluation.
            try {
                d.net->forward(d.images.narrow(0, 0, 1).to(d.dtype), identityArrangement(int(d.info.blocks.size())));
            } catch (const std::exception &e) {
                throw Error(precisionName(options.precision) + " arithmetic does not run on " + d.device.str()
                            + " with this LibTorch (" + memoryMessage(e.what()) + "): use --precision fp32");
            }
            d.setNotice(Impl::NoticeKind::Precision,
                        precisionName(options.precision) + " arithmetic (less exact than fp32): each evaluation is compared "
                            "with fp32 on the unedited network");
        }
    }
    if (options.precision == Precision::Tf32)
        d.setNotice(Impl::NoticeKind::Precision, "tf32 arithmetic (less exact than fp32): each evaluation is compared with "
                                                 "fp32 on the unedited network");

    const auto elementBytes = int64_t(d.dtype == at::kFloat ? sizeof(float) : 2);
    d.slotBytes.push_back(elementCount(d.info.stemOutputShape) * elementBytes);
    for (const auto &block : d.info.blocks)
        d.slotBytes.push_back(elementCount(block.outputShape) * elementBytes);
    if (d.options.batchSize == 0)
        d.options.batchSize = int(d.device.is_cuda() ? batchForFreeMemory(d, 500) : 64);
#ifdef PATHLENS_WITH_CUDA
    if (options.cudaGraphs && d.device.is_cuda())
        d.graphs = std::make_unique<SlotGraphs>(d.net, makeCudaGraphCapturer());
#endif
}

SlotOutput Engine::Impl::runSlot(const Slot &slot, const SlotOutput &x, bool kept, int64_t graphBatch)
{
    if (!graphs)
        return {net->runBlock(slot, x.value), false};
    const SlotOutput y = graphs->run(slot, x, graphBatch);
    if (!graphs->failure().empty())
        setNotice(NoticeKind::Graphs, graphs->failure());
    return kept && y.graphOwned ? SlotOutput{y.value.clone(), false} : y;
}

Engine::~Engine() = default;

namespace {
std::atomic<int> enginesAtWork{0};
} // namespace

ThreadShare::ThreadShare(int wanted)
    : m_wanted(std::max(1, wanted))
{
    ++enginesAtWork;
}

ThreadShare::~ThreadShare() { --enginesAtWork; }

int ThreadShare::apply() const
{
    // The cores other processes leave free, shared between the engines at work in this one.
    const int usable = threadsForFreeCores(FreeCores::instance().now(), m_wanted);
    const int threads = std::max(1, usable / std::max(1, enginesAtWork.load()));
    if (at::get_num_threads() != threads) // called per arrangement now: set only on a change
        at::set_num_threads(threads);
    return threads;
}

const NetworkInfo &Engine::info() const { return m_impl->info; }
std::string Engine::deviceName() const { return m_impl->device.str(); }
int Engine::threads() const { return m_impl->threads; }
Precision Engine::precision() const { return m_impl->options.precision; }
int Engine::batchSize() const
{
    const std::lock_guard<std::mutex> lock(m_impl->noticeMutex); // evaluate() may shrink it meanwhile
    return m_impl->options.batchSize;
}
std::string Engine::notice() const
{
    std::string text;
    for (const std::string &line : notices())
        text += (text.empty() ? "" : "\n") + line;
    return text;
}

std::vector<std::string> Engine::notices() const
{
    const std::lock_guard<std::mutex> lock(m_impl->noticeMutex);
    std::vector<std::string> lines;
    for (const auto &entry : m_impl->notices)
        lines.push_back(entry.second);
    return lines;
}
int64_t Engine::imageCount() const { return m_impl->images.size(0); }
const std::string &Engine::resultKey() const { return m_impl->resultKey; }

EvalResult Engine::evaluate(const std::vector<Arrangement> &arrangements, int64_t first, int64_t count,
                            const ProgressCallback &progress, const CancelToken *cancel)
{
    return run(arrangements, first, count, progress, cancel, false);
}

EvalResult Engine::evaluatePredictions(const std::vector<Arrangement> &arrangements, int64_t first, int64_t count,
                                       const ProgressCallback &progress, const CancelToken *cancel)
{
    return run(arrangements, first, count, progress, cancel, true);
}

std::vector<int64_t> Engine::labels(int64_t first, int64_t count) const
{
    const int64_t total = imageCount();
    first = std::clamp<int64_t>(first, 0, total);
    const int64_t end = count < 0 ? total : std::min(total, first + count);
    const at::Tensor labels = m_impl->labels.slice(0, first, end).to(at::kCPU).contiguous();
    return std::vector<int64_t>(labels.data_ptr<int64_t>(), labels.data_ptr<int64_t>() + labels.numel());
}

EvalResult Engine::run(const std::vector<Arrangement> &arrangements, int64_t first, int64_t count,
                       const ProgressCallback &progress, const CancelToken *cancel, bool keepPredictions)
{
    Impl &d = *m_impl;
    const auto started = std::chrono::steady_clock::now();
    for (size_t i = 0; i < arrangements.size(); ++i)
        if (const auto why = whyInvalid(d.info, arrangements[i]))
            throw Error("invalid arrangement " + std::to_string(i) + " (" + describe(arrangements[i]) + "): " + *why);
    const int64_t total = imageCount();
    if (first < 0 || first > total)
        throw Error("the first image " + std::to_string(first) + " is outside the data set (" + std::to_string(total)
                    + " images)");
    const int64_t end = count < 0 ? total : std::min(total, first + count);
    int64_t batch = d.options.batchSize; // smaller when a batch does not fit in memory

    // Two halves of the cache budget: one for the checkpoints of the batch being worked on, one
    // for those kept between calls. Strides thin the checkpoints when a half would overflow; the
    // kept ones are a subset of the working ones.
    // A single arrangement shares nothing within a batch, so it stores only what is kept.
    const int64_t half = d.options.cacheBytes / 2;
    int stride = 0;
    int keepStride = 0;
    auto chooseStrides = [&] {
        stride = arrangements.size() > 1 ? d.strideWithin(std::min(batch, end - first), half, 1)
                                         : d.strideWithin(end - first, half, 1);
        keepStride = stride > 0 ? d.strideWithin(end - first, half, stride) : 0;
    };
    chooseStrides();

    // The cache serves the most recent range of images; batches outside it are dropped.
    for (auto it = d.cache.begin(); it != d.cache.end();) {
        const auto [start, length] = it->first;
        const bool inRange = start >= first && start < end && (start - first) % batch == 0
                             && length == std::min(batch, end - start);
        it = inRange ? std::next(it) : d.cache.erase(it);
    }

    // Lexicographic order makes each arrangement share the longest possible prefix with the one
    // run just before it, which is what the checkpoints hold.
    std::vector<size_t> order(arrangements.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return lexicographicLess(arrangements[a], arrangements[b]); });

    // Progress within a batch follows the work, not the count: in lexicographic order a Delete k
    // sweep's first arrangements resume late in the network and the later ones early, and its
    // "about N s left", estimated from a count, stayed put for a minute (146, 147, 142 s).
    std::vector<double> workBefore(order.size() + 1, 0.0); // of the arrangements before position i
    for (size_t position = 0; position < order.size(); ++position)
        workBefore[position + 1] = workBefore[position]
                                   + resumedWork(position > 0 ? arrangements[order[position - 1]] : Arrangement{},
                                                 arrangements[order[position]]);

    const bool batchVariants = arrangements.size() > 1 && d.options.batchVariants.value_or(d.device.is_cuda());
    const int64_t largestSlotBytes = d.slotBytes.empty() ? 0 : *std::max_element(d.slotBytes.begin(), d.slotBytes.end());

    const ThreadShare threads(d.threads); // per calling thread with OpenMP
    c10::InferenceMode inferenceMode;
    std::optional<Tf32Hold> tf32; // given up before checkPrecision, which needs both states in turn
    tf32.emplace(d.device, d.options.precision == Precision::Tf32);
    EvalResult result;
    // Counted on the device per arrangement and class, and read back only for progress reports
    // and at the end: on a GPU a read per batch would stall the pipeline (at most ten reports a
    // second there).
    const int64_t classes = d.info.classCount;
    const auto longs = at::TensorOptions(at::kLong).device(d.device);
    const at::Tensor correctCounts = at::zeros({int64_t(arrangements.size()), classes}, longs);
    const at::Tensor classImages = at::zeros({classes}, longs);
    const at::Tensor predictions = keepPredictions ? at::zeros({int64_t(arrangements.size()), end - first}, longs)
                                                   : at::Tensor();
    auto readCorrect = [&] {
        const at::Tensor counts = correctCounts.sum(1).to(at::kCPU);
        result.correct.assign(counts.data_ptr<int64_t>(), counts.data_ptr<int64_t>() + counts.numel());
    };
    auto lastReport = std::chrono::steady_clock::now();
    EvalProgress state;
    state.imagesTotal = end - first;
    state.correct.assign(arrangements.size(), 0); // a report within the first batch has counted nothing yet
    int64_t firstFailedBatch = 0; // the first batch size that did not fit in memory in this call
    for (int64_t start = first; start < end;) {
        if (cancel && cancel->cancelled()) {
            result.cancelled = true;
            break;
        }
        const int64_t length = std::min(batch, end - start);
        const int64_t graphBatch = std::min(batch, end - first); // the last, shorter batch runs eagerly
        const at::Tensor input = d.images.narrow(0, start, length).to(d.dtype);
        const at::Tensor labels = d.labels.narrow(0, start, length);
        // Counted per batch and added only when the whole batch succeeded, so that a batch
        // retried in smaller pieces is not counted twice.
        const at::Tensor batchCorrect = at::zeros_like(correctCounts);
        bool cutShort = false; // cancelled within the batch: its counts are dropped
        try {
            BatchCache &batchCache = d.cache[{start, length}];
            size_t arrangementsDone = 0;
            // Variant batching: the arrangements in chunks whose activations, one per arrangement
            // at most, fit in half the cache budget; each chunk's logits in one pass.
            const size_t chunk = batchVariants ? size_t(std::max<int64_t>(1, half / std::max<int64_t>(1, length * largestSlotBytes)))
                                               : 1;
            std::vector<at::Tensor> chunkLogits;
            for (size_t position = 0; position < order.size(); ++position) {
                // Per arrangement too: a sweep on the live subset is one batch of 200 arrangements,
                // and closing the window during Delete k waited 32 s for it to end.
                if (cancel && cancel->cancelled()) {
                    cutShort = true;
                    break;
                }
                const size_t index = order[position];
                // Per arrangement, not only per batch: another engine may have started or stopped, and
                // a sweep's batch can take seconds while busy neighbours come and go.
                state.threads = threads.apply();
                at::Tensor logits;
                if (batchVariants) {
                    if (position % chunk == 0) {
                        std::vector<const Arrangement *> members;
                        for (size_t k = position; k < std::min(order.size(), position + chunk); ++k)
                            members.push_back(&arrangements[order[k]]);
                        chunkLogits = d.forwardVariants(members, input);
                    }
                    logits = chunkLogits[position % chunk];
                } else {
                    logits = d.forwardBatch(batchCache, arrangements[index], input, stride, graphBatch);
                }
                const at::Tensor predicted = logits.argmax(1);
                batchCorrect.select(0, int64_t(index)).index_add_(0, labels, predicted.eq(labels).to(at::kLong));
                if (keepPredictions) // a batch retried in halves overwrites the same images
                    predictions.select(0, int64_t(index)).narrow(0, start - first, length).copy_(predicted);
                // Within the batch too: a live subset is one batch, and a sweep's 200 arrangements
                // on it reported nothing until the end (Delete k said "0 s elapsed" for 45 s).
                // The counts stay those of the whole batches done; only the fraction moves.
                ++arrangementsDone;
                const auto now = std::chrono::steady_clock::now();
                if (progress && order.size() > 1 && now - lastReport > std::chrono::milliseconds(250)) {
                    lastReport = now;
                    state.fraction = (double(result.images) + double(length) * workBefore[arrangementsDone] / workBefore.back())
                                     / double(std::max<int64_t>(1, state.imagesTotal));
                    // The whole batches done, and this one for the arrangements finished in it.
                    readCorrect();
                    const at::Tensor inBatch = batchCorrect.sum(1).to(at::kCPU).contiguous();
                    const int64_t *batchCounts = inBatch.data_ptr<int64_t>();
                    state.correctCounted = result.correct;
                    state.imagesCounted.assign(arrangements.size(), result.images);
                    for (size_t done = 0; done < arrangementsDone; ++done) {
                        state.correctCounted[order[done]] += batchCounts[order[done]];
                        state.imagesCounted[order[done]] += length;
                    }
                    progress(state);
                }
            }
        } catch (const std::exception &e) {
            if (!isOutOfMemory(e))
                throw;
            // Out of memory: free the cached activations (they were made for the larger batch
            // size) and the graphs captured at it, halve the batch and run the same images again.
            // Images are independent (the network is in evaluation mode), so the counts equal
            // those of a run with small batches.
            d.cache.clear();
            if (d.graphs)
                d.graphs->release();
            if (length == 1)
                throw Error("not even a batch of one image fits in memory on " + d.device.str() + " ("
                            + memoryMessage(e.what()) + ")");
            if (firstFailedBatch == 0)
                firstFailedBatch = length;
            // Half, or less when the memory now free says so (another program took some).
            batch = std::max<int64_t>(1, std::min(length / 2, batchForFreeMemory(d, length / 2)));
            chooseStrides();
            d.setNotice(Impl::NoticeKind::Memory,
                        "a batch of " + std::to_string(firstFailedBatch) + " images did not fit in memory; using batches of "
                            + std::to_string(batch),
                        int(batch)); // later calls start at the size that fits
            continue;
        }
        if (cutShort) {
            result.cancelled = true;
            break;
        }
        correctCounts.add_(batchCorrect);
        classImages.index_add_(0, labels, at::ones_like(labels));
        if (keepStride > 0) {
            BatchCache &batchCache = d.cache[{start, length}];
            for (auto it = batchCache.checkpoints.begin(); it != batchCache.checkpoints.end();)
                it = it->first % keepStride == 0 ? std::next(it) : batchCache.checkpoints.erase(it);
        } else {
            d.cache.erase({start, length});
        }
        result.images += length;
        const auto now = std::chrono::steady_clock::now();
        if (progress && (d.device.is_cpu() || now - lastReport > std::chrono::milliseconds(100) || start + batch >= end)) {
            lastReport = now;
            readCorrect();
            state.imagesDone = result.images;
            state.fraction = double(result.images) / double(std::max<int64_t>(1, state.imagesTotal));
            state.correct = result.correct;
            state.correctCounted = result.correct;
            state.imagesCounted.assign(arrangements.size(), result.images);
            progress(state);
        }
        start += length;
    }
    readCorrect();
    const at::Tensor perClass = correctCounts.to(at::kCPU).contiguous();
    for (int64_t a = 0; a < perClass.size(0); ++a)
        result.classCorrect.emplace_back(perClass[a].data_ptr<int64_t>(), perClass[a].data_ptr<int64_t>() + classes);
    const at::Tensor imagesPerClass = classImages.to(at::kCPU);
    result.classImages.assign(imagesPerClass.data_ptr<int64_t>(), imagesPerClass.data_ptr<int64_t>() + classes);
    if (keepPredictions) {
        const at::Tensor kept = predictions.narrow(1, 0, result.images).to(at::kCPU).to(at::kInt).contiguous();
        for (int64_t a = 0; a < kept.size(0); ++a)
            result.predictions.emplace_back(kept[a].data_ptr<int32_t>(), kept[a].data_ptr<int32_t>() + result.images);
    }
    for (int64_t correct : result.correct)
        result.accuracy.push_back(result.images ? double(correct) / double(result.images) : 0.0);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    tf32.reset();
    if (d.options.precision != Precision::Fp32 && !result.cancelled && result.images > 0)
        checkPrecision(d, first, first + result.images, result);
    return result;
}

std::vector<float> Engine::logits(const Arrangement &arrangement, int64_t first, int64_t count)
{
    Impl &d = *m_impl;
    if (const auto why = whyInvalid(d.info, arrangement))
        throw Error("invalid arrangement (" + describe(arrangement) + "): " + *why);
    const ThreadShare threads(d.threads);
    threads.apply();
    c10::InferenceMode inferenceMode;
    const Tf32Hold tf32(d.device, d.options.precision == Precision::Tf32);
    const int64_t end = std::min(imageCount(), first + count);
    // Slot by slot as evaluate() runs them (CUDA graphs included, captured at this many images),
    // so that the logits show what the accuracies were computed from.
    SlotOutput x{d.net->stem(d.images.slice(0, first, end).to(d.dtype)), false};
    for (int q = 0; q < int(arrangement.size());) {
        const int group = groupEnd(arrangement, q);
        x = d.runGroup(arrangement, q, group, x, false, end - first);
        q = group;
    }
    const at::Tensor logits = d.net->head(x.value).to(at::kCPU, at::kFloat).contiguous();
    return std::vector<float>(logits.data_ptr<float>(), logits.data_ptr<float>() + logits.numel());
}

int64_t Engine::cachedBytes() const
{
    int64_t total = 0;
    for (const auto &entry : m_impl->cache)
        total += entry.second.bytes();
    return total;
}

void Engine::clearCache()
{
    m_impl->cache.clear();
}

} // namespace pathlens
