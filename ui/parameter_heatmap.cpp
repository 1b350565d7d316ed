#include "parameter_heatmap.h"

#include <QCheckBox>
#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "qcustomplot_include.h"

namespace uegr::studio {
namespace {

constexpr double kTileWidth = 0.9;   // of a unit column
constexpr double kTileHeight = 0.7;  // of a unit row; the rest holds the tensor's name
constexpr double kTileTop = 0.05;

QString shortName(const SaliencyTensorMap& map) {
    const QString name = QString::fromStdString(map.tensor);
    const QString prefix = QString::fromStdString(map.layer) + QLatin1Char('.');
    return name.startsWith(prefix) ? name.mid(prefix.size()) : name;
}

QString shapeText(const std::vector<std::int64_t>& shape) {
    QStringList sizes;
    for (const std::int64_t size : shape) sizes << QString::number(size);
    return QStringLiteral("[%1]").arg(sizes.join(QStringLiteral(" × ")));
}

// Rows and columns of the tensor viewed as a matrix, as downsampleSaliency does.
std::pair<std::int64_t, std::int64_t> fullMatrixSize(const SaliencyTensorMap& map) {
    std::int64_t elements = 1;
    for (const std::int64_t size : map.shape) elements *= size;
    const std::int64_t rows = map.shape.size() >= 2 ? map.shape[0] : 1;
    return {rows, std::max<std::int64_t>(elements / std::max<std::int64_t>(rows, 1), 1)};
}

// Element range [begin, end) that cell `index` of `cells` averages over (adaptive pooling).
std::pair<std::int64_t, std::int64_t> cellSpan(int index, int cells, std::int64_t full) {
    const std::int64_t begin = index * full / cells;
    const std::int64_t end = ((index + 1) * full + cells - 1) / cells;
    return {begin, end};
}

QString spanText(std::pair<std::int64_t, std::int64_t> span) {
    return span.second - span.first <= 1 ? QString::number(span.first)
                                         : QStringLiteral("%1–%2").arg(span.first).arg(span.second - 1);
}

// Fills `colourMap` so that its cells tile the rectangle exactly. QCPColorMapData places its
// range at cell centres and draws nothing useful for a dimension of one cell, so such a
// dimension is stored as two equal cells. Each value is multiplied by `scale` before it is
// floored at `floor`.
void fillColourMap(QCPColorMap* colourMap, const SaliencyTensorMap& map, double left, double top,
                   double width, double height, double scale, double floor) {
    const int keys = std::max(map.cols, 2);
    const int values = std::max(map.rows, 2);
    const double cellWidth = width / keys;
    const double cellHeight = height / values;
    QCPColorMapData* data = colourMap->data();
    data->setSize(keys, values);
    data->setRange(QCPRange(left + cellWidth / 2, left + width - cellWidth / 2),
                   QCPRange(top + cellHeight / 2, top + height - cellHeight / 2));
    for (int key = 0; key < keys; ++key) {
        for (int value = 0; value < values; ++value) {
            const int col = key * map.cols / keys;
            const int row = value * map.rows / values;
            const double cell = map.values[static_cast<std::size_t>(row * map.cols + col)];
            data->setCell(key, value, std::max(cell * scale, floor));
        }
    }
}

// Colour range over `maps`: [0, max] linear; [smallest positive, max] logarithmic.
QCPRange valueRange(const std::vector<const SaliencyTensorMap*>& maps, bool logScale) {
    double smallest = std::numeric_limits<double>::infinity();
    double largest = 0;
    for (const SaliencyTensorMap* map : maps) {
        for (const float value : map->values) {
            largest = std::max(largest, static_cast<double>(value));
            if (value > 0) smallest = std::min(smallest, static_cast<double>(value));
        }
    }
    if (!(largest > 0)) return logScale ? QCPRange(1e-12, 1) : QCPRange(0, 1);
    if (!logScale) return QCPRange(0, largest);
    return smallest < largest ? QCPRange(smallest, largest) : QCPRange(largest / 10, largest);
}

bool hasPositiveValue(const SaliencyTensorMap& map) {
    return std::any_of(map.values.begin(), map.values.end(), [](float value) { return value > 0; });
}

void setUpColourScale(QCPColorScale* scale, const QCPRange& range, bool logScale, bool perTensor) {
    scale->setGradient(QCPColorGradient::gpThermal);
    scale->setDataScaleType(logScale ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logScale)
        scale->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        scale->axis()->setTicker(QSharedPointer<QCPAxisTicker>::create());
    scale->setDataRange(range);
    scale->axis()->setLabel(perTensor ? ParameterHeatmap::tr("|θ ⊙ g| / tensor maximum")
                                      : ParameterHeatmap::tr("|θ ⊙ g|"));
}

}  // namespace

ParameterHeatmap::ParameterHeatmap(QWidget* parent)
    : QWidget(parent),
      plot_(new QCustomPlot(this)),
      colourScale_(new QCPColorScale(plot_)),
      logScale_(new QCheckBox(tr("Logarithmic colour scale"), this)),
      perTensor_(new QCheckBox(tr("Scale each tensor to its maximum"), this)),
      caption_(new QLabel(this)) {
    plot_->setObjectName(QStringLiteral("heatmapPlot"));
    plot_->setMouseTracking(true);
    plot_->plotLayout()->addElement(0, 1, colourScale_);
    auto* margins = new QCPMarginGroup(plot_);
    plot_->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    colourScale_->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    plot_->xAxis->setTicks(false);
    plot_->xAxis->setTickLabels(false);
    plot_->xAxis->grid()->setVisible(false);
    plot_->yAxis->grid()->setVisible(false);
    plot_->yAxis->setRangeReversed(true);
    plot_->yAxis->setSubTicks(false);
    plot_->yAxis->setTickLength(0, 0);
    logScale_->setObjectName(QStringLiteral("logScale"));
    logScale_->setToolTip(tr("Saliency spans orders of magnitude; a log scale shows the small values too."));
    perTensor_->setObjectName(QStringLiteral("perTensorScale"));
    perTensor_->setToolTip(
        tr("Saliency differs by orders of magnitude between tensors; scaled each to its own maximum, "
           "every tensor shows its pattern. Hover values stay absolute."));
    perTensor_->setChecked(true);
    caption_->setObjectName(QStringLiteral("heatmapCaption"));
    caption_->setWordWrap(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(caption_, 1);
    bar->addWidget(perTensor_);
    bar->addWidget(logScale_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(plot_, 1);

    connect(logScale_, &QCheckBox::toggled, this, &ParameterHeatmap::applyScale);
    connect(perTensor_, &QCheckBox::toggled, this, &ParameterHeatmap::applyScale);
    connect(plot_, &QCustomPlot::mouseMove, this, &ParameterHeatmap::hover);
    connect(plot_, &QCustomPlot::mousePress, this, &ParameterHeatmap::press);
    clear();
}

void ParameterHeatmap::setSnapshot(const SaliencySnapshot& snapshot, const QString& origin) {
    snapshot_ = snapshot;
    origin_ = origin;
    rebuild();
}

void ParameterHeatmap::clear() {
    setSnapshot({}, {});
}

void ParameterHeatmap::setLogScale(bool logScale) {
    logScale_->setChecked(logScale);
}

bool ParameterHeatmap::logScale() const {
    return logScale_->isChecked();
}

void ParameterHeatmap::setPerTensorScale(bool perTensor) {
    perTensor_->setChecked(perTensor);
}

bool ParameterHeatmap::perTensorScale() const {
    return perTensor_->isChecked();
}

QString ParameterHeatmap::caption() const {
    return caption_->text();
}

void ParameterHeatmap::rebuild() {
    plot_->clearPlottables();
    plot_->clearItems();
    maps_.clear();
    tiles_.clear();

    QStringList layers;
    QVector<int> tilesInLayer;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (const SaliencyTensorMap& map : snapshot_.tensors) {
        const QString layer = QString::fromStdString(map.layer);
        int row = static_cast<int>(layers.indexOf(layer));
        if (row < 0) {
            row = static_cast<int>(layers.size());
            layers << layer;
            tilesInLayer << 0;
            ticker->addTick(row + kTileTop + kTileHeight / 2, layer);
        }
        const int column = tilesInLayer[row]++;
        tiles_.push_back({column + (1 - kTileWidth) / 2, row + kTileTop, kTileWidth, kTileHeight});
        auto* colourMap = new QCPColorMap(plot_->xAxis, plot_->yAxis);
        colourMap->setInterpolate(false);
        colourMap->setColorScale(colourScale_);
        maps_.push_back(colourMap);
        auto* label = new QCPItemText(plot_);
        label->position->setCoords(tiles_.back().left + kTileWidth / 2, row + kTileTop + kTileHeight + 0.04);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
        label->setText(shortName(map));
        label->setClipToAxisRect(true);
    }
    const int columns =
        tilesInLayer.isEmpty() ? 1 : *std::max_element(tilesInLayer.begin(), tilesInLayer.end());
    plot_->xAxis->setRange(0, columns);
    plot_->yAxis->setRange(0, std::max<qsizetype>(layers.size(), 1));
    plot_->yAxis->setTicker(ticker);
    plot_->setMinimumHeight(static_cast<int>(std::max<qsizetype>(layers.size(), 2) * 70 + 40));

    if (snapshot_.tensors.empty())
        caption_->setText(
            tr("No saliency snapshot yet: request one from the live run or compute one from the model."));
    else
        caption_->setText(tr("%1: %2 tensors in %3 layers. Hover for values, click a tile to enlarge it.")
                              .arg(origin_)
                              .arg(snapshot_.tensors.size())
                              .arg(layers.size()));
    applyScale();
}

// Shared: one range over all tensors. Per tensor: each tensor divided by its own maximum, so the
// range is [0, 1] (linear) or [smallest positive ratio of any tensor, 1] (logarithmic).
void ParameterHeatmap::applyScale() {
    const bool log = logScale();
    const bool perTensor = perTensorScale();
    std::vector<const SaliencyTensorMap*> all;
    for (const SaliencyTensorMap& map : snapshot_.tensors) all.push_back(&map);
    QCPRange range = valueRange(all, log);
    std::vector<double> scales(all.size(), 1.0);
    if (perTensor) {
        range = QCPRange(log ? 1.0 : 0.0, 1.0);
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (!hasPositiveValue(*all[i])) continue;  // all zero: drawn at the floor
            const QCPRange own = valueRange({all[i]}, log);
            scales[i] = 1.0 / own.upper;
            if (log) range.lower = std::min(range.lower, own.lower / own.upper);
        }
    }
    const double floor = log ? range.lower : -std::numeric_limits<double>::infinity();
    for (int i = 0; i < maps_.size(); ++i) {
        const TileRect& tile = tiles_[i];
        fillColourMap(maps_[i], *all[static_cast<std::size_t>(i)], tile.left, tile.top, tile.width,
                      tile.height, scales[static_cast<std::size_t>(i)], floor);
    }
    setUpColourScale(colourScale_, range, log, perTensor);
    plot_->replot();
}

ParameterHeatmap::Hit ParameterHeatmap::hitAt(const QPoint& plotPosition) const {
    Hit hit;
    if (!plot_->axisRect()->rect().contains(plotPosition)) return hit;
    const double x = plot_->xAxis->pixelToCoord(plotPosition.x());
    const double y = plot_->yAxis->pixelToCoord(plotPosition.y());
    for (int i = 0; i < tiles_.size(); ++i) {
        const TileRect& tile = tiles_[i];
        if (x < tile.left || x >= tile.left + tile.width || y < tile.top || y >= tile.top + tile.height)
            continue;
        const SaliencyTensorMap& map = snapshot_.tensors[static_cast<std::size_t>(i)];
        if (map.rows == 0 || map.cols == 0) return hit;
        hit.tile = i;
        hit.col = std::clamp(static_cast<int>((x - tile.left) / tile.width * map.cols), 0, map.cols - 1);
        hit.row = std::clamp(static_cast<int>((y - tile.top) / tile.height * map.rows), 0, map.rows - 1);
        return hit;
    }
    return hit;
}

QRect ParameterHeatmap::tileRect(int tile) const {
    const TileRect& rect = tiles_.at(tile);
    const QPointF topLeft(plot_->xAxis->coordToPixel(rect.left), plot_->yAxis->coordToPixel(rect.top));
    const QPointF bottomRight(plot_->xAxis->coordToPixel(rect.left + rect.width),
                              plot_->yAxis->coordToPixel(rect.top + rect.height));
    return QRectF(topLeft, bottomRight).normalized().toAlignedRect();
}

QString ParameterHeatmap::describe(const Hit& hit) const {
    if (hit.tile < 0) return {};
    const SaliencyTensorMap& map = snapshot_.tensors[static_cast<std::size_t>(hit.tile)];
    const auto cell = static_cast<std::size_t>(hit.row * map.cols + hit.col);
    const auto [fullRows, fullCols] = fullMatrixSize(map);
    return tr("Layer: %1\nTensor: %2 %3\nCell: row %4, column %5 of %6 × %7 (elements %8 × %9)\n"
              "Mean |θ ⊙ g|: %10\nKept fraction: %11")
        .arg(QString::fromStdString(map.layer), QString::fromStdString(map.tensor), shapeText(map.shape))
        .arg(hit.row)
        .arg(hit.col)
        .arg(map.rows)
        .arg(map.cols)
        .arg(spanText(cellSpan(hit.row, map.rows, fullRows)), spanText(cellSpan(hit.col, map.cols, fullCols)))
        .arg(map.values[cell], 0, 'g', 4)
        .arg(cell < map.keptFraction.size() ? map.keptFraction[cell] : 1.0f, 0, 'f', 3);
}

void ParameterHeatmap::hover(QMouseEvent* event) {
    const QString text = describe(hitAt(event->position().toPoint()));
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot_);
}

void ParameterHeatmap::press(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    const Hit hit = hitAt(event->position().toPoint());
    if (hit.tile < 0) return;
    Q_EMIT tileClicked(hit.tile);
    openTile(hit.tile);
}

QDialog* ParameterHeatmap::openTile(int tile) {
    const SaliencyTensorMap& map = snapshot_.tensors.at(static_cast<std::size_t>(tile));
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("tensorDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(
        QStringLiteral("%1 %2").arg(QString::fromStdString(map.tensor), shapeText(map.shape)));
    auto* plot = new QCustomPlot(dialog);
    auto* scale = new QCPColorScale(plot);
    plot->plotLayout()->addElement(0, 1, scale);
    auto* colourMap = new QCPColorMap(plot->xAxis, plot->yAxis);
    colourMap->setInterpolate(false);
    colourMap->setColorScale(scale);
    const bool log = logScale();
    const QCPRange range = valueRange({&map}, log);
    fillColourMap(colourMap, map, 0, 0, std::max(map.cols, 1), std::max(map.rows, 1), 1.0,
                  log ? range.lower : -std::numeric_limits<double>::infinity());
    setUpColourScale(scale, range, log, false);
    plot->xAxis->setRange(0, std::max(map.cols, 1));
    plot->yAxis->setRange(0, std::max(map.rows, 1));
    plot->yAxis->setRangeReversed(true);
    const auto [fullRows, fullCols] = fullMatrixSize(map);
    plot->xAxis->setLabel(tr("column block (%1 columns each)")
                              .arg(static_cast<double>(fullCols) / std::max(map.cols, 1), 0, 'g', 3));
    plot->yAxis->setLabel(
        tr("row block (%1 rows each)").arg(static_cast<double>(fullRows) / std::max(map.rows, 1), 0, 'g', 3));
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(new QLabel(
        tr("Layer %1; colour range of this tensor alone.").arg(QString::fromStdString(map.layer)), dialog));
    layout->addWidget(plot, 1);
    dialog->resize(720, 560);
    plot->replot();
    dialog->open();
    return dialog;
}

}  // namespace uegr::studio
