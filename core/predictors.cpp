#include "predictors.h"

#include "error.h"
#include "jsonvalue.h"
#include "private/engine_p.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace pathlens {

Similarities measureSimilarities(Engine &engine, int span, int64_t first, int64_t count, const CancelToken *cancel)
{
    Engine::Impl &d = EngineAccess::of(engine);
    const int n = int(d.info.blocks.size());
    if (span < 1 || span > n)
        throw Error("a run of blocks must span 1 to " + std::to_string(n) + " blocks, got " + std::to_string(span));
    const int64_t end = count < 0 ? engine.imageCount() : std::min(engine.imageCount(), first + count);
    Similarities result;
    result.span = span;
    std::vector<double> cosines(n - span + 1, 0.0);
    std::vector<double> angles(n - span + 1, 0.0);
    std::vector<bool> comparable(n - span + 1, true);
    const ThreadShare threads(d.threads);
    c10::InferenceMode inferenceMode;
    const Network::Impl &net = *d.exactNet; // FP32 whatever the engine's precision
    const Arrangement original = identityArrangement(n);
    for (int64_t start = first; start < end; start += engine.batchSize()) {
        if (cancel && cancel->cancelled()) {
            result.cancelled = true;
            break;
        }
        threads.apply();
        const int64_t length = std::min<int64_t>(engine.batchSize(), end - start);
        at::Tensor x = net.stem(d.images.slice(0, start, start + length).to(at::kFloat));
        std::deque<at::Tensor> inputs; // the inputs of the last `span` blocks, after their links
        for (int block = 0; block < n; ++block) {
            const BlockOps &ops = net.blocks[size_t(block)];
            inputs.push_back(ops.link ? ops.link(x) : x);
            if (int(inputs.size()) > span)
                inputs.pop_front();
            x = net.runBlock(original[size_t(block)], x);
            const int run = block - span + 1;
            if (run < 0 || !comparable[size_t(run)])
                continue;
            if (inputs.front().sizes() != x.sizes()) {
                comparable[size_t(run)] = false;
                continue;
            }
            // In double: near cos = 1, arccos magnifies float32's rounding (d arccos / dc = -1 / sin).
            const at::Tensor cosine
                = at::cosine_similarity(inputs.front().flatten(1).to(at::kDouble), x.flatten(1).to(at::kDouble), 1, 1e-12)
                      .clamp(-1, 1);
            cosines[size_t(run)] += cosine.sum().item<double>();
            angles[size_t(run)] += (cosine.acos() / M_PI).sum().item<double>();
        }
        result.images += length;
    }
    for (int run = 0; run + span <= n; ++run) {
        RunSimilarity similarity;
        similarity.first = run;
        similarity.comparable = comparable[size_t(run)];
        if (similarity.comparable && result.images > 0) {
            similarity.meanCosine = cosines[size_t(run)] / double(result.images);
            similarity.angularDistance = angles[size_t(run)] / double(result.images);
        }
        result.runs.push_back(similarity);
    }
    return result;
}

PredictorResult predictorResult(const LesionResult &lesion, const Similarities &similarities)
{
    if (lesion.span != similarities.span || lesion.images != similarities.images
        || lesion.intervention != SpanIntervention::Delete)
        throw Error("the predictors and the deletions were measured differently (spans of " + std::to_string(lesion.span)
                    + " and " + std::to_string(similarities.span) + " blocks on " + std::to_string(lesion.images) + " and "
                    + std::to_string(similarities.images) + " images)");
    PredictorResult result;
    result.model = lesion.model;
    result.images = lesion.images;
    result.span = lesion.span;
    result.baseline = lesion.baseline;
    result.seconds = lesion.seconds;
    std::vector<double> influence, angular, cost;
    for (const RunSimilarity &run : similarities.runs) {
        const LesionBlock &deleted = lesion.blocks.at(size_t(run.first));
        if (!run.comparable || std::isnan(deleted.accuracy) || std::isnan(run.meanCosine))
            continue;
        PredictorRow row{run.first, deleted.name, run.blockInfluence(), run.angularDistance, deleted.accuracy,
                         lesion.baseline - deleted.accuracy};
        influence.push_back(row.blockInfluence);
        angular.push_back(row.angularDistance);
        cost.push_back(row.cost);
        result.rows.push_back(row);
    }
    result.influenceVsCost = spearman(influence, cost);
    result.angularVsCost = spearman(angular, cost);
    if (!result.rows.empty()) {
        const auto by = [&](double PredictorRow::*field) {
            return std::min_element(result.rows.begin(), result.rows.end(),
                                    [&](const PredictorRow &a, const PredictorRow &b) { return a.*field < b.*field; })
                ->first;
        };
        result.pickedRun = by(&PredictorRow::angularDistance);
        result.cheapestRun = by(&PredictorRow::cost);
    }
    return result;
}

namespace {

// NaN has no JSON spelling: null, as results.cpp writes it.
Json number(double value)
{
    return std::isnan(value) ? Json() : Json(value);
}

Json correlationJson(const RankCorrelation &correlation)
{
    return {{"rho", number(correlation.rho)},
            {"interval_95", Json::array({number(correlation.interval.lower), number(correlation.interval.upper)})},
            {"pairs", correlation.pairs}};
}

} // namespace

std::string toJson(const PredictorResult &result)
{
    Json rows = Json::array();
    for (const PredictorRow &row : result.rows)
        rows.push_back({{"first", row.first},
                        {"name", row.name},
                        {"block_influence", number(row.blockInfluence)},
                        {"angular_distance", number(row.angularDistance)},
                        {"accuracy", number(row.accuracy)},
                        {"cost", number(row.cost)}});
    return Json{{"model", result.model},
                {"images", result.images},
                {"span", result.span},
                {"baseline", number(result.baseline)},
                {"seconds", result.seconds},
                {"rows", rows},
                {"block_influence_vs_cost", correlationJson(result.influenceVsCost)},
                {"angular_distance_vs_cost", correlationJson(result.angularVsCost)},
                {"correlation", "Spearman's rho; 95% interval from Fisher's z with variance 1.06 / (n - 3)"},
                {"picked_run", result.pickedRun},
                {"cheapest_run", result.cheapestRun}}
        .dump();
}

std::string toCsv(const PredictorResult &result)
{
    std::string csv = "first,name,block_influence,angular_distance,accuracy,cost\n";
    for (const PredictorRow &row : result.rows)
        csv += std::to_string(row.first) + "," + row.name + "," + csvNumber(row.blockInfluence, 10) + ","
               + csvNumber(row.angularDistance, 10) + "," + csvNumber(row.accuracy, 10) + "," + csvNumber(row.cost, 10)
               + "\n";
    return csv;
}

} // namespace pathlens
