#include "about_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

#include "runtime_summary.h"

namespace uegr::studio {

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("About UEGR Studio"));
    const RuntimeSummary runtime = queryRuntime();
    const QString blas = runtime.blasLibrary.isEmpty()
                             ? runtime.blasKind
                             : tr("%1 (%2)").arg(runtime.blasKind, runtime.blasLibrary.toHtmlEscaped());
    const QString cuda = runtime.cudaAvailable ? tr("available, %n device(s)", nullptr, runtime.cudaDevices)
                                               : tr("not available");
    text_ = tr("<h2>UEGR Studio %1</h2>"
               "<p>Train text classifiers with unified enhancement of generalisation and robustness "
               "(arXiv 2503.16550).</p>")
                .arg(runtime.uegrVersion.toHtmlEscaped()) +
            QStringLiteral("<table>") +
            tr("<tr><td>LibTorch:</td><td>%1</td></tr>").arg(runtime.torchVersion.toHtmlEscaped()) +
            tr("<tr><td>BLAS:</td><td>%1</td></tr>").arg(blas) +
            tr("<tr><td>Threads:</td><td>%1</td></tr>").arg(runtime.intraOpThreads) +
            tr("<tr><td>CUDA:</td><td>%1</td></tr>").arg(cuda) +
            tr("<tr><td>Qt:</td><td>%1</td></tr>").arg(QString::fromLatin1(qVersion())) +
            QStringLiteral("</table>") +
            tr("<p>Licensed under the GNU General Public License, version 3 or later.</p>");

    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/uegr-studio.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    auto* label = new QLabel(text_, this);
    label->setObjectName(QStringLiteral("aboutText"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* content = new QHBoxLayout;
    content->addWidget(icon);
    content->addWidget(label, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(content);
    layout->addWidget(buttons);
}

}  // namespace uegr::studio
