#pragma once
// Help > About: the studio's version and what the numerical runtime is (LibTorch, BLAS,
// threads, CUDA), because a reference BLAS or a wrong thread count makes training slow.
#include <QDialog>

namespace uegr::studio {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    QString text() const { return text_; }  // the HTML shown

private:
    QString text_;
};

}  // namespace uegr::studio
