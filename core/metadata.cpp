// pathlens.json, the metadata inside a model archive: read with a real JSON parser, top-level keys
// only, every known key's type checked at load (README: Models pathlens understands).

#include "private/network_p.h"

#include "error.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace pathlens {

namespace {

// pathlens.json parsed with a real JSON reader (nlohmann): only top-level keys count, so a nested
// {"baseline_of": {"plain": true}} or a nested "std" can no longer pass for the model's own. Its
// parser is not recursive, so a long or deep array cannot overflow the stack (the hand-written
// scan it replaces was itself a replacement for std::regex, which did).
nlohmann::json parseMetadata(const std::string &json)
{
    nlohmann::json parsed;
    try {
        parsed = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception &e) {
        // e.what() reads "[json.exception.parse_error.101] parse error at line 1, column 14: ...".
        const std::string what = e.what();
        const auto bracket = what.find("] ");
        throw Error("pathlens.json is not valid JSON ("
                    + (bracket == std::string::npos ? what : what.substr(bracket + 2)) + ")");
    }
    if (!parsed.is_object())
        throw Error("pathlens.json must hold a JSON object, found " + std::string(parsed.type_name()));
    return parsed;
}

std::string typeOf(const nlohmann::json &value)
{
    return std::string(value.is_number() ? "a number" : value.is_string() ? "a string" : value.is_boolean() ? "true/false"
                       : value.is_array() ? "an array" : value.is_object() ? "an object" : "null");
}

} // namespace

std::vector<double> metadataNumbers(const std::string &json, const std::string &key)
{
    if (json.empty())
        return {};
    const nlohmann::json metadata = parseMetadata(json);
    const auto it = metadata.find(key);
    if (it == metadata.end())
        return {};
    if (it->is_number())
        return {it->get<double>()};
    std::vector<double> numbers;
    if (it->is_array()) {
        for (const auto &item : *it) {
            if (!item.is_number())
                throw Error("pathlens.json: \"" + key + "\" must be a number or an array of numbers, found an array holding "
                            + typeOf(item));
            numbers.push_back(item.get<double>());
        }
        return numbers;
    }
    throw Error("pathlens.json: \"" + key + "\" must be a number or an array of numbers, found " + typeOf(*it));
}

bool metadataFlag(const std::string &json, const std::string &key)
{
    if (json.empty())
        return false;
    const nlohmann::json metadata = parseMetadata(json);
    const auto it = metadata.find(key);
    if (it == metadata.end())
        return false;
    if (!it->is_boolean())
        throw Error("pathlens.json: \"" + key + "\" must be true or false, found " + typeOf(*it));
    return it->get<bool>();
}

std::string metadataText(const std::string &json, const std::string &key)
{
    if (json.empty())
        return {};
    const nlohmann::json metadata = parseMetadata(json);
    const auto it = metadata.find(key);
    if (it == metadata.end())
        return {};
    if (!it->is_string())
        throw Error("pathlens.json: \"" + key + "\" must be a string, found " + typeOf(*it));
    return it->get<std::string>();
}

size_t metadataClassCount(const std::string &json)
{
    if (json.empty())
        return 0;
    const nlohmann::json metadata = parseMetadata(json);
    const auto it = metadata.find("classes");
    return it != metadata.end() && it->is_array() ? it->size() : 0;
}

namespace {

// Every key of pathlens.json that pathlens reads, checked at load: a wrong type is refused with the
// key named instead of being ignored ("mean": "0.5") or read from somewhere else; the numbers that
// sizes and normalisation are made from are refused when they would overflow a conversion or a
// tensor allocation later (found by the model-loader fuzzer; tst_network: metadataSurvivesHostileValues).
// Keys pathlens does not know are left alone, for files written by other tools.
void checkMetadataKeys(const std::string &json)
{
    if (json.empty())
        return;
    const nlohmann::json metadata = parseMetadata(json);
    auto expect = [&](const char *key, bool (nlohmann::json::*is)() const noexcept, const char *what) {
        const auto it = metadata.find(key);
        if (it != metadata.end() && !((*it).*is)())
            throw Error(std::string("pathlens.json: \"") + key + "\" must be " + what + ", found " + typeOf(*it));
    };
    for (const char *key : {"name", "architecture", "dataset", "recipe", "output"})
        expect(key, &nlohmann::json::is_string, "a string");
    for (const char *key : {"depth", "epochs", "epochs_done", "stochastic_depth", "test_accuracy"})
        expect(key, &nlohmann::json::is_number, "a number");
    expect("classes", &nlohmann::json::is_array, "an array of strings");
    if (const auto it = metadata.find("classes"); it != metadata.end())
        for (const auto &name : *it)
            if (!name.is_string())
                throw Error("pathlens.json: \"classes\" must be an array of strings, found an array holding " + typeOf(name));
    metadataFlag(json, "plain");
    const auto done = metadataNumbers(json, "epochs_done");
    if (done.size() == 1 && !(done[0] >= 0 && done[0] <= 1e6 && done[0] == std::floor(done[0])))
        throw Error("pathlens.json: \"epochs_done\" must be a whole number from 0 to 1000000");

    const auto shape = metadataNumbers(json, "input_shape");
    if (!shape.empty()) {
        bool valid = shape.size() == 3;
        double elements = 1;
        for (double size : shape) {
            valid = valid && size >= 1 && size <= maxMetadataSide && size == std::floor(size);
            elements *= size;
        }
        if (!valid || elements > double(maxMetadataElements))
            throw Error("pathlens.json: input_shape must be 3 whole numbers (channels, height, width) from 1 to "
                        + std::to_string(maxMetadataSide) + " with at most " + std::to_string(maxMetadataElements)
                        + " values in all");
    }
    for (const char *key : {"mean", "std"}) {
        for (double value : metadataNumbers(json, key)) {
            if (!std::isfinite(value) || (key == std::string("std") && value <= 0))
                throw Error(std::string("pathlens.json: ") + key + " must hold finite numbers"
                            + (key == std::string("std") ? " greater than 0" : ""));
        }
    }
}

} // namespace

void checkMetadata(const std::string &path, const std::string &json)
{
    try {
        checkMetadataKeys(json);
    } catch (const Error &e) {
        throw Error(path + ": " + e.what());
    }
}

} // namespace pathlens
