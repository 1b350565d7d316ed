#pragma once
// The Help menu's links to the documentation installed with the programs (the README as user
// guide, the method and the configuration keys), opened in the desktop's viewer for Markdown.
class QMenu;
class QWidget;

namespace uegr::studio {

// Adds one action per document to `menu`; a document that is not installed is reported in a
// message box over `parent`, with the path that was looked for.
void addDocumentationActions(QMenu& menu, QWidget* parent);

}  // namespace uegr::studio
