#pragma once

#include <stdexcept>
#include <string>

namespace pathlens {

// Every failure the user can cause (a bad file, a shape that does not fit, an invalid
// arrangement) is reported as an Error whose message names the file or object and the problem.
class Error : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace pathlens
