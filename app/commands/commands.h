#pragma once

// The commands of pathlens-cli, one table: adding an experiment means writing its file under
// app/commands/ and adding its row to commands() (table.cpp) with the options only it takes.

#include "context.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace pathlens::cli {

struct Command
{
    QString name;
    QString usage;   // how the help's command list shows it, e.g. "lesion [MODEL]"
    QString summary; // one line of help
    QList<QCommandLineOption> options; // the options only this command (or a few like it) takes
    // merge reads part files, not a model: it gets the arguments untouched.
    bool readsParts = false;
    // modelPath: the MODEL argument or the bundled model; arguments[0] is the command.
    std::function<int(Context &context, const QString &modelPath, const QStringList &arguments)> run;
};

const std::vector<Command> &commands();
const Command *findCommand(const QString &name);
// Options that most commands share, then every command's own, each once, for the parser.
QList<QCommandLineOption> allOptions();
// The help's description: what pathlens-cli is and the command list.
QString helpText();
QString commandNames();

// The commands.
int info(Context &context, const QString &modelPath);
int evaluate(Context &context, const QString &modelPath);
int trainModel(Context &context, const QStringList &arguments);
int report(Context &context, const QString &modelPath);
int merge(Context &context, const QStringList &files);

// The experiments, each as what it produced; `report` runs them all.
// Paper Figure 3: single deletions; with `comparePaths`, other models on the same axes (Fig. 8:
// the stochastic-depth twin, the plain control).
// `span` > 1: every run of that many consecutive blocks deleted together (lesion --span), or with
// --intervention reversed, shuffled, run in parallel or repeated (singleDeletions).
Outcome lesion(Context &context, const QString &modelPath, const QStringList &comparePaths, int64_t images, int span = 1,
               SpanIntervention intervention = SpanIntervention::Delete);
// All of one model's single deletions on the session's images, whatever the shard (with `span`,
// every run of that many blocks deleted).
LesionResult singleDeletionResult(Session &session, int span = 1);
// Block influence and angular distance of every run of `span` blocks against the accuracy its
// deletion costs, with Spearman's rho (core/predictors.h).
// `images` > 0: on the first that many test images (report), else on --limit or all of them.
Outcome predictors(Context &context, const QString &modelPath, int span, int64_t images = -1);
// delete-k (Fig. 5a) and reorder (Fig. 5b), also split by whether a sample touched a critical
// block: `critical` from the report's lesion study, or, when not given, measured here on the same
// images (in a sharded run by the shard that owns the baseline; merge takes its list).
// `kind`: delete only units of that kind (delete-k --kind; report for each kind of a transformer).
Outcome sweep(Context &context, const QString &modelPath, bool reorder, const Limits &limits, int maxK,
              const std::optional<std::vector<int>> &critical = std::nullopt, const std::string &kind = {});
// Fig. 6a and 7.
Outcome paths(Context &context, const QString &modelPath, std::vector<int> counts);
// Fig. 6b and 6c.
Outcome gradients(Context &context, const QString &modelPath, const Limits &limits);

// report's index.html: the key numbers beside the paper's, and the figures. `outcomes` are
// lesion, delete-k, reorder, paths and gradients, in that order, and for a network with units of
// several kinds delete-k of each kind, the span deletion and the predictors.
QString reportPage(const QString &modelPath, const std::vector<Outcome> &outcomes, bool quick, double seconds);

} // namespace pathlens::cli
