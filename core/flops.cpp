#include "flops.h"

#include "private/engine_p.h"

#include <ATen/Parallel.h>
#include <ATen/record_function.h>

#include <algorithm>
#include <chrono>
#include <cstring>

namespace pathlens {
namespace {

bool isConvolution(const char *name)
{
    return !std::strcmp(name, "aten::conv2d") || !std::strcmp(name, "aten::convolution")
           || !std::strcmp(name, "aten::_convolution");
}

bool isMatrixProduct(const char *name)
{
    return !std::strcmp(name, "aten::linear") || !std::strcmp(name, "aten::addmm") || !std::strcmp(name, "aten::mm")
           || !std::strcmp(name, "aten::matmul");
}

struct OperatorCall
{
    c10::OperatorName name;
    std::vector<c10::IValue> inputs;
};

// What the callbacks see on the thread that installed them. Only the outermost counted operator
// is counted: aten::conv2d calls aten::convolution calls aten::_convolution.
struct Recorder
{
    double flops = 0;
    double convolutionFlops = 0;
    int depth = 0;
    double multiplyAdds = 0; // per output element of the operator running at depth 1
    bool keepConvolutions = false;
    std::vector<OperatorCall> convolutions;
};
thread_local Recorder *recorder = nullptr;

// Multiply-adds per output element, read from the inputs when the operator starts (for boxed
// calls the inputs' slots hold the outputs by the time it ends).
double multiplyAddsPerOutput(const char *name, c10::ArrayRef<const c10::IValue> inputs)
{
    auto tensor = [&](size_t i) { return i < inputs.size() && inputs[i].isTensor() ? inputs[i].toTensor() : at::Tensor(); };
    const bool convolution = isConvolution(name);
    // convolution weight: out x in/groups x kh x kw; linear weight: out x in; addmm(bias, a, b); mm(a, b)
    const at::Tensor t = tensor(convolution || !std::strcmp(name, "aten::linear") || !std::strcmp(name, "aten::addmm") ? 1 : 0);
    if (!t.defined() || t.dim() == 0)
        return 0;
    if (convolution)
        return double(t.numel() / t.size(0));
    return double(t.size(-1));
}

std::unique_ptr<at::ObserverContext> onStart(const at::RecordFunction &fn)
{
    if (!recorder || !(isConvolution(fn.name()) || isMatrixProduct(fn.name())))
        return nullptr;
    if (recorder->depth++ > 0)
        return nullptr;
    recorder->multiplyAdds = multiplyAddsPerOutput(fn.name(), fn.inputs());
    if (recorder->keepConvolutions && isConvolution(fn.name()) && fn.operator_name()) {
        const auto inputs = fn.inputs();
        recorder->convolutions.push_back({*fn.operator_name(), std::vector<c10::IValue>(inputs.begin(), inputs.end())});
    }
    return nullptr;
}

void onEnd(const at::RecordFunction &fn, at::ObserverContext *)
{
    if (!recorder || !(isConvolution(fn.name()) || isMatrixProduct(fn.name())))
        return;
    if (--recorder->depth > 0 || fn.outputs().empty() || !fn.outputs()[0].isTensor())
        return;
    const double flops = 2.0 * double(fn.outputs()[0].toTensor().numel()) * recorder->multiplyAdds;
    recorder->flops += flops;
    if (isConvolution(fn.name()))
        recorder->convolutionFlops += flops;
}

// Installs the callbacks on this thread for its lifetime.
class Recording
{
public:
    explicit Recording(Recorder &r)
        : m_handle(at::addThreadLocalCallback(
            at::RecordFunctionCallback(onStart, onEnd).needsInputs(true).needsOutputs(true)))
    {
        recorder = &r;
    }
    ~Recording()
    {
        recorder = nullptr;
        at::removeCallback(m_handle);
    }

private:
    at::CallbackHandle m_handle;
};

template <typename F>
double flopsOf(F &&work)
{
    Recorder r;
    Recording recording(r);
    work();
    return r.flops;
}

} // namespace

double FlopCount::total() const { return fromSlot(0) + stem; }

double FlopCount::fromSlot(int slot) const
{
    double sum = head;
    for (size_t q = std::max(0, slot); q < blocks.size(); ++q)
        sum += blocks[q];
    return sum;
}

FlopCount countFlops(Engine &engine)
{
    Engine::Impl &d = EngineAccess::of(engine);
    c10::InferenceMode inferenceMode;
    // The module as loaded: folded blocks hide their convolutions in oneDNN operators.
    const std::shared_ptr<const Network::Impl> asLoaded = d.asLoaded();
    const Network::Impl &net = *asLoaded;
    FlopCount count;
    at::Tensor x;
    count.stem = flopsOf([&] { x = net.stem(d.images.narrow(0, 0, 1)); });
    for (int q = 0; q < int(net.blocks.size()); ++q)
        count.blocks.push_back(flopsOf([&] { x = net.runBlock({q, true}, x); }));
    count.head = flopsOf([&] { net.head(x); });
    return count;
}

ConvolutionThroughput measureConvolutionThroughput(Engine &engine, double minSeconds)
{
    Engine::Impl &d = EngineAccess::of(engine);
    at::set_num_threads(d.threads);
    c10::InferenceMode inferenceMode;
    const int64_t batch = std::min<int64_t>(d.options.batchSize, d.images.size(0));
    Recorder r;
    r.keepConvolutions = true;
    {
        // The convolutions as the model was loaded (as PyTorch would run them), in the engine's precision.
        const std::shared_ptr<const Network::Impl> net = d.dtype == at::kFloat ? d.asLoaded() : d.net;
        Recording recording(r);
        net->forward(d.images.narrow(0, 0, batch).to(d.dtype), identityArrangement(int(net->blocks.size())));
    }
    std::vector<c10::OperatorHandle> operators;
    for (const OperatorCall &call : r.convolutions)
        operators.push_back(c10::Dispatcher::singleton().findSchemaOrThrow(call.name.name.c_str(),
                                                                           call.name.overload_name.c_str()));
    ConvolutionThroughput result;
    result.flopsPerBatch = r.convolutionFlops;
    auto runAll = [&] {
        at::Tensor last;
        for (size_t i = 0; i < operators.size(); ++i) {
            torch::jit::Stack stack = r.convolutions[i].inputs;
            operators[i].callBoxed(&stack);
            last = stack.front().toTensor();
        }
        if (last.defined())
            last.sum().item<float>(); // waits for a GPU
    };
    runAll(); // warm-up
    std::vector<double> times;
    const auto started = std::chrono::steady_clock::now();
    while (times.size() < 3 || std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() < minSeconds) {
        const auto t0 = std::chrono::steady_clock::now();
        runAll();
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    result.secondsPerBatch = times[times.size() / 2];
    return result;
}

} // namespace pathlens
