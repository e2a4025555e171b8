// paths: path-length distribution and paths surviving deletion (Fig. 6a and 7).

#include "commands.h"

#include "error.h"
#include "paths.h"
#include "results.h"

#include <qcustomplot.h> // the figures are drawn here

#include <cmath>

namespace pathlens::cli {

// Fig. 6a and 7: needs no data, only the number of blocks.
Outcome paths(Context &context, const QString &modelPath, std::vector<int> counts)
{
    const auto network = Network::load(modelPath.toStdString());
    const NetworkInfo info = network->describe(network->defaultInputShape());
    const int blocks = int(info.blocks.size());
    const Arrangement arrangement = context.arrangementFromFlags(blocks);
    if (const auto why = whyInvalid(info, arrangement))
        throw Error("invalid arrangement: " + *why);
    const int active = activeCount(arrangement);
    PathsResult result = pathsResult(blocks, arrangement, counts, info.plain);
    result.model = modelPath.toStdString();
    Outcome outcome;
    outcome.name = QStringLiteral("paths");
    outcome.csv = QString::fromStdString(toCsv(result));
    outcome.json = jsonObject(toJson(result));
    const bool grouped = !result.arrangement.empty(); // repeats or parallel groups
    outcome.caption = info.plain ? QStringLiteral("a plain network: one path, through every layer that is not deleted")
                      : grouped  ? QStringLiteral("exact path counts (the coefficients of the product of 1 + m z over the "
                                                  "groups), no images or sampling")
                                 : QStringLiteral("exact path counts (binomial coefficients), no images or sampling");
    const QString arranged = grouped ? QString::fromStdString(result.arrangement)
                                     : QStringLiteral("%1 of %2 blocks active").arg(active).arg(blocks);
    outcome.figure = [title = QStringLiteral("Path lengths — %1, %2").arg(Context::modelName(*network), arranged),
                      result] { return figures::paths(title, result.distribution, result.surviving); };
    const LengthRange central = centralLengths(result);
    QTextStream text(&outcome.text);
    if (info.plain) {
        text << QStringLiteral("a plain network (no shortcuts): one path, of length %1 (its layers that are not deleted); "
                               "deleting any layer breaks it\n\n").arg(active)
             << outcome.csv;
        return outcome;
    }
    if (grouped) {
        // A group of m branches is passed by its input or by exactly one branch: (1 + m z) per group.
        double share = 0;
        for (int k = central.from; k <= central.to; ++k)
            share += result.distribution[size_t(k)];
        text << QStringLiteral("%1: %2 paths (the product of 1 + m over groups of m parallel branches, 2 for an ordinary "
                               "block); lengths 0..%3\n")
                    .arg(arranged).arg(result.paths, 0, 'g', 4).arg(result.active)
             << QStringLiteral("lengths %1..%2 hold %3% of all paths\n\n")
                    .arg(central.from).arg(central.to).arg(100 * share, 0, 'f', 1)
             << outcome.csv;
        return outcome;
    }
    text << QStringLiteral("%1 active of %2 blocks: 2^%1 = %3 paths; lengths 0..%1 ~ Binomial(%1, 1/2)\n")
                .arg(active).arg(blocks).arg(std::ldexp(1.0, active), 0, 'g', 4)
         << QStringLiteral("lengths %1..%2 hold %3% of all paths\n\n")
                .arg(central.from).arg(central.to).arg(100 * shareOfPaths(active, central.from, central.to), 0, 'f', 1)
         << outcome.csv;
    return outcome;
}

} // namespace pathlens::cli
