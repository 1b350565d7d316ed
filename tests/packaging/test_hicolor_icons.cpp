// The hicolor PNG icons rendered at build time from resources/icons/uegr-studio.svg: one per
// size, exactly that size, and a rendering of the icon (not a blank or a scaled bitmap): the
// corner outside the rounded square is transparent, the square is #2b5797 and the dot #ffffff.
#include <QColor>
#include <QImage>
#include <QImageReader>
#include <QtTest/QtTest>

namespace {

// A pixel of the SVG's 64 x 64 view box, at a given icon size.
QColor pixelAt(const QImage& icon, double svgX, double svgY) {
    const double scale = icon.width() / 64.0;
    return icon.pixelColor(static_cast<int>(svgX * scale), static_cast<int>(svgY * scale));
}

bool near(const QColor& actual, const QColor& expected) {
    const int tolerance = 2;
    return actual.alpha() == 255 && qAbs(actual.red() - expected.red()) <= tolerance &&
           qAbs(actual.green() - expected.green()) <= tolerance &&
           qAbs(actual.blue() - expected.blue()) <= tolerance;
}

}  // namespace

class TestHicolorIcons : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void renderedAtEachSize_data() {
        QTest::addColumn<int>("size");
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256}) QTest::addRow("%dx%d", size, size) << size;
    }

    void renderedAtEachSize() {
        QFETCH(int, size);
        const QString path =
            QStringLiteral(UEGR_HICOLOR_DIR "/%1x%1/apps/io.github.uegr.studio.png").arg(size);
        QImageReader reader(path);
        QCOMPARE(reader.format(), QByteArray("png"));
        const QImage icon = reader.read();
        QVERIFY2(!icon.isNull(), qPrintable(path + QStringLiteral(": ") + reader.errorString()));
        QCOMPARE(icon.size(), QSize(size, size));
        QVERIFY(icon.hasAlphaChannel());

        QCOMPARE(icon.pixelColor(0, 0).alpha(), 0);
        const QColor square = pixelAt(icon, 12, 20);  // inside the square, 10 units from the line
        QVERIFY2(near(square, QColor(0x2b, 0x57, 0x97)), qPrintable(square.name(QColor::HexArgb)));
        // The dot (r = 4 at 42, 20) covers a whole pixel only from 32 px up.
        if (size >= 32) {
            const QColor dot = pixelAt(icon, 42, 20);
            QVERIFY2(near(dot, Qt::white), qPrintable(dot.name(QColor::HexArgb)));
        }
    }
};

QTEST_GUILESS_MAIN(TestHicolorIcons)
#include "test_hicolor_icons.moc"
