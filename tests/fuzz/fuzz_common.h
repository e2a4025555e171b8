#pragma once

// Shared by the libFuzzer targets: a broken invariant is a finding, reported like a crash.

#include <cstdio>
#include <cstdlib>

#define PL_FUZZ_CHECK(condition)                                                                   \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
