// Out of memory for a batch (issue 6): the engine halves the batch and retries, with the same
// counts as a normal run. Deterministic: LibTorch's CPU allocator is replaced by one that refuses
// any single allocation above a limit, throwing what LibTorch 1.13's own allocator throws when
// the system has no memory left. (Under `ulimit -v`, tst_cli's test, oneDNN can crash in its own
// allocations instead, which no program can catch.)

#include "dataset.h"
#include "engine.h"
#include "error.h"
#include "network.h"
#include "testhelpers.h"

#include <c10/core/CPUAllocator.h>
#include <torch/version.h>
#include <c10/util/Exception.h>

using namespace pathlens;

namespace {

// The default CPU allocator, except that a block larger than `limit` bytes is refused.
class LimitedAllocator final : public c10::Allocator
{
public:
    explicit LimitedAllocator(c10::Allocator *base)
        : m_base(base)
    {
    }
#if TORCH_VERSION_MAJOR >= 2 // LibTorch 2's allocate is not const, and copy_data is abstract
    c10::DataPtr allocate(size_t bytes) override
#else
    c10::DataPtr allocate(size_t bytes) const override
#endif
    {
        if (bytes > limit)
            TORCH_CHECK(false, "DefaultCPUAllocator: can't allocate memory: you tried to allocate ", bytes,
                        " bytes. Error code 12 (Cannot allocate memory)");
        return m_base->allocate(bytes);
    }
    c10::DeleterFnPtr raw_deleter() const override { return m_base->raw_deleter(); }
#if TORCH_VERSION_MAJOR >= 2
    void copy_data(void *destination, const void *source, std::size_t count) const override
    {
        default_copy_data(destination, source, count);
    }
#endif

    size_t limit = SIZE_MAX;

private:
    c10::Allocator *m_base;
};

} // namespace

class TestMemory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aBatchThatDoesNotFitIsHalved()
    {
        const auto network = Network::load(testing::fixture("cifar20.pt"));
        const Dataset data = stratifiedSubset(loadDataset(testing::fashionMnist()), 1000);
        const std::vector<Arrangement> arrangements{identityArrangement(9), withDeleted(identityArrangement(9), {4})};
        EngineOptions options;
        options.threads = 1;
        options.batchSize = 1000;
        options.device = DeviceChoice::Cpu; // the limit is the CPU allocator's (tests/gpu/oom.cpp does CUDA's)
        std::vector<int64_t> expected;
        {
            Engine normal(network, data, options);
            expected = normal.evaluate(arrangements).correct;
            QVERIFY(normal.notice().empty());
        }

        // The first block's activations of 1,000 images, 16x28x28 floats each, take 50 MB; allow 16 MB.
        static LimitedAllocator limited(c10::GetCPUAllocator());
        c10::Allocator *original = c10::GetCPUAllocator();
        limited.limit = size_t(16) << 20;
        c10::SetCPUAllocator(&limited, /*priority=*/100);
        Engine engine(network, data, options);
        EvalResult result;
        try {
            result = engine.evaluate(arrangements);
        } catch (...) {
            c10::SetCPUAllocator(original, 101);
            throw;
        }
        c10::SetCPUAllocator(original, 101);
        QCOMPARE(result.correct, expected);
        QVERIFY2(engine.notice().find("a batch of 1000 images did not fit in memory") != std::string::npos, engine.notice().c_str());
        QVERIFY(engine.batchSize() < 1000);
    }
};

QTEST_APPLESS_MAIN(TestMemory)
#include "tst_memory.moc"
