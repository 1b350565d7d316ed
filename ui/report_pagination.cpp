#include "report_pagination.h"

#include <QAbstractTextDocumentLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>

namespace uegr::studio {
namespace {

// Half an inch: the margin QTextDocument::print() ends up with on a 150 dpi PDF, so the tables
// keep the widths they had.
constexpr double kMarginInches = 0.5;

void layOutForPages(QTextDocument& document, QPagedPaintDevice& device) {
    document.documentLayout()->setPaintDevice(&device);
    const double margin = kMarginInches * device.logicalDpiY();
    QTextFrameFormat frame = document.rootFrame()->frameFormat();
    frame.setMargin(margin);
    document.rootFrame()->setFrameFormat(frame);
    document.setPageSize(QSizeF(device.width(), device.height()));
}

void drawPage(QTextDocument& document, QPainter& painter, int page, int pages) {
    const QSizeF size = document.pageSize();
    const QRectF view(0, page * size.height(), size.width(), size.height());
    painter.save();
    painter.translate(0, -view.top());
    painter.setClipRect(view);
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = view;
    document.documentLayout()->draw(&painter, context);
    painter.restore();
    const double margin = document.rootFrame()->frameFormat().bottomMargin();
    painter.setFont(document.defaultFont());
    painter.drawText(QRectF(0, size.height() - margin, size.width(), margin / 2), Qt::AlignCenter,
                     QStringLiteral("%1 / %2").arg(page + 1).arg(pages));
}

}  // namespace

int pageOfBlock(const QTextDocument& document, int blockNumber) {
    const QTextBlock block = document.findBlockByNumber(blockNumber);
    const QRectF rect = document.documentLayout()->blockBoundingRect(block);
    return static_cast<int>(rect.top() / document.pageSize().height());
}

// In document order, so each fix is laid out before the next heading is looked at.
void paginateReport(QTextDocument& document, QPagedPaintDevice& device) {
    layOutForPages(document, device);
    for (QTextBlock block = document.begin(); block.isValid() && block.next().isValid();
         block = block.next()) {
        if (block.blockFormat().headingLevel() == 0) continue;
        if (pageOfBlock(document, block.blockNumber()) == pageOfBlock(document, block.next().blockNumber()))
            continue;
        QTextBlockFormat breakBefore;
        breakBefore.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(block).mergeBlockFormat(breakBefore);
    }
}

void printReport(QTextDocument& document, QPagedPaintDevice& device) {
    paginateReport(document, device);
    QPainter painter(&device);
    const int pages = document.pageCount();
    for (int page = 0; page < pages; ++page) {
        if (page > 0) device.newPage();
        drawPage(document, painter, page, pages);
    }
}

}  // namespace uegr::studio
