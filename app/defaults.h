#pragma once

#include "engine.h"

#include <QString>

class QCommandLineOption;
class QCommandLineParser;

namespace pathlens {

// The bundled default model: next to the installed executable (../share/pathlens/models) or,
// when running from the build tree, in the source tree's resources/models.
QString defaultModelPath();

// --precision fp32|tf32|bf16 of the commands that evaluate (eval, lesion, delete-k, reorder,
// gradients, report): kept here so that each command's file adds it with one line.
QCommandLineOption precisionOption();
// The precision named by --precision, fp32 when not given; throws Error for any other name.
Precision precisionFromOptions(const QCommandLineParser &parser);

} // namespace pathlens
