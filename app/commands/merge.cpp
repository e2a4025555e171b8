// merge PART.json...: joins the parts of a --shard I/N run (DESIGN.md section 8).

#include "commands.h"

#include "error.h"

#include <QCoreApplication>

namespace pathlens::cli {

// Checks the parts, then runs the command again with the joined results in place of the
// computation, so that it writes exactly what the unsharded run writes. `arguments`: "merge"
// and the part files.
int merge(Context &context, const QStringList &arguments)
{
    const QStringList files = arguments.mid(1);
    const sharding::MergedRun merged = sharding::mergeParts(files);
    QCommandLineParser &parser = context.parser();
    if (merged.command == QLatin1String("report") && !context.isSet("out"))
        throw Error("merge of report parts needs --out DIR");
    QStringList replay{QCoreApplication::arguments().value(0), merged.command};
    replay += merged.arguments;
    for (const char *option : {"csv", "plot", "dpi", "out"})
        if (context.isSet(option))
            replay << QStringLiteral("--%1").arg(QLatin1String(option)) << context.value(option);
    if (context.json())
        replay << QStringLiteral("--json");
    if (!parser.parse(replay))
        throw Error("merge: the parts' options do not parse: " + parser.errorText().toStdString());
    context.setMerged(&merged);
    return context.run(merged.command, parser.positionalArguments());
}

} // namespace pathlens::cli
