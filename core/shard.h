#pragma once

// One job of a job array doing a fixed share of a run (DESIGN.md section 8, `--shard I/N`).

namespace pathlens {

// Work unit u (an arrangement, a gradient round) belongs to shard u % count. Interleaving rather
// than cutting the list into blocks gives every shard a similar mix of cheap and costly units
// (a deletion late in the network costs less than an early one). The random draws of the whole
// run are made before any unit is skipped, so a unit is the same whichever shard computes it.
struct Shard
{
    int index = 0;
    int count = 1;

    bool owns(int unit) const { return unit % count == index; }
    // Shard 0 also evaluates the original arrangement: the baseline appears in one part only.
    bool ownsBaseline() const { return index == 0; }
};

} // namespace pathlens
