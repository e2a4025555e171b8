#include "classresults.h"

#include "results.h"

namespace pathlens {
namespace {

// CSV fields are quoted when they could hold a comma or a quote (class names may).
std::string field(const std::string &text)
{
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

double fraction(int64_t correct, int64_t images)
{
    return images > 0 ? double(correct) / double(images) : 0.0;
}

} // namespace

std::vector<std::string> classLabels(const std::vector<std::string> &names, size_t count)
{
    std::vector<std::string> labels;
    for (size_t c = 0; c < count; ++c)
        labels.push_back(c < names.size() ? names[c] : std::to_string(c));
    return labels;
}

Json perClassJson(const PerClassLesion &study, size_t index)
{
    Json classes = Json::array();
    const std::vector<int64_t> &correct = study.correct[index];
    for (size_t c = 0; c < correct.size(); ++c)
        classes.push_back({{"class", study.classes[c]}, {"correct", correct[c]}, {"images", study.images[c]}});
    return classes;
}

std::string perClassCsv(const PerClassLesion &study)
{
    std::string csv = "block,name,class,correct,images,accuracy,baseline_accuracy\n";
    const std::vector<int64_t> &baseline = study.correct[0];
    for (size_t index = 0; index < study.correct.size(); ++index) {
        const std::vector<int64_t> &correct = study.correct[index];
        for (size_t c = 0; c < correct.size(); ++c)
            csv += std::to_string(study.blocks[index]) + "," + field(study.blockNames[index]) + "," + field(study.classes[c])
                   + "," + std::to_string(correct[c]) + "," + std::to_string(study.images[c]) + ","
                   + csvNumber(fraction(correct[c], study.images[c]), 10) + ","
                   + csvNumber(fraction(baseline[c], study.images[c]), 10) + "\n";
    }
    return csv;
}

Json classComparisonJson(const ClassComparisonResult &result)
{
    Json classes = Json::array();
    for (size_t c = 0; c < result.images.size(); ++c)
        classes.push_back({{"class", result.classes[c]},
                           {"images", result.images[c]},
                           {"original_correct", result.originalCorrect[c]},
                           {"current_correct", result.currentCorrect[c]},
                           {"original_accuracy", fraction(result.originalCorrect[c], result.images[c])},
                           {"current_accuracy", fraction(result.currentCorrect[c], result.images[c])}});
    return Json{{"model", result.model},
                {"arrangement", result.arrangement},
                {"classes", classes},
                {"original_confusion", result.originalConfusion},
                {"current_confusion", result.currentConfusion}};
}

std::string classComparisonCsv(const ClassComparisonResult &result)
{
    std::string csv = "class,images,original_correct,current_correct,original_accuracy,current_accuracy\n";
    for (size_t c = 0; c < result.images.size(); ++c)
        csv += field(result.classes[c]) + "," + std::to_string(result.images[c]) + "," + std::to_string(result.originalCorrect[c])
               + "," + std::to_string(result.currentCorrect[c]) + ","
               + csvNumber(fraction(result.originalCorrect[c], result.images[c]), 10) + ","
               + csvNumber(fraction(result.currentCorrect[c], result.images[c]), 10) + "\n";
    return csv;
}

Json disagreementJson(const std::vector<int> &blocks, const EnsembleReading &reading)
{
    Json variants = Json::array({"none"});
    for (int block : blocks)
        variants.push_back(block);
    return Json{{"variants", variants},
                {"matrix", reading.disagreement},
                {"images", reading.images},
                {"full_accuracy", fraction(reading.fullCorrect, reading.images)},
                {"majority_vote_accuracy", fraction(reading.majorityCorrect, reading.images)},
                {"mean_pairwise_disagreement", reading.meanVariantDisagreement}};
}

std::string disagreementCsv(const std::vector<int> &blocks, const EnsembleReading &reading)
{
    std::vector<std::string> names{"none"};
    for (int block : blocks)
        names.push_back(std::to_string(block));
    std::string csv = "deleted";
    for (const std::string &name : names)
        csv += "," + name;
    csv += "\n";
    for (size_t a = 0; a < reading.disagreement.size(); ++a) {
        csv += names[a];
        for (double value : reading.disagreement[a])
            csv += "," + csvNumber(value, 10);
        csv += "\n";
    }
    return csv;
}

} // namespace pathlens
