#pragma once
// A page whose feature is not in the studio yet: says so plainly and names the CLI command
// that covers it, instead of showing controls that do nothing.
#include <QWidget>

namespace uegr::studio {

class PlaceholderPage : public QWidget {
    Q_OBJECT
public:
    PlaceholderPage(const QString& title, const QString& explanation, QWidget* parent = nullptr);
};

}  // namespace uegr::studio
