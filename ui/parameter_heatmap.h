#pragma once
// The Saliency page's parameter heatmap: one tile per parameter tensor of a SaliencySnapshot,
// layers as rows and each layer's tensors side by side. Each tile is a QCPColorMap of the
// tensor's downsampled |θ ⊙ g| map; by default each tensor is scaled to its own maximum (the
// head's saliency would otherwise make every other tensor black), or all share one scale; linear
// or logarithmic.
// Hovering shows layer, tensor, cell, value and kept fraction; clicking a tile opens that tensor
// large in a dialog.
#include <QString>
#include <QVector>
#include <QWidget>

#include "train/telemetry.h"

class QCheckBox;
class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QDialog;
class QLabel;
class QMouseEvent;

namespace uegr::studio {

class ParameterHeatmap : public QWidget {
    Q_OBJECT
public:
    explicit ParameterHeatmap(QWidget* parent = nullptr);

    void setSnapshot(const SaliencySnapshot& snapshot, const QString& origin);
    void clear();
    void setLogScale(bool logScale);
    bool logScale() const;
    void setPerTensorScale(bool perTensor);
    bool perTensorScale() const;

    int tileCount() const { return static_cast<int>(snapshot_.tensors.size()); }
    const SaliencySnapshot& snapshot() const { return snapshot_; }
    QCustomPlot* plot() const { return plot_; }
    QString caption() const;

    struct Hit {
        int tile = -1;           // index into snapshot().tensors; -1: no tile there
        int row = -1, col = -1;  // cell of the downsampled map
    };
    Hit hitAt(const QPoint& plotPosition) const;
    QRect tileRect(int tile) const;          // in plot widget coordinates
    QString describe(const Hit& hit) const;  // the hover text; empty for no tile

    QDialog* openTile(int tile);  // the tensor large, in a non-modal dialog

Q_SIGNALS:
    void tileClicked(int tile);

private:
    struct TileRect {
        double left = 0, top = 0, width = 0, height = 0;
    };
    void rebuild();
    void applyScale();
    void hover(QMouseEvent* event);
    void press(QMouseEvent* event);

    SaliencySnapshot snapshot_;
    QString origin_;
    QVector<TileRect> tiles_;
    QVector<QCPColorMap*> maps_;
    QCustomPlot* plot_;
    QCPColorScale* colourScale_;
    QCheckBox* logScale_;
    QCheckBox* perTensor_;
    QLabel* caption_;
};

}  // namespace uegr::studio
