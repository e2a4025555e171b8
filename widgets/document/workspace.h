#pragma once

#include "arrangement.h"
#include "dataset.h"
#include "engine.h"
#include "network.h"

#include <QString>

#include <functional>
#include <memory>

namespace pathlens {

// The document behind the main window, without widgets: the model, the data, an engine for the
// pair on the live subset, and a comparison model with its own engine on the same images. Every
// operation either succeeds or leaves everything as it was and returns why (any exception from
// core, pathlens::Error, c10::Error or std::bad_alloc alike, is caught here, at the GUI boundary).
// Its parts are shared and immutable (models, images, engines): a copy is cheap, so a change is
// made on a copy on a worker thread and adopted part by part on the GUI thread (adopt).
class Workspace final
{
public:
    // Device, threads, and the live subset (-1: the whole test split) of the engines built next.
    void setOptions(const EngineOptions &options, qint64 liveImages);

    // Each returns an empty string when done, else the reason.
    QString loadModel(const QString &path, std::shared_ptr<Network> &network) const; // reads only
    QString useModel(const std::shared_ptr<Network> &network); // with the data, when there is some
    QString openData(const QString &path);
    QString rebuild(); // new engines for the same models and data (after an options change)
    QString openCompare(const QString &path);
    void closeCompare();
    // Takes from `changed` (a copy of this workspace as it was at `start`, changed on a worker
    // thread) the options and each part it changed (model with its engine, images, comparison
    // model with its engine), unless that part changed here meanwhile: a comparison closed during
    // a model load stays closed. Returns whether the comparison part was taken.
    bool adopt(const Workspace &changed, const Workspace &start);

    const std::shared_ptr<Network> &network() const { return m_network; }
    const NetworkInfo &info() const { return m_info; }
    const Dataset &data() const { return *m_data; }
    const std::shared_ptr<Engine> &engine() const { return m_engine; }
    qint64 liveImageCount() const { return m_engine ? m_engine->imageCount() : 0; }
    const NetworkInfo &compareInfo() const { return m_compareInfo; }
    const std::shared_ptr<Engine> &compareEngine() const { return m_compareEngine; }
    const EngineOptions &options() const { return m_options; }
    qint64 liveImages() const { return m_liveImages; }

    // The current deletions carried over to the comparison model by block index, each only where
    // it can run it; a reorder only when it has the same blocks and accepts it.
    Arrangement compareArrangement(const Arrangement &arrangement) const;
    // Training images for the gradients (DESIGN.md section 5), read on the worker thread that
    // calls the function; the test images when there is no training split, and `training` says so.
    std::function<Dataset()> gradientImages(std::shared_ptr<std::atomic<bool>> training) const;

private:
    std::shared_ptr<Engine> makeEngine(const std::shared_ptr<Network> &network, const Dataset &data) const;

    EngineOptions m_options;
    qint64 m_liveImages = 2000;
    std::shared_ptr<Network> m_network;
    NetworkInfo m_info;
    std::shared_ptr<const Dataset> m_data = std::make_shared<const Dataset>();
    std::shared_ptr<Engine> m_engine;
    std::shared_ptr<Network> m_compareNetwork;
    NetworkInfo m_compareInfo;
    std::shared_ptr<Engine> m_compareEngine;
};

} // namespace pathlens
