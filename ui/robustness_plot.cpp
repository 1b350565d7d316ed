#include "robustness_plot.h"

#include "live_plot.h"
#include "series_colours.h"

namespace uegr::studio {

int plotAccuracyVersusEpsilon(LivePlot& plot, const std::vector<RunAttackResult>& results) {
    plot.clearSeries();
    int curves = 0;
    bool relative = true;
    QString norm;
    for (const RunAttackResult& result : results) {
        if (result.attack != QStringLiteral("pgd") || result.perEpsilon.empty()) continue;
        QVector<double> keys{0.0}, values{result.numbers.cleanAccuracy};
        for (const EpsilonNumbers& point : result.perEpsilon) {
            keys << point.epsilon;
            values << point.numbers.accuracyUnderAttack;
        }
        const int series = plot.addSeries(result.runName, seriesColour(curves));
        // Distinct markers keep runs with equal accuracies apart where their curves overlap.
        static const QCPScatterStyle::ScatterShape kShapes[] = {
            QCPScatterStyle::ssCircle,  QCPScatterStyle::ssSquare, QCPScatterStyle::ssTriangle,
            QCPScatterStyle::ssDiamond, QCPScatterStyle::ssCross,  QCPScatterStyle::ssPlus};
        plot.graph(series)->setScatterStyle(QCPScatterStyle(kShapes[curves % 6], 7));
        plot.setSeries(series, keys, values);
        relative = result.relativeEpsilon;
        norm = result.norm == QStringLiteral("linf") ? QStringLiteral("L∞") : QStringLiteral("L2");
        ++curves;
    }
    if (curves > 0)
        plot.xAxis->setLabel(relative ? LivePlot::tr("ε (%1, relative to the embedding norm)").arg(norm)
                                      : LivePlot::tr("ε (%1)").arg(norm));
    plot.rescaleAxes(true);
    plot.xAxis->scaleRange(1.1, plot.xAxis->range().center());
    plot.yAxis->setRange(0, 1.05);
    plot.replot();
    return curves;
}

}  // namespace uegr::studio
