#pragma once
// The PDF report's pages. QTextDocument::print() breaks pages wherever the text runs out, so a
// figure's heading could end one page and its figure start the next; it has no keep-with-next.
// Here the document is laid out on the device's pages (half-inch margins), every
// heading that would be parted from the block after it starts a new page instead, and the pages
// are drawn with "page / pages" below them.
class QPagedPaintDevice;
class QTextDocument;

namespace uegr::studio {

// Lays `document` out for `device`'s pages and moves headings parted from their next block.
void paginateReport(QTextDocument& document, QPagedPaintDevice& device);

// paginateReport(), then draws every page with its number.
void printReport(QTextDocument& document, QPagedPaintDevice& device);

// The 0-based page the block at `blockNumber` starts on, in the document's current layout.
int pageOfBlock(const QTextDocument& document, int blockNumber);

}  // namespace uegr::studio
