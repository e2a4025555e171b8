// paths: path-length distribution and paths surviving deletion (Fig. 6a and 7).

#include "commands.h"

#include "error.h"
#include "paths.h"

#include <cmath>
#include <map>

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
    if (blocks - active > 0)
        counts.push_back(blocks - active);
    Outcome outcome;
    outcome.name = QStringLiteral("paths");
    QJsonObject surviving;
    std::map<int, std::vector<double>> columns;
    outcome.csv = QStringLiteral("length,fraction_of_paths");
    for (int d : counts) {
        if (d < 0 || d > blocks || columns.count(d))
            continue;
        columns[d] = survivingFraction(blocks, d);
        surviving.insert(QString::number(d), numbers(columns[d]));
    }
    for (const auto &column : columns)
        outcome.csv += QStringLiteral(",surviving_after_%1_deleted").arg(column.first);
    outcome.csv += "\n";
    const auto distribution = pathLengthDistribution(active);
    for (int k = 0; k <= blocks; ++k) {
        outcome.csv += QStringLiteral("%1,%2").arg(k).arg(k <= active ? distribution[k] : 0.0, 0, 'g', 12);
        for (const auto &column : columns)
            outcome.csv += QStringLiteral(",%1").arg(column.second[k], 0, 'g', 12);
        outcome.csv += "\n";
    }
    outcome.json = QJsonObject{{"model", modelPath}, {"blocks", blocks}, {"active", active},
                               {"distribution", numbers(distribution)}, {"surviving", surviving}};
    outcome.figure = [title = QStringLiteral("Path lengths — %1, %2 of %3 blocks active")
                                  .arg(Context::modelName(*network)).arg(active).arg(blocks),
                      distribution, columns] { return figures::paths(title, distribution, columns); };
    // The central 95% of path lengths (2.5th to 97.5th percentile).
    int from = 0;
    int to = active;
    double cumulative = 0;
    for (int k = 0; k <= active; ++k) {
        cumulative += distribution[k];
        if (cumulative < 0.025)
            from = k + 1;
        if (cumulative >= 0.975) {
            to = k;
            break;
        }
    }
    QTextStream text(&outcome.text);
    text << QStringLiteral("%1 active of %2 blocks: 2^%1 = %3 paths; lengths 0..%1 ~ Binomial(%1, 1/2)\n")
                .arg(active).arg(blocks).arg(std::ldexp(1.0, active), 0, 'g', 4)
         << QStringLiteral("lengths %1..%2 hold %3% of all paths\n\n")
                .arg(from).arg(to).arg(100 * shareOfPaths(active, from, to), 0, 'f', 1)
         << outcome.csv;
    return outcome;
}

} // namespace pathlens::cli
