#include "column_mapping_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "raw_table_model.h"
#include "util/error.h"

namespace uegr::studio {
namespace {

int columnIndex(const RawTable& table, const ColumnRef& ref) {
    if (ref.index >= 0) return ref.index < static_cast<int>(table.header.size()) ? ref.index : -1;
    for (std::size_t i = 0; i < table.header.size(); ++i)
        if (table.header[i] == ref.name) return static_cast<int>(i);
    return -1;
}

ColumnRef columnAt(const QComboBox& combo) {
    const int column = combo.currentData().toInt();
    if (column < 0) return {};
    return ColumnRef{combo.currentText().toStdString(), -1};
}

}  // namespace

ColumnMappingDialog::ColumnMappingDialog(RawTableModel& model, const ColumnMapping& initial, QWidget* parent)
    : QDialog(parent),
      model_(model),
      textColumn_(new QComboBox(this)),
      pairColumn_(new QComboBox(this)),
      labelColumn_(new QComboBox(this)),
      check_(new QLabel(this)) {
    setWindowTitle(tr("Map Columns"));
    const RawTable& table = *model.table();
    pairColumn_->addItem(tr("(none)"), -1);
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        const QString name = QString::fromStdString(table.header[i]);
        for (QComboBox* combo : {textColumn_, pairColumn_, labelColumn_})
            combo->addItem(name, static_cast<int>(i));
    }
    textColumn_->setCurrentIndex(std::max(0, columnIndex(table, initial.text)));
    pairColumn_->setCurrentIndex(columnIndex(table, initial.pair) + 1);
    labelColumn_->setCurrentIndex(std::max(0, columnIndex(table, initial.label)));
    textColumn_->setToolTip(tr("The column with the text to classify."));
    pairColumn_->setToolTip(tr("For sentence-pair tasks: the column with the second text."));
    labelColumn_->setToolTip(tr("The column with the class label."));

    auto* form = new QFormLayout;
    form->addRow(tr("&Text:"), textColumn_);
    form->addRow(tr("&Second text:"), pairColumn_);
    form->addRow(tr("&Label:"), labelColumn_);

    auto* preview = new QTableView(this);
    preview->setModel(&model);
    preview->setSelectionBehavior(QAbstractItemView::SelectColumns);
    preview->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    preview->horizontalHeader()->setStretchLastSection(true);
    preview->setWordWrap(false);

    check_->setObjectName(QStringLiteral("mappingCheck"));
    check_->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(preview, 1);
    layout->addWidget(check_);
    layout->addWidget(buttons);
    resize(760, 480);

    for (QComboBox* combo : {textColumn_, pairColumn_, labelColumn_})
        connect(combo, &QComboBox::currentIndexChanged, this, &ColumnMappingDialog::updateCheck);
    updateCheck();
}

ColumnMapping ColumnMappingDialog::mapping() const {
    return ColumnMapping{columnAt(*textColumn_), columnAt(*pairColumn_), columnAt(*labelColumn_)};
}

void ColumnMappingDialog::updateCheck() {
    QPushButton* ok = findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    try {
        const LabelledRows rows = mapColumns(*model_.table(), mapping(), true);
        QString message = tr("%n row(s) usable", nullptr, static_cast<int>(rows.texts.size()));
        if (!rows.skipped.empty())
            message +=
                QStringLiteral("; ") +
                tr("%n row(s) rejected, first: %1", nullptr, static_cast<int>(rows.skipped.size()))
                    .arg(QString::fromStdString(InputError::format(
                        rows.skipped.front().file, rows.skipped.front().line, rows.skipped.front().reason)));
        check_->setText(message);
        ok->setEnabled(!rows.texts.empty());
    } catch (const std::exception& error) {
        check_->setText(QString::fromStdString(error.what()));
        ok->setEnabled(false);
    }
}

}  // namespace uegr::studio
