#include "results.h"

#include "error.h"
#include "jsonvalue.h"
#include "paths.h"
#include "statistics.h"

#include <cmath>
#include <cstdio>

namespace pathlens {
namespace {

// NaN has no JSON spelling: it is written as null (no number).
Json jsonNumber(double value)
{
    return std::isnan(value) ? Json() : Json(value);
}

Json jsonNumbers(const std::vector<double> &values)
{
    Json array = Json::array();
    for (double value : values)
        array.push_back(jsonNumber(value));
    return array;
}

std::vector<double> blockAccuracies(const LesionResult &result)
{
    std::vector<double> accuracies;
    for (const LesionBlock &block : result.blocks)
        accuracies.push_back(block.accuracy);
    return accuracies;
}

std::vector<bool> blockDownsampling(const LesionResult &result)
{
    std::vector<bool> flags;
    for (const LesionBlock &block : result.blocks)
        flags.push_back(block.downsampling);
    return flags;
}

// The engine's formula (engine.cpp), so that a fraction has the same bits whoever computes it.
double fraction(int64_t correct, int64_t images)
{
    return images ? double(correct) / double(images) : 0.0;
}

} // namespace

std::string csvNumber(double value, int significant)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char text[64];
    std::snprintf(text, sizeof text, "%.*g", significant, value);
    return text;
}

LesionResult lesionResult(const NetworkInfo &network, const SingleDeletions &plan, const std::vector<int64_t> &correct,
                          int64_t images, const Shard &shard)
{
    std::vector<int64_t> byBlock(network.blocks.size() + 1, -1);
    const size_t first = plan.original ? 1 : 0;
    if (plan.original && shard.ownsBaseline() && !correct.empty())
        byBlock[0] = correct[0];
    for (size_t j = 0; j < plan.blocks.size() && j + first < correct.size(); ++j)
        byBlock[plan.blocks[j] + 1] = correct[j + first];
    return lesionResult(network, byBlock, images, plan.span, plan.intervention);
}

LesionResult lesionResult(const NetworkInfo &network, const std::vector<int64_t> &correctByBlock, int64_t images,
                          int span, SpanIntervention intervention)
{
    LesionResult result;
    result.span = span;
    result.intervention = intervention;
    result.images = images;
    result.plain = network.plain;
    result.classes = network.classCount;
    if (!correctByBlock.empty() && correctByBlock[0] >= 0) {
        result.baselineCorrect = correctByBlock[0];
        result.baseline = fraction(correctByBlock[0], images);
    }
    const size_t n = network.blocks.size();
    for (const BlockInfo &info : network.blocks) {
        if (size_t(info.index + span) > n) // no span of that width starts here
            break;
        LesionBlock block;
        block.index = info.index;
        block.name = info.name;
        block.stage = info.stage;
        block.downsampling = info.downsampling;
        if (span == 1)
            block.unit = info.unit;
        if (span > 1) {
            const BlockInfo &last = network.blocks[size_t(info.index + span - 1)];
            block.name += " .. " + last.name;
            for (int i = info.index; i < info.index + span; ++i)
                block.downsampling = block.downsampling || network.blocks[size_t(i)].downsampling;
        }
        const size_t at = size_t(info.index) + 1;
        if (at < correctByBlock.size() && correctByBlock[at] >= 0) {
            block.correct = correctByBlock[at];
            block.accuracy = fraction(block.correct, images);
        }
        result.blocks.push_back(block);
    }
    return result;
}

std::vector<int> criticalBlocks(const LesionResult &result, double threshold)
{
    std::vector<int> blocks;
    std::vector<double> accuracies;
    for (const LesionBlock &block : result.blocks)
        if (block.correct >= 0) {
            blocks.push_back(block.index);
            accuracies.push_back(block.accuracy);
        }
    return criticalBlocks(result.baseline, blocks, accuracies, threshold);
}

// The 95% Wilson interval of `correct` of `images` as [lower, upper]; null without a count.
Json wilsonJson(int64_t correct, int64_t images)
{
    if (correct < 0 || images <= 0 || correct > images)
        return nullptr;
    const Interval interval = wilsonInterval(correct, images);
    return Json::array({interval.lower, interval.upper});
}

