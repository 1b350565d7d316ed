// The confusion matrix view and the per-class panel, driven with the mouse and keyboard on
// confusion matrices whose colours, shares and scores are worked out by hand below.
#include <QComboBox>
#include <QHelpEvent>
#include <QLabel>
#include <QTableWidget>
#include <QToolTip>
#include <QtTest/QtTest>

#include "class_report_panel.h"
#include "confusion_matrix_view.h"

using namespace uegr;
using namespace uegr::studio;

namespace {

// Rows true, columns predicted. Column sums (predictions): 5, 3, 0; row sums (support): 4, 4, 0.
// neg: precision 3/5, recall 3/4, F1 6/9; pos: precision 2/3, recall 2/4, F1 4/7; odd: all 0.
LabelledConfusion devConfusion() {
    LabelledConfusion confusion;
    confusion.labels = {"neg", "pos", "odd"};
    confusion.matrix.counts = {{3, 1, 0}, {2, 2, 0}, {0, 0, 0}};
    return confusion;
}

LabelledConfusion testConfusion() {
    LabelledConfusion confusion;
    confusion.labels = {"neg", "pos"};
    confusion.matrix.counts = {{1, 0}, {0, 5}};
    return confusion;
}

QStringList rowTexts(const QTableWidget& table, int row) {
    QStringList texts;
    for (int column = 0; column < table.columnCount(); ++column) texts << table.item(row, column)->text();
    return texts;
}

}  // namespace

class TestEvaluation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matrixColoursCellsByRowShare() {
        ConfusionMatrixView view;
        view.setConfusion(devConfusion());
        view.resize(420, 320);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.rowShare(0, 0), 0.75);
        QCOMPARE(view.rowShare(1, 1), 0.5);
        QCOMPARE(view.rowShare(2, 2), 0.0);  // a row without examples
        // White (255, 255, 255) to (31, 119, 180) by share: 0.75 gives 255 - 0.75·224 = 87,
        // 255 - 0.75·136 = 153, 255 - 0.75·75 = 198.75 → 199.
        QCOMPARE(view.cellColour(0, 0), QColor(87, 153, 199));
        QCOMPARE(view.cellColour(0, 2), QColor(255, 255, 255));
        QCOMPARE(view.cellColour(2, 0), QColor(255, 255, 255));

        const QImage image = view.grab().toImage();
        const qreal ratio = image.devicePixelRatio();
        const QPoint corner = view.cellRect(0, 0).topLeft() + QPoint(3, 3);  // inside, off the count
        QCOMPARE(image.pixelColor(corner * ratio), QColor(87, 153, 199));
        QCOMPARE(image.pixelColor((view.cellRect(1, 1).topLeft() + QPoint(3, 3)) * ratio),
                 QColor(143, 187, 218));
    }

    void hoverShowsCountAndShare() {
        ConfusionMatrixView view;
        view.setConfusion(devConfusion());
        view.resize(420, 320);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QPoint cell = view.cellRect(1, 0).center();
        QTest::mouseMove(&view, cell);
        QHelpEvent hover(QEvent::ToolTip, cell, view.mapToGlobal(cell));
        QApplication::sendEvent(&view, &hover);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(),
                 QStringLiteral("True: pos\nPredicted: neg\nCount: 2\nShare of true pos: 50.0 %"));
        QVERIFY(!view.cellAt(QPoint(1, 1)).has_value());  // the axis labels, no cell
        const auto under = view.cellAt(view.cellRect(2, 1).center());
        QVERIFY(under.has_value());
        QCOMPARE(*under, std::make_pair(2, 1));
    }

    void panelListsScoresAndSwitchesEvaluations() {
        ClassReportPanel panel;
        panel.setReports({{QStringLiteral("Dev"), devConfusion()},
                          {QStringLiteral("Nothing recorded"), LabelledConfusion{}},
                          {QStringLiteral("Test"), testConfusion()}},
                         QStringLiteral("none"));
        panel.resize(800, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QComboBox* chooser = panel.reportChooser();
        QCOMPARE(chooser->count(), 2);  // the empty one is left out
        QCOMPARE(chooser->itemText(1), QStringLiteral("Test"));

        const QTableWidget& scores = *panel.scoresTable();
        QCOMPARE(scores.rowCount(), 3);
        QCOMPARE(rowTexts(scores, 0), QStringList({"neg", "0.600", "0.750", "0.667", "4"}));
        QCOMPARE(rowTexts(scores, 1), QStringList({"pos", "0.667", "0.500", "0.571", "4"}));
        QCOMPARE(rowTexts(scores, 2), QStringList({"odd", "0.000", "0.000", "0.000", "0"}));

        // Clicking a cell selects its true label's row.
        ConfusionMatrixView* matrix = panel.matrixView();
        QTest::mouseClick(matrix, Qt::LeftButton, Qt::NoModifier, matrix->cellRect(1, 0).center());
        QCOMPARE(scores.selectionModel()->selectedRows().size(), 1);
        QCOMPARE(scores.selectionModel()->selectedRows().front().row(), 1);

        chooser->setFocus();
        QTest::keyClick(chooser, Qt::Key_Down);
        QCOMPARE(chooser->currentIndex(), 1);
        QCOMPARE(matrix->confusion().matrix.counts, testConfusion().matrix.counts);
        QCOMPARE(scores.rowCount(), 2);
        QCOMPARE(rowTexts(scores, 1), QStringList({"pos", "1.000", "1.000", "1.000", "5"}));

        panel.setReports({}, QStringLiteral("No evaluation yet."));
        auto* empty = panel.findChild<QLabel*>(QStringLiteral("classReportEmpty"));
        QVERIFY(empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("No evaluation yet."));
        QVERIFY(!matrix->isVisible());
        QVERIFY(!panel.hasReport());
    }
};

QTEST_MAIN(TestEvaluation)
#include "test_evaluation.moc"
