#include "workspace.h"

#include "error.h"
#include "imagefolder.h"

#include <exception>

namespace pathlens {
namespace {

// Runs `work`; any exception becomes its message.
template <typename Work>
QString guarded(Work &&work)
{
    try {
        work();
        return {};
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    } catch (...) {
        return QStringLiteral("unknown error");
    }
}

} // namespace

void Workspace::setOptions(const EngineOptions &options, qint64 liveImages)
{
    m_options = options;
    m_liveImages = liveImages;
}

// The engine holds only the live subset: every edit is evaluated on the same, class-balanced
// images (DESIGN.md section 9).
std::shared_ptr<Engine> Workspace::makeEngine(const std::shared_ptr<Network> &network, const Dataset &data) const
{
    return std::make_shared<Engine>(network, stratifiedSubset(data, m_liveImages), m_options);
}

QString Workspace::loadModel(const QString &path, std::shared_ptr<Network> &network) const
{
    return guarded([&] { network = Network::load(path.toStdString()); });
}

QString Workspace::useModel(const std::shared_ptr<Network> &network)
{
    return guarded([&] {
        if (m_data->format == "images" && m_data->imageShape != network->defaultInputShape()) {
            // An image folder is read again at the input size of the new model.
            auto data = std::make_shared<const Dataset>(loadAnyDataset(m_data->path, Split::Test, "images", network->defaultInputShape()));
            auto engine = makeEngine(network, *data);
            m_data = std::move(data);
            m_engine = engine;
            m_info = engine->info();
        } else if (m_data->size() > 0) {
            auto engine = makeEngine(network, *m_data);
            m_engine = engine;
            m_info = engine->info();
        } else {
            m_info = network->describe(network->defaultInputShape());
        }
        m_network = network;
    });
}

QString Workspace::openData(const QString &path)
{
    return guarded([&] {
        // Image folders are resized to the model's input; without a model, to the first image's size.
        auto data = std::make_shared<const Dataset>(
            loadAnyDataset(path.toStdString(), Split::Test, "auto", m_network ? m_network->defaultInputShape() : Shape()));
        if (m_network) {
            auto engine = makeEngine(m_network, *data);
            m_engine = engine;
            m_info = engine->info();
        }
        m_data = std::move(data);
    });
}

QString Workspace::rebuild()
{
    return guarded([&] {
        if (!m_network || m_data->size() == 0)
            return;
        auto engine = makeEngine(m_network, *m_data);
        auto compare = m_compareNetwork ? makeEngine(m_compareNetwork, *m_data) : nullptr;
        m_engine = engine;
        m_info = engine->info();
        m_compareEngine = compare;
    });
}

QString Workspace::openCompare(const QString &path)
{
    if (m_data->size() == 0)
        return QStringLiteral("%1: open a data set first").arg(path);
    return guarded([&] {
        auto network = Network::load(path.toStdString());
        auto engine = makeEngine(network, *m_data);
        m_compareNetwork = network;
        m_compareInfo = engine->info();
        m_compareEngine = engine;
    });
}

void Workspace::closeCompare()
{
    m_compareEngine.reset();
    m_compareNetwork.reset();
    m_compareInfo = {};
}

bool Workspace::adopt(const Workspace &changed, const Workspace &start)
{
    m_options = changed.m_options;
    m_liveImages = changed.m_liveImages;
    if (changed.m_data != start.m_data && m_data == start.m_data)
        m_data = changed.m_data;
    const bool modelChanged = changed.m_network != start.m_network || changed.m_engine != start.m_engine;
    if (modelChanged && m_network == start.m_network && m_engine == start.m_engine) {
        m_network = changed.m_network;
        m_info = changed.m_info;
        m_engine = changed.m_engine;
    }
    const bool compareChanged = changed.m_compareEngine != start.m_compareEngine;
    if (!compareChanged || m_compareEngine != start.m_compareEngine)
        return false;
    m_compareNetwork = changed.m_compareNetwork;
    m_compareInfo = changed.m_compareInfo;
    m_compareEngine = changed.m_compareEngine;
    return true;
}

Arrangement Workspace::compareArrangement(const Arrangement &arrangement) const
{
    const int blocks = int(m_compareInfo.blocks.size());
    if (int(arrangement.size()) == blocks && !whyInvalid(m_compareInfo, arrangement))
        return arrangement;
    Arrangement mapped = identityArrangement(blocks);
    for (const Slot &slot : arrangement) {
        if (slot.active || slot.block >= blocks)
            continue;
        const Arrangement candidate = withDeleted(mapped, {slot.block});
        if (!whyInvalid(m_compareInfo, candidate))
            mapped = candidate;
    }
    return mapped;
}

std::function<Dataset()> Workspace::gradientImages(std::shared_ptr<std::atomic<bool>> training) const
{
    const std::shared_ptr<const Dataset> test = m_data;
    const Shape inputShape = m_network->defaultInputShape();
    return [test, inputShape, training] {
        try {
            // An image folder without a train/ sub-folder gives its only images for both splits.
            Dataset train = loadAnyDataset(test->path, Split::Train, test->format, inputShape);
            if (test->format == "images" && train.pixels == test->pixels)
                *training = false;
            return stratifiedSubset(train, 5000);
        } catch (const Error &) {
            *training = false;
            return *test;
        }
    };
}

} // namespace pathlens
