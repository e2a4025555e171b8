#pragma once

// JSON outside core's own writers (results.h): the files a user may hand pathlens (a shard's part,
// a session, a lecture tour, a model's stored results) and the JSON pathlens-cli prints. One
// library for all of it, nlohmann's, read as forgivingly as Qt's JSON classes read these files
// before (a missing key or a value of another type gives a fallback, never an exception) and
// written as Qt wrote them (keys in alphabetical order, which nlohmann::json keeps too).

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace pathlens {

using Json = nlohmann::json;

namespace json {

// Why a text is not JSON, and the byte where the parser gave up.
struct ParseError
{
    std::string reason;
    size_t offset = 0;
};

// `text` parsed, or nothing (with `error` filled when given): not JSON, or nested deeper than
// 1024 arrays and objects (Qt's limit: the value is written out again recursively, which a
// hostile file could otherwise make overflow the stack).
std::optional<Json> parse(const std::string &text, ParseError *error = nullptr);

// JSON text as Qt wrote it: compact on one line ("{\"a\":1}"), or indented by 4 spaces and
// ending in a newline. Unlike Qt, empty arrays and objects are written "[]" and "{}", and a
// floating-point number with a whole value (an accuracy of 1) is written 1.0 where Qt wrote 1
// (every JSON reader takes both).
// Text that is not valid UTF-8 (a class named by a folder) is written with U+FFFD in its place,
// as QString had it, instead of failing.
std::string compact(const Json &value);
std::string indented(const Json &value);

// `object`'s `key`, or null when it has none or is not an object.
const Json &member(const Json &object, const std::string &key);
bool contains(const Json &object, const std::string &key);
// The array or object, or an empty one when `value` is something else.
const Json &array(const Json &value);
const Json &object(const Json &value);

// As Qt read a JSON value's toInt and toInteger: a number with a whole value in range, else
// `fallback` (for 1.5, "1", or 1e10 as an int).
int toInt(const Json &value, int fallback = 0);
int64_t toInteger(const Json &value, int64_t fallback = 0);
double toDouble(const Json &value, double fallback = 0);
bool toBool(const Json &value, bool fallback = false);
// The string, or "" for anything else.
std::string toString(const Json &value);

} // namespace json
} // namespace pathlens
