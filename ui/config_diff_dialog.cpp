#include "config_diff_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace uegr::studio {
namespace {

QTableWidgetItem* valueItem(const std::optional<nlohmann::json>& value) {
    if (!value) {
        auto* absent = new QTableWidgetItem(ConfigDiffDialog::tr("(absent)"));
        QFont italic = absent->font();
        italic.setItalic(true);
        absent->setFont(italic);
        return absent;
    }
    return new QTableWidgetItem(QString::fromStdString(configValueText(*value)));
}

}  // namespace

ConfigDiffDialog::ConfigDiffDialog(const QString& leftName, const FlatConfig& left, const QString& rightName,
                                   const FlatConfig& right, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(this)) {
    setObjectName(QStringLiteral("configDiffDialog"));
    setWindowTitle(tr("Config Diff: %1 and %2").arg(leftName, rightName));
    const std::vector<ConfigDifference> differences = diffConfigs(left, right);

    auto* summary = new QLabel(differences.empty()
                                   ? tr("The two runs have the same configuration.")
                                   : tr("%n key(s) differ.", nullptr, static_cast<int>(differences.size())),
                               this);
    summary->setObjectName(QStringLiteral("configDiffSummary"));
    table_->setObjectName(QStringLiteral("configDiffTable"));
    table_->setColumnCount(3);
    table_->setHorizontalHeaderLabels({tr("Key"), leftName, rightName});
    table_->setRowCount(static_cast<int>(differences.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const ConfigDifference& difference = differences[static_cast<std::size_t>(row)];
        table_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(difference.key)));
        table_->setItem(row, 1, valueItem(difference.left));
        table_->setItem(row, 2, valueItem(difference.right));
    }
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->resizeColumnsToContents();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(table_, 1);
    layout->addWidget(buttons);
    resize(640, 420);
}

}  // namespace uegr::studio
