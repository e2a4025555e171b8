#include "engine.h"

#include "error.h"
#include "private/engine_p.h"

#include <ATen/Context.h>

#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <mutex>

// Precisions: their names, TF32's process-wide switch held per piece of work, and the check of
// the reduced precision against FP32 that the engine reports (issue 27 item 4).

namespace pathlens {

Precision parsePrecision(const std::string &text)
{
    for (Precision precision : {Precision::Fp32, Precision::Tf32, Precision::Bf16})
        if (text == precisionName(precision))
            return precision;
    throw Error("unknown precision '" + text + "': use fp32, tf32 or bf16");
}

std::string precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Tf32:
        return "tf32";
    case Precision::Bf16:
        return "bf16";
    case Precision::Fp32:
        break;
    }
    return "fp32";
}

namespace {

std::mutex &tf32Mutex()
{
    static std::mutex m;
    return m;
}

std::condition_variable &tf32Changed()
{
    static std::condition_variable c;
    return c;
}

int &tf32Holders()
{
    static int n = 0;
    return n;
}

bool &tf32State()
{
    // LibTorch's default for cuDNN is on; set at the first hold whatever it was.
    static bool allowed = (at::globalContext().setAllowTF32CuDNN(false), at::globalContext().setAllowTF32CuBLAS(false), false);
    return allowed;
}

std::string percent(double fraction)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f%%", 100 * fraction);
    return text;
}

} // namespace

Tf32Hold::Tf32Hold(const at::Device &device, bool allowed)
    : m_held(device.is_cuda())
{
    if (!m_held)
        return;
    std::unique_lock<std::mutex> lock(tf32Mutex());
    tf32Changed().wait(lock, [&] { return tf32Holders() == 0 || tf32State() == allowed; });
    if (tf32Holders() == 0 && tf32State() != allowed) {
        tf32State() = allowed;
        at::globalContext().setAllowTF32CuDNN(allowed);
        at::globalContext().setAllowTF32CuBLAS(allowed);
    }
    ++tf32Holders();
}

Tf32Hold::~Tf32Hold()
{
    if (!m_held)
        return;
    const std::lock_guard<std::mutex> lock(tf32Mutex());
    if (--tf32Holders() == 0)
        tf32Changed().notify_all();
}

// The unedited network's accuracy on images [first, end) in the engine's precision and in FP32,
// computed once per range (the GUI evaluates the same range edit after edit) and said in a notice.
void checkPrecision(Engine::Impl &d, int64_t first, int64_t end, EvalResult &result)
{
    const auto key = std::make_pair(first, end);
    auto known = d.precisionChecks.find(key);
    if (known == d.precisionChecks.end()) {
        const Arrangement unedited = identityArrangement(int(d.info.blocks.size()));
        int64_t reduced = 0, exact = 0;
        try {
            for (int64_t start = first; start < end; start += d.options.batchSize) {
                const int64_t length = std::min<int64_t>(d.options.batchSize, end - start);
                const at::Tensor input = d.images.narrow(0, start, length);
                const at::Tensor labels = d.labels.narrow(0, start, length);
                {
                    const Tf32Hold reducedPrecision(d.device, d.options.precision == Precision::Tf32);
                    reduced += d.net->forward(input.to(d.dtype), unedited).argmax(1).eq(labels).sum().item<int64_t>();
                }
                const Tf32Hold fp32(d.device, false);
                exact += d.exactNet->forward(input, unedited).argmax(1).eq(labels).sum().item<int64_t>();
            }
        } catch (const std::exception &e) {
            if (!isOutOfMemory(e))
                throw;
            d.setNotice(Engine::Impl::NoticeKind::PrecisionCheck,
                        precisionName(d.options.precision) + " arithmetic: the comparison with fp32 did not fit in memory ("
                            + memoryMessage(e.what()) + "); the accuracies may differ from fp32's");
            return;
        }
        EvalResult::PrecisionCheck check;
        check.images = end - first;
        check.reduced = double(reduced) / double(check.images);
        check.fp32 = double(exact) / double(check.images);
        known = d.precisionChecks.emplace(key, check).first;
        char apart[32];
        std::snprintf(apart, sizeof apart, "%.2f", 100 * std::abs(check.reduced - check.fp32));
        d.setNotice(Engine::Impl::NoticeKind::PrecisionCheck,
                    precisionName(d.options.precision) + " arithmetic: the unedited network scores " + percent(check.reduced)
                        + " on these " + std::to_string(check.images) + " images, " + percent(check.fp32) + " in fp32 ("
                        + apart + " percentage points apart)");
    }
    result.precisionCheck = known->second;
}

} // namespace pathlens
