#pragma once

#include "arrangement.h"
#include "network.h"

#include <QTransform>
#include <QWidget>

#include <optional>

#include <vector>

class QComboBox;
class QGraphicsScene;
class QGraphicsView;
class QSpinBox;

namespace pathlens {

// The unraveled view of the network (DESIGN.md section 4), redrawn after every edit:
// - Unraveled: the 2^w paths through a window of w <= 6 consecutive slots, one row per path, as
//   in the paper's Figure 1; a deleted block is grey and the paths through it are gone.
// - Lattice: the whole network folded by length, node (i, k) = k residual branches taken after
//   i slots; edge width by the number of paths along it, colour by path length; hover for counts.
// Wheel zooms, dragging pans, Fit shows the whole scene; export writes the whole scene.
class PathGraph final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PathGraph)

public:
    enum class Mode { Unraveled, Lattice };

    explicit PathGraph(QWidget *parent = nullptr);

    void setNetwork(const NetworkInfo &info);
    void setArrangement(const Arrangement &arrangement);
    void setMode(Mode mode);
    void setWindow(int firstSlot, int size);
    int windowFirst() const; // the unraveled window's first slot and size
    int windowSize() const;
    // Gradient magnitude per path of each length 0..n for the current arrangement (Gradients tab);
    // the lattice can then draw edge widths by gradient mass. Empty: not measured.
    void setGradientMagnitudes(const std::vector<double> &perLength);
    void setWidthByGradient(bool on);
    bool widthByGradient() const; // asked for, and the magnitudes fit the current arrangement
    QString modeName() const;                 // "unraveled" or "lattice", for sessions
    void setModeName(const QString &name);    // unknown names leave the mode as it is

    QGraphicsScene *scene() const { return m_scene; }
    QGraphicsView *view() const { return m_view; }
    int drawnPaths() const { return m_drawnPaths; } // Unraveled: rows drawn (paths that survive)

    // The whole scene as PDF, SVG or PNG (by suffix), written atomically. Throws Error.
    void exportTo(const QString &path) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    int groupStartInWindow(int first, int j) const;
    void redraw();
    void drawUnraveled();
    void drawLattice();
    void fit();

    NetworkInfo m_info;
    Arrangement m_arrangement;
    Mode m_mode = Mode::Unraveled;
    int m_drawnPaths = 0;
    std::vector<double> m_gradient;
    QComboBox *m_modeBox = nullptr;
    QComboBox *m_widthBox = nullptr;
    QSpinBox *m_first = nullptr;
    QSpinBox *m_size = nullptr;
    QGraphicsScene *m_scene = nullptr;
    QGraphicsView *m_view = nullptr;
    std::optional<QTransform> m_zoom[2]; // the user's zoom of the unraveled view and of the lattice
};

} // namespace pathlens
