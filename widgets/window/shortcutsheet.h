#pragma once

#include <QString>

class QMainWindow;

namespace pathlens {

// F1: every shortcut of `window` as an HTML table, read from its actions (menus included), after
// the mouse and block-strip keys that are no actions.
QString shortcutSheet(const QMainWindow &window);

} // namespace pathlens
