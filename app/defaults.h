#pragma once

#include <QString>

namespace pathlens {

// The bundled default model: next to the installed executable (../share/pathlens/models) or,
// when running from the build tree, in the source tree's resources/models.
QString defaultModelPath();

} // namespace pathlens