std::string toJson(const LesionResult &result)
{
    Json blocks = Json::array();
    for (const LesionBlock &block : result.blocks) {
        blocks.push_back({{"index", block.index},
                          {"name", block.name},
                          {"stage", block.stage},
                          {"downsampling", block.downsampling},
                          {"accuracy", jsonNumber(block.accuracy)},
                          {"interval_95", wilsonJson(block.correct, result.images)}});
        if (!block.unit.empty())
            blocks.back()["unit"] = block.unit;
    }
    Json json{{"model", result.model},
              {"images", result.images},
              {"baseline", jsonNumber(result.baseline)},
              {"baseline_interval_95", wilsonJson(result.baselineCorrect, result.images)},
              {"intervals", "Wilson score intervals for a proportion, 95%"},
              {"seconds", result.seconds},
              {"plain", result.plain},
              {"classes", result.classes},
              {"blocks", blocks}};
    if (result.span > 1)
        json["span"] = result.span;
    if (result.intervention != SpanIntervention::Delete)
        json["intervention"] = interventionName(result.intervention);
    // One comparison is an object, as it has always been; several are an array of such objects.
    Json compared = Json::array();
    for (const LesionResult &other : result.compared)
        compared.push_back({{"model", other.model},
                            {"baseline", jsonNumber(other.baseline)},
                            {"plain", other.plain},
                            {"classes", other.classes},
                            {"downsampling", blockDownsampling(other)},
                            {"accuracy", jsonNumbers(blockAccuracies(other))}});
    if (compared.size() == 1)
        json["compare"] = compared[0];
    else if (!compared.empty())
        json["compare"] = compared;
    return json.dump();
}

std::string toCsv(const LesionResult &result)
{
    std::string csv = "index,name,stage,downsampling,accuracy,baseline\n";
    for (const LesionBlock &block : result.blocks)
        csv += std::to_string(block.index) + "," + block.name + "," + std::to_string(block.stage) + ","
               + (block.downsampling ? "1" : "0") + "," + csvNumber(block.accuracy, 10) + ","
               + csvNumber(result.baseline, 10) + "\n";
    return csv;
}

std::string toJson(const SweepResult &result)
{
    Json points = Json::array();
    for (const SweepPoint &point : result.points) {
        Json object{{result.reorder ? "swaps" : "deleted", point.k},
                    {"mean", point.mean},
                    {"std", point.std},
                    {"standard_error", point.standardError},
                    {"min", point.min},
                    {"max", point.max},
                    {"accuracies", jsonNumbers(point.accuracies)}};
        if (result.reorder)
            object["kendall_tau"] = jsonNumbers(point.taus);
        object["touched"] = point.touched;
        if (!result.critical.empty()) {
            const CriticalSplit split = splitByCritical(point, result.critical);
            auto group = [](const SampleGroup &g) {
                return Json{{"samples", g.samples}, {"mean", jsonNumber(g.samples ? g.mean : std::nan(""))},
                            {"standard_error", jsonNumber(g.samples > 1 ? g.standardError : std::nan(""))}};
            };
            object["touching_critical"] = group(split.touching);
            object["sparing_critical"] = group(split.sparing);
        }
        points.push_back(object);
    }
    Json json{{"model", result.model},
              {"images", result.images},
              {"baseline", jsonNumber(result.baseline)},
              {"samples", result.samples},
              {"seed", result.seed},
              {"seconds", result.seconds},
              {"points", points}};
    if (!result.critical.empty())
        json["critical_blocks"] = result.critical;
    if (!result.kind.empty())
        json["kind"] = result.kind;
    return json.dump();
}

std::string toCsv(const SweepResult &result)
{
    std::string csv = result.reorder ? "swaps,sample,accuracy,kendall_tau,touched\n" : "deleted,sample,accuracy,touched\n";
    for (const SweepPoint &point : result.points)
        for (size_t i = 0; i < point.accuracies.size(); ++i) {
            csv += std::to_string(point.k) + "," + std::to_string(i) + "," + csvNumber(point.accuracies[i], 10);
            if (result.reorder)
                csv += "," + csvNumber(point.taus[i], 10);
            std::string touched;
            if (i < point.touched.size())
                for (int block : point.touched[i])
                    touched += (touched.empty() ? "" : " ") + std::to_string(block);
            csv += "," + touched + "\n";
        }
    return csv;
}

PathsResult pathsResult(int blocks, int active, const std::vector<int> &deletedCounts, bool plain)
{
    PathsResult result;
    result.blocks = blocks;
    result.active = active;
    result.plain = plain;
    if (plain) {
        result.distribution.assign(size_t(active) + 1, 0.0);
        result.distribution[size_t(active)] = 1.0;
    } else {
        result.distribution = pathLengthDistribution(active);
    }
    result.paths = plain ? 1.0 : std::ldexp(1.0, active);
    std::vector<int> counts = deletedCounts;
    if (blocks - active > 0)
        counts.push_back(blocks - active);
    for (int d : counts)
        if (d >= 0 && d <= blocks && !result.surviving.count(d)) {
            std::vector<double> fractions(size_t(blocks) + 1, 0.0);
            if (plain)
                fractions[size_t(blocks)] = d == 0 ? 1.0 : 0.0;
            else
                fractions = survivingFraction(blocks, d);
            result.surviving[d] = fractions;
        }
    return result;
}

