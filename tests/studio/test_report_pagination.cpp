// The PDF report's pages: a heading is never the last thing on a page when the block after it
// (a figure, a table) starts on the next one.
#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QImage>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QtTest/QtTest>

#include "report_pagination.h"

using uegr::studio::pageOfBlock;
using uegr::studio::paginateReport;
using uegr::studio::printReport;

namespace {

// `fillers` paragraphs, then a heading and its figure (blocks fillers and fillers + 1).
QString reportWithFigureAfter(int fillers) {
    QString html;
    for (int i = 0; i < fillers; ++i) html += QStringLiteral("<p>Paragraph %1 of the report.</p>").arg(i);
    return html + QStringLiteral("<h3>Loss</h3><p><img src=\"figure.png\" width=\"600\"></p><p>After.</p>");
}

struct Report {
    QBuffer pdf;
    QPdfWriter writer{&pdf};
    QTextDocument document;

    explicit Report(int fillers) {
        pdf.open(QIODevice::WriteOnly);
        writer.setResolution(150);
        QImage figure(600, 400, QImage::Format_RGB32);
        figure.fill(Qt::darkCyan);
        document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("figure.png")), figure);
        document.setHtml(reportWithFigureAfter(fillers));
    }
};

// The pages and margins paginateReport() uses (read off a report it laid out), no break moved.
void layOutWithoutTheRule(Report& report) {
    Report reference(0);
    paginateReport(reference.document, reference.writer);
    report.document.documentLayout()->setPaintDevice(&report.writer);
    report.document.rootFrame()->setFrameFormat(reference.document.rootFrame()->frameFormat());
    report.document.setPageSize(reference.document.pageSize());
}

}  // namespace

class TestReportPagination : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void headingMovesToItsFiguresPage() {
        // The shortest report that, laid out on the same pages without the rule, leaves the
        // heading alone at the foot of page 1 and starts its figure on page 2.
        int fillers = 1;
        for (;; ++fillers) {
            QVERIFY2(fillers < 200, "the figure never left the first page");
            Report plain(fillers);
            layOutWithoutTheRule(plain);
            if (pageOfBlock(plain.document, fillers + 1) == 1) break;
        }
        Report plain(fillers);
        layOutWithoutTheRule(plain);
        QCOMPARE(pageOfBlock(plain.document, fillers), 0);

        Report report(fillers);
        paginateReport(report.document, report.writer);
        QCOMPARE(report.document.findBlockByNumber(fillers).text(), QStringLiteral("Loss"));
        QCOMPARE(pageOfBlock(report.document, fillers + 1), 1);  // the figure
        QCOMPARE(pageOfBlock(report.document, fillers), 1);      // its heading went with it
        QCOMPARE(pageOfBlock(report.document, fillers - 1), 0);  // the text before stays
    }

    void shortReportStaysOnOnePage() {
        Report report(3);
        paginateReport(report.document, report.writer);
        QCOMPARE(report.document.pageCount(), 1);
        QCOMPARE(pageOfBlock(report.document, 3), 0);
    }

    void printsEveryPage() {
        Report report(60);
        printReport(report.document, report.writer);
        QVERIFY(report.document.pageCount() >= 2);
        report.pdf.close();
        QVERIFY(report.pdf.data().startsWith("%PDF"));
    }
};

QTEST_MAIN(TestReportPagination)
#include "test_report_pagination.moc"
