// uegr_render_icon SVG SIZE PNG: renders the SVG icon to a SIZE x SIZE PNG with Qt's own SVG
// image plug-in, so the fixed-size hicolor icons need no build dependency beyond Qt.
#include <QCoreApplication>
#include <QImage>
#include <QImageReader>
#include <QSaveFile>

#include <cstdio>

namespace {

int fail(const QString& message) {
    std::fprintf(stderr, "uegr_render_icon: %s\n", qPrintable(message));
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 4) return fail(QStringLiteral("usage: uegr_render_icon SVG SIZE PNG"));
    const QString& svgPath = arguments[1];
    const QString& pngPath = arguments[3];
    bool validSize = false;
    const int size = arguments[2].toInt(&validSize);
    if (!validSize || size <= 0)
        return fail(QStringLiteral("SIZE must be a positive integer: ") + arguments[2]);

    QImageReader reader(svgPath, "svg");
    // Rendered at the target size rather than scaled from a bitmap, so small icons stay sharp.
    reader.setScaledSize(QSize(size, size));
    const QImage image = reader.read().convertToFormat(QImage::Format_ARGB32);
    if (image.isNull()) return fail(svgPath + QStringLiteral(": ") + reader.errorString());

    QSaveFile file(pngPath);  // atomic: a failed build never leaves a truncated icon behind
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return fail(pngPath + QStringLiteral(": ") + file.errorString());
    return 0;
}