PathsResult pathsResult(int blocks, const Arrangement &arrangement, const std::vector<int> &deletedCounts, bool plain)
{
    if (!hasRepeatsOrParallel(arrangement))
        return pathsResult(blocks, activeCount(arrangement), deletedCounts, plain);
    if (plain)
        throw Error("a plain network (no shortcuts) has one path; it cannot repeat layers or run them in parallel");
    const std::vector<int> groups = activeGroupSizes(arrangement);
    PathsResult result = pathsResult(blocks, 0, deletedCounts, false);
    result.distribution = groupedPathLengthDistribution(groups);
    result.active = int(result.distribution.size()) - 1;
    result.paths = 1;
    for (int m : groups)
        result.paths *= 1 + m;
    result.arrangement = describe(arrangement);
    result.surviving.erase(blocks); // pathsResult(blocks, 0, ...) added "all deleted"
    for (int d : deletedCounts)
        if (d >= 0 && d <= blocks)
            result.surviving[d] = survivingFraction(blocks, d);
    return result;
}

LengthRange centralLengths(const PathsResult &result)
{
    LengthRange range{0, result.active};
    double cumulative = 0;
    for (int k = 0; k <= result.active; ++k) {
        cumulative += result.distribution[k];
        if (cumulative < 0.025)
            range.from = k + 1;
        if (cumulative >= 0.975) {
            range.to = k;
            break;
        }
    }
    return range;
}

std::string toJson(const PathsResult &result)
{
    Json surviving = Json::object();
    for (const auto &[deleted, fractions] : result.surviving)
        surviving[std::to_string(deleted)] = jsonNumbers(fractions);
    Json json{{"model", result.model},
                {"blocks", result.blocks},
                {"active", result.active},
                {"plain", result.plain},
                {"distribution", jsonNumbers(result.distribution)},
                {"paths", result.paths},
                {"surviving", surviving}};
    if (!result.arrangement.empty())
        json["arrangement"] = result.arrangement;
    return json.dump();
}

std::string toCsv(const PathsResult &result)
{
    std::string csv = "length,fraction_of_paths";
    for (const auto &column : result.surviving)
        csv += ",surviving_after_" + std::to_string(column.first) + "_deleted";
    csv += "\n";
    for (int k = 0; k <= std::max(result.blocks, result.active); ++k) { // a repeat makes paths longer than n
        csv += std::to_string(k) + "," + csvNumber(k <= result.active ? result.distribution[k] : 0.0, 12);
        for (const auto &column : result.surviving)
            csv += "," + csvNumber(k < int(column.second.size()) ? column.second[k] : 0.0, 12);
        csv += "\n";
    }
    return csv;
}

std::string toJson(const GradientResult &result)
{
    // The central 90% and 95% of the total gradient, each end with its bootstrap interval.
    Json windows = Json::array();
    for (const EffectiveWindow &w : result.windows)
        windows.push_back({{"coverage", w.coverage},
                           {"from", w.from},
                           {"to", w.to},
                           {"share_of_paths", w.share},
                           {"from_interval_95", {w.fromLow, w.fromHigh}},
                           {"to_interval_95", {w.toLow, w.toHigh}},
                           {"bootstrap_resamples", w.resamples}});
    return Json{{"model", result.model},
                {"lengths", result.lengths},
                {"mean", jsonNumbers(result.mean)},
                {"std", jsonNumbers(result.std)},
                {"samples", result.samples},
                {"total", jsonNumbers(result.total)},
                {"effective", {{"from", result.effectiveFrom},
                               {"to", result.effectiveTo},
                               {"share_of_paths", result.effectiveShare}}},
                {"windows", windows},
                {"batch", result.batchSize},
                {"seconds", result.seconds}}
        .dump();
}

std::string toCsv(const GradientResult &result)
{
    std::string csv = "length,mean,std,samples,paths,total\n";
    const std::vector<double> counts = pathCounts(int(result.lengths.size()) - 1);
    for (size_t k = 0; k < result.lengths.size(); ++k)
        csv += std::to_string(k) + "," + csvNumber(result.mean[k], 10) + "," + csvNumber(result.std[k], 10) + ","
               + std::to_string(result.samples[k]) + "," + csvNumber(counts[k], 17) + ","
               + csvNumber(result.total[k], 10) + "\n";
    return csv;
}

} // namespace pathlens
