#include "jsonvalue.h"

#include <cmath>
#include <limits>

namespace pathlens::json {
namespace {

constexpr int maximumDepth = 1024; // Qt's JSON parser's

struct TooDeep
{
};

// A number with a whole value that `T` holds exactly, as Qt's JSON values converted one.
template <typename T>
std::optional<T> whole(const Json &value)
{
    if (value.is_number_unsigned()) {
        const uint64_t n = value.get<uint64_t>();
        if (n <= uint64_t(std::numeric_limits<T>::max()))
            return T(n);
    } else if (value.is_number_integer()) {
        const int64_t n = value.get<int64_t>();
        if (n >= int64_t(std::numeric_limits<T>::min()) && n <= int64_t(std::numeric_limits<T>::max()))
            return T(n);
    } else if (value.is_number_float()) {
        // The upper bound is -min (max + 1), which a double holds exactly; INT64_MAX it does not.
        const double d = value.get<double>();
        if (std::isfinite(d) && d == std::trunc(d) && d >= double(std::numeric_limits<T>::min())
            && d < -2.0 * double(std::numeric_limits<T>::min() / 2))
            return T(d);
    }
    return std::nullopt;
}

} // namespace

std::optional<Json> parse(const std::string &text, ParseError *error)
{
    try {
        // The parser itself is not recursive; the callback only counts the depth.
        return Json::parse(text, [](int depth, Json::parse_event_t event, Json &) {
            if ((event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start)
                && depth >= maximumDepth)
                throw TooDeep{};
            return true;
        });
    } catch (const Json::exception &e) {
        // A parse_error, or out_of_range for a number too large for a double (1e400). e.what()
        // reads "[json.exception.parse_error.101] parse error at line 1, column 14: ...".
        if (error) {
            const std::string what = e.what();
            const auto bracket = what.find("] ");
            const auto *parseError = dynamic_cast<const Json::parse_error *>(&e);
            *error = {bracket == std::string::npos ? what : what.substr(bracket + 2), parseError ? parseError->byte : 0};
        }
    } catch (const TooDeep &) {
        if (error)
            *error = {"too deeply nested (more than 1024 arrays and objects)", 0};
    }
    return std::nullopt;
}

std::string compact(const Json &value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string indented(const Json &value)
{
    return value.dump(4, ' ', false, Json::error_handler_t::replace) + "\n";
}

const Json &member(const Json &object, const std::string &key)
{
    static const Json none;
    if (!object.is_object())
        return none;
    const auto it = object.find(key);
    return it == object.end() ? none : *it;
}

bool contains(const Json &object, const std::string &key)
{
    return object.is_object() && object.find(key) != object.end();
}

const Json &array(const Json &value)
{
    static const Json empty = Json::array();
    return value.is_array() ? value : empty;
}

const Json &object(const Json &value)
{
    static const Json empty = Json::object();
    return value.is_object() ? value : empty;
}

int toInt(const Json &value, int fallback)
{
    return whole<int>(value).value_or(fallback);
}

int64_t toInteger(const Json &value, int64_t fallback)
{
    return whole<int64_t>(value).value_or(fallback);
}

double toDouble(const Json &value, double fallback)
{
    return value.is_number() ? value.get<double>() : fallback;
}

bool toBool(const Json &value, bool fallback)
{
    return value.is_boolean() ? value.get<bool>() : fallback;
}

std::string toString(const Json &value)
{
    return value.is_string() ? value.get<std::string>() : std::string();
}

} // namespace pathlens::json
