// eval: the accuracy of one arrangement (--delete, --order).

#include "commands.h"

#include "error.h"

namespace pathlens::cli {

int evaluate(Context &context, const QString &modelPath)
{
    Session session = context.open(modelPath);
    const Arrangement arrangement = context.arrangementFromFlags(session.network->blockCount());
    if (const auto why = whyInvalid(session.engine->info(), arrangement))
        throw Error("cannot evaluate this arrangement: " + *why);
    const EvalResult result = session.engine->evaluate(
        {arrangement}, 0, -1, [](const EvalProgress &p) { showProgress("eval", p); }, &interrupted());
    session.showNewNotices();
    stopIfInterrupted(result.cancelled);
    if (context.json()) {
        out() << QString::fromStdString(json::compact(
                     Json{{"images", result.images}, {"accuracy", result.accuracy[0]}, {"seconds", result.seconds}}))
              << "\n";
    } else {
        out() << QStringLiteral("accuracy %1 (%2 of %3 images) in %4 s on %5; %6\n")
                     .arg(result.accuracy[0], 0, 'f', 4)
                     .arg(result.correct[0])
                     .arg(result.images)
                     .arg(result.seconds, 0, 'f', 2)
                     .arg(QString::fromStdString(session.engine->deviceName()))
                     .arg(QString::fromStdString(describe(arrangement)));
    }
    return 0;
}

} // namespace pathlens::cli
