// The command table of pathlens-cli: name, help, options, and what runs.

#include "commands.h"
#include "defaults.h"

#include <QSet>

namespace pathlens::cli {
namespace {

QCommandLineOption option(const char *name, const char *description, const char *valueName = nullptr,
                          const char *defaultValue = nullptr)
{
    return QCommandLineOption(QLatin1String(name), QLatin1String(description),
                              valueName ? QLatin1String(valueName) : QString(),
                              defaultValue ? QLatin1String(defaultValue) : QString());
}

// Options that the model commands share: where the data comes from, how the engine runs, what
// is evaluated. The help lists them first, then each command's own, then outputOptions().
QList<QCommandLineOption> generalOptions()
{
    return {
        option("data", "Data set folder or file (default: Fashion-MNIST).", "PATH"),
        option("data-format", "auto, idx, cifar10 or images (a folder with one sub-folder per class).", "FORMAT", "auto"),
        option("split", "test or train (default: test; train for gradients).", "SPLIT"),
        option("limit", "Use only the first N images.", "N"),
        option("balanced", "With --limit N: the GUI's live subset instead, the first N/classes images of each class."),
        option("batch", "Images per batch (default 64 on the CPU, 500 on a GPU; gradients 32, train 128).", "B"),
        option("device", "cpu, cuda or auto.", "DEVICE", "auto"),
        option("threads", "CPU threads (default: all cores).", "T"),
        option("seed", "Random seed (for sampling experiments).", "S", "1"),
        option("mean", "Per-channel mean, comma-separated (overrides metadata).", "M"),
        option("std", "Per-channel std, comma-separated (overrides metadata).", "S"),
        option("delete", "eval: blocks to delete, e.g. 3,7 or 8-15.", "LIST"),
        option("order", "eval: block order, a permutation of 0..n-1 (ranges allowed: 0-3,5,4,6-8).", "LIST"),
        option("parallel", "eval, paths: slots FIRST-LAST run in parallel, their branches summed (FIRST-LAST:mean: "
                           "averaged); may be given more than once.", "RANGE"),
        option("repeat", "eval, paths: slots FIRST-LAST run twice in a row.", "RANGE"),
        option("samples", "Samples per point (default 10).", "S"),
    };
}

// Where the results go, and options that only change how fast a run is.
QList<QCommandLineOption> outputOptions()
{
    return {
        option("plot", "Also draw the figure: FILE.pdf, .svg or .png.", "FILE"),
        option("dpi", "Resolution of PNG figures (default 96).", "DPI"),
        option("out", "report: output folder; train: the model file.", "PATH"),
        option("cache-mb", "Activation cache budget in MiB (default 1024).", "MB"),
        option("no-reuse", "Run every arrangement from the input (for timing)."),
        precisionOption(),
        option("json", "Print the result as JSON on stdout."),
        option("csv", "Also write the numbers as CSV.", "FILE"),
        option("shard", "lesion, delete-k, reorder, gradients, report: do shard I of N of the work (0-based) and print "
                        "a part for merge.", "I/N"),
    };
}

// The experiments that share report's machinery: parse the limits (--samples, --batch) first,
// as every one of them did before it ran, then publish what the experiment produced.
int publishExperiment(Context &context, const std::function<Outcome(const Limits &)> &experiment)
{
    const Limits limits = context.limitsFromFlags();
    Outcome outcome = experiment(limits);
    context.publish(outcome);
    return 0;
}

} // namespace

const std::vector<Command> &commands()
{
    static const std::vector<Command> table{
        {"info", "info [MODEL]", "blocks, stages, shapes, downsampling flags, parameter count", {}, false,
         [](Context &context, const QString &model, const QStringList &) { return info(context, model); }},
        {"eval", "eval [MODEL]", "accuracy of one arrangement (--delete, --order)", {}, false,
         [](Context &context, const QString &model, const QStringList &) { return evaluate(context, model); }},
        {"lesion", "lesion [MODEL]", "baseline and accuracy with each single block deleted (Fig. 3), or each span of W (--span) deleted, reversed, shuffled, run in parallel or repeated (--intervention)",
         {option("compare", "lesion, report: another model on the same axes (plain control, stochastic depth); may be given more than once.", "MODEL"),
          option("per-class", "lesion: per-class counts in --json; --csv and --plot give the blocks x classes change."),
          option("disagreement", "lesion: how often two lesioned networks disagree, and their majority vote's accuracy; "
                                 "--csv and --plot give the matrix (beside, as FILE-disagreement.*, with --per-class)."),
          option("span", "lesion, predictors: delete every run of W consecutive blocks together (span deletion), one "
                         "number per first block.", "W"),
          option("intervention", "lesion: what is done to each run of --span W blocks: delete, reverse (W = 2: adjacent "
                                 "swaps), shuffle (one order per run, from --seed), parallel (the run's branches all read "
                                 "its input and are summed), parallel-mean (averaged) or repeat (the run twice).",
                 "WHAT", "delete")},
         false,
         [](Context &context, const QString &model, const QStringList &) {
             const int span = parsePositive(context.parser(), QStringLiteral("span"), 1);
             const SpanIntervention intervention = parseSpanIntervention(context.value("intervention").toStdString());
             return publishExperiment(context, [&](const Limits &) {
                 return lesion(context, model, context.values("compare"), -1, span, intervention);
             });
         }},
        {"predictors", "predictors [MODEL]", "block influence and angular distance of every block (or span of W, --span) against the cost of deleting it, with Spearman's rho",
         {}, false,
         [](Context &context, const QString &model, const QStringList &) {
             const int span = parsePositive(context.parser(), QStringLiteral("span"), 1);
             return publishExperiment(context, [&](const Limits &) { return predictors(context, model, span); });
         }},
        {"delete-k", "delete-k [MODEL]", "accuracy vs number of randomly deleted blocks (Fig. 5a)",
         {option("max-k", "delete-k: largest number of deleted blocks (default 20).", "K"),
          option("all-blocks", "delete-k: downsampling blocks may be deleted too."),
          option("kind", "delete-k: delete only units of this kind (attention, MLP, convolution, token mixing; as "
                         "`info` names them).", "KIND")},
         false,
         [](Context &context, const QString &model, const QStringList &) {
             return publishExperiment(context, [&](const Limits &limits) {
                 return sweep(context, model, false, limits, parsePositive(context.parser(), QStringLiteral("max-k"), limits.maxK),
                              std::nullopt, context.value("kind").toStdString());
             });
         }},
        {"reorder", "reorder [MODEL]", "accuracy vs number of swapped block pairs, Kendall's tau (Fig. 5b)",
         {option("max-swaps", "reorder: largest number of swapped pairs (default 20).", "K")}, false,
         [](Context &context, const QString &model, const QStringList &) {
             return publishExperiment(context, [&](const Limits &limits) {
                 return sweep(context, model, true, limits, parsePositive(context.parser(), QStringLiteral("max-swaps"), limits.maxK));
             });
         }},
        {"paths", "paths [MODEL]", "path-length distribution and fraction of paths surviving deletion (Fig. 6a, 7)",
         {option("deleted-counts", "paths: numbers of deleted blocks to show (default 1,10,20).", "LIST")}, false,
         [](Context &context, const QString &model, const QStringList &) {
             return publishExperiment(context, [&](const Limits &) {
                 return paths(context, model, context.isSet("deleted-counts")
                                                  ? parseIndexList(context.value("deleted-counts"), "deleted-counts")
                                                  : std::vector<int>{1, 10, 20});
             });
         }},
        {"gradients", "gradients [MODEL]", "gradient magnitude per path length, effective paths (Fig. 6b, 6c)", {}, false,
         [](Context &context, const QString &model, const QStringList &) {
             return publishExperiment(context, [&](const Limits &limits) { return gradients(context, model, limits); });
         }},
        {"report", "report [MODEL] --out DIR ", "every figure as PDF, SVG and PNG, CSV files and index.html",
         {option("quick", "report: a rough version in under a minute.")}, false,
         [](Context &context, const QString &model, const QStringList &) { return report(context, model); }},
        {"train", "train --out FILE ", "trains a demo model (--arch preact|postact|plain|plain-constant|vit, --depth, --stochastic-depth, --sample-blocks)",
         {option("arch", "train: preact, postact, plain, plain-constant or vit (default preact).", "ARCH", "preact"),
          option("depth", "train: 6n + 2 layers (default 110); plain-constant: the number of layers; vit: encoder layers (default 12).", "D"),
          option("width", "train: channels of every plain-constant layer (default 32); vit: embedding width (default 64).", "C"),
          option("heads", "train: vit attention heads (default 4).", "H"),
          option("mlp", "train: vit MLP hidden width (default 128).", "M"),
          option("patch", "train: vit patch side in pixels (default 4).", "P"),
          option("stochastic-depth", "train: survival probability p_L of the last block (e.g. 0.5).", "P"),
          option("sample-blocks", "train: only K random blocks active per mini-batch (Veit et al., Section 5).", "K"),
          option("epochs", "train: epochs (default 10).", "E"),
          option("lr", "train: peak learning rate (default 0.1; vit 0.001 with AdamW).", "LR"),
          option("no-flip", "train: no random horizontal flips."),
          option("resume", "train: continue from the checkpoint beside --out."),
          option("init", "train: start from this trained model's weights (same --arch and size) with a fresh schedule.", "FILE"),
          option("teacher", "train: also learn this trained model's logits on the training images (knowledge "
                            "distillation, temperature 4, half the loss).", "MODEL")},
         false, [](Context &context, const QString &, const QStringList &arguments) { return trainModel(context, arguments); }},
        {"merge", "merge PART.json...", "joins the parts of a --shard I/N run into what the unsharded run writes", {}, true,
         [](Context &context, const QString &, const QStringList &arguments) { return merge(context, arguments); }},
    };
    return table;
}

const Command *findCommand(const QString &name)
{
    for (const Command &command : commands())
        if (command.name == name)
            return &command;
    return nullptr;
}

QList<QCommandLineOption> allOptions()
{
    QList<QCommandLineOption> options = generalOptions();
    QSet<QString> seen;
    for (const QCommandLineOption &option : options)
        seen.insert(option.names().constFirst());
    for (const Command &command : commands())
        for (const QCommandLineOption &option : command.options)
            if (!seen.contains(option.names().constFirst())) {
                seen.insert(option.names().constFirst());
                options.append(option);
            }
    return options + outputOptions();
}

QString helpText()
{
    QString text = QStringLiteral("Residual networks as ensembles of paths, headless.\n\nCommands:\n");
    for (const Command &command : commands())
        text += QStringLiteral("  %1 %2\n").arg(command.usage, -16).arg(command.summary);
    return text + QStringLiteral("\nMODEL defaults to the bundled model. Block indices are 0-based, as `info` lists them.");
}

QString commandNames()
{
    QStringList names;
    for (const Command &command : commands())
        names.append(command.name);
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

} // namespace pathlens::cli
