// uegr-bench-live-plot: how long the training page's plot takes to append a batch of points and
// redraw when every series already holds 100 000+ points (the "stays smooth" target:
// a redraw well under the 40 ms coalescing interval, so the GUI keeps up with telemetry).
// Runs offscreen: QT_QPA_PLATFORM=offscreen build/bin/uegr-bench-live-plot [points] [series]
#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "live_plot.h"

namespace {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const int points = argc > 1 ? std::max(1000, std::atoi(argv[1])) : 200000;
    const int seriesCount = argc > 2 ? std::max(1, std::atoi(argv[2])) : 8;
    constexpr int kBatch = 40;  // points per series arriving in one 40 ms coalescing window
    constexpr int kRedraws = 25;

    uegr::studio::LivePlot plot(QStringLiteral("step"), QStringLiteral("loss"));
    plot.resize(1200, 700);
    for (int s = 0; s < seriesCount; ++s) {
        const int series = plot.addSeries(QStringLiteral("series %1").arg(s), QColor::fromHsv(s * 40 % 360, 200, 200));
        if (s % 2 == 0) plot.addBackgroundSeries(series);
    }
    const auto value = [](int s, int i) { return 1.0 + std::sin(i * 0.001 + s) * std::exp(-i * 1e-5) + 0.1 * std::sin(i * 0.7); };
    for (int s = 0; s < plot.seriesCount(); ++s)
        for (int i = 0; i < points; ++i) plot.addPoint(s, i, value(s, i));
    plot.replot(QCustomPlot::rpImmediateRefresh);  // first layout and axis ranges

    std::vector<double> redrawMs;
    int next = points;
    for (int r = 0; r < kRedraws; ++r) {
        QElapsedTimer timer;
        timer.start();
        for (int s = 0; s < plot.seriesCount(); ++s)
            for (int i = 0; i < kBatch; ++i) plot.addPoint(s, next + i, value(s, next + i));
        next += kBatch;
        plot.rescaleAxes();
        plot.replot(QCustomPlot::rpImmediateRefresh);  // what the queued replot does when it fires
        redrawMs.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::printf("%d graphs x %d points (1200x700 px, raster): append %d points per graph + rescale + replot: "
                "median %.1f ms, max %.1f ms over %d redraws\n",
                plot.seriesCount(), next, kBatch, median(redrawMs), *std::max_element(redrawMs.begin(), redrawMs.end()),
                kRedraws);
    return 0;
}
