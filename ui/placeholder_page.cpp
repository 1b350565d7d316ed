#include "placeholder_page.h"

#include <QLabel>
#include <QVBoxLayout>

namespace uegr::studio {

PlaceholderPage::PlaceholderPage(const QString& title, const QString& explanation, QWidget* parent)
    : QWidget(parent) {
    auto* heading = new QLabel(QStringLiteral("<h2>%1</h2>").arg(title.toHtmlEscaped()), this);
    auto* body = new QLabel(explanation, this);
    body->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addStretch(1);
}

}  // namespace uegr::studio
