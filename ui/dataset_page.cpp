#include "dataset_page.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QListWidgetItem>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "column_mapping_dialog.h"
#include "label_distribution_chart.h"
#include "raw_table_model.h"
#include "util/error.h"

namespace uegr::studio {

struct DatasetPage::ReadResult {
    std::shared_ptr<const RawTable> table;  // null when the file could not be read
    QString trainingFile;                   // the file itself, or its UTF-8 copy
    QString error;
};

struct DatasetPage::Analysis {
    DatasetStatistics statistics;
    std::vector<SkippedRow> rejected;
    QString error;
};

namespace {

// The config defaults first, then the names GLUE-style files use.
ColumnRef guessColumn(const RawTable& table, std::initializer_list<const char*> names) {
    for (const char* name : names)
        for (const std::string& column : table.header)
            if (column == name) return ColumnRef{column, -1};
    return {};
}

// Where a file decoded from another encoding is kept as UTF-8: the app's data folder, under the
// original's name with ".utf8" before the extension (the extension tells the format).
QString utf8CopyPath(const QString& path) {
    const QFileInfo original(path);
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/imported");
    return folder + QLatin1Char('/') + original.completeBaseName() + QStringLiteral(".utf8.") +
           original.suffix();
}

// Returns the file core should read: `path` itself for UTF-8, else a UTF-8 copy. Throws on I/O errors.
QString readableAsUtf8(const QString& path, TextEncoding encoding) {
    if (encoding == TextEncoding::Utf8) return path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: %2").arg(path, file.errorString()).toStdString());
    const QString copyPath = utf8CopyPath(path);
    QDir().mkpath(QFileInfo(copyPath).absolutePath());
    QSaveFile copy(copyPath);
    if (!copy.open(QIODevice::WriteOnly) || copy.write(toUtf8(file.readAll(), encoding)) < 0 ||
        !copy.commit())
        throw Error(QStringLiteral("%1: %2").arg(copyPath, copy.errorString()).toStdString());
    return copyPath;
}

}  // namespace

DatasetPage::DatasetPage(QWidget* parent)
    : QWidget(parent),
      model_(new RawTableModel(this)),
      reader_(new QFutureWatcher<std::shared_ptr<const ReadResult>>(this)),
      analyser_(new QFutureWatcher<std::shared_ptr<const Analysis>>(this)),
      mappingButton_(new QPushButton(tr("&Map Columns…"), this)),
      encoding_(new QComboBox(this)),
      fileLabel_(new QLabel(this)),
      summary_(new QLabel(this)),
      chart_(new LabelDistributionChart(this)),
      problems_(new QListWidget(this)),
      preview_(new QTableView(this)) {
    auto* openButton = new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open Dataset…"), this);
    connect(openButton, &QPushButton::clicked, this, &DatasetPage::chooseDataset);
    connect(mappingButton_, &QPushButton::clicked, this, &DatasetPage::editMapping);
    mappingButton_->setEnabled(false);
    encoding_->setObjectName(QStringLiteral("datasetEncoding"));
    encoding_->setToolTip(
        tr("The file's text encoding. A file that is not UTF-8 is read through a UTF-8 copy."));
    for (TextEncoding encoding : textEncodings())
        encoding_->addItem(encodingName(encoding), static_cast<int>(encoding));
    connect(encoding_, &QComboBox::currentIndexChanged, this, [this] {
        if (!fileName_.isEmpty()) openDataset(fileName_);
    });
    fileLabel_->setObjectName(QStringLiteral("datasetFile"));
    fileLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->setObjectName(QStringLiteral("datasetSummary"));
    summary_->setWordWrap(true);
    chart_->setObjectName(QStringLiteral("labelChart"));
    problems_->setObjectName(QStringLiteral("datasetProblems"));
    problems_->setToolTip(tr("Double-click a problem to show its row in the preview."));
    connect(problems_, &QListWidget::itemDoubleClicked, this, &DatasetPage::jumpToProblem);
    preview_->setObjectName(QStringLiteral("datasetPreview"));
    preview_->setModel(model_);
    preview_->setSelectionBehavior(QAbstractItemView::SelectRows);
    preview_->setWordWrap(false);
    preview_->horizontalHeader()->setStretchLastSection(false);

    auto* top = new QHBoxLayout;
    top->addWidget(openButton);
    top->addWidget(mappingButton_);
    top->addWidget(new QLabel(tr("Encoding:"), this));
    top->addWidget(encoding_);
    top->addWidget(fileLabel_, 1);

    auto* problemsBox = new QWidget(this);
    auto* problemsLayout = new QVBoxLayout(problemsBox);
    problemsLayout->setContentsMargins(0, 0, 0, 0);
    problemsLayout->addWidget(new QLabel(tr("Rejected rows:"), problemsBox));
    problemsLayout->addWidget(problems_);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* previewBox = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(new QLabel(
        tr("Preview: each row is numbered by its line in the file; rejected rows are listed below."),
        previewBox));
    previewLayout->addWidget(preview_);
    splitter->addWidget(previewBox);
    splitter->addWidget(chart_);
    splitter->addWidget(problemsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(summary_);
    layout->addWidget(splitter, 1);

    connect(reader_, &QFutureWatcherBase::finished, this, &DatasetPage::tableRead);
    connect(analyser_, &QFutureWatcherBase::finished, this, &DatasetPage::analysed);
}

DatasetPage::~DatasetPage() {
    reader_->waitForFinished();
    analyser_->waitForFinished();
}

void DatasetPage::chooseDataset() {
    const QString start = fileName_.isEmpty() ? QString() : QFileInfo(fileName_).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Dataset"), start, tr("Datasets (*.csv *.tsv *.jsonl *.ndjson);;All files (*)"));
    if (!path.isEmpty()) openDataset(path);
}

void DatasetPage::openDataset(const QString& path) {
    reader_->waitForFinished();
    fileName_ = path;
    fileLabel_->setText(QDir::toNativeSeparators(path));
    summary_->setStyleSheet({});
    summary_->setText(tr("Reading…"));
    mappingButton_->setEnabled(false);
    const TextEncoding encoding = this->encoding();
    reader_->setFuture(QtConcurrent::run([path, encoding]() -> std::shared_ptr<const ReadResult> {
        auto result = std::make_shared<ReadResult>();
        try {
            result->trainingFile = readableAsUtf8(path, encoding);
            result->table =
                std::make_shared<const RawTable>(readTable(result->trainingFile.toStdString(), "auto", true));
        } catch (const std::exception& error) {
            result->error = QString::fromStdString(error.what());
        }
        return result;
    }));
}

void DatasetPage::tableRead() {
    const std::shared_ptr<const ReadResult> result = reader_->result();
    const std::shared_ptr<const RawTable>& table = result->table;
    if (!table) {
        model_->setTable(nullptr);
        statistics_ = {};
        chart_->setCounts({}, {});
        summary_->setText(tr("Cannot read the file."));
        showProblems({}, result->error);
        Q_EMIT loadFailed(result->error);
        return;
    }
    trainingFile_ = result->trainingFile;
    model_->setTable(table);
    mappingButton_->setEnabled(true);
    mapping_.text = guessColumn(*table, {"text", "sentence", "sentence1", "question", "premise"});
    mapping_.pair = guessColumn(*table, {"pair", "sentence2", "hypothesis"});
    mapping_.label = guessColumn(*table, {"label", "labels", "class", "category"});
    if (mapping_.text.empty() || mapping_.label.empty()) {
        editMapping();
        return;
    }
    analyse();
}

void DatasetPage::editMapping() {
    ColumnMappingDialog dialog(*model_, mapping_, this);
    if (dialog.exec() != QDialog::Accepted) {
        if (mapping_.text.empty() || mapping_.label.empty()) summary_->setText(tr("No columns chosen."));
        return;
    }
    mapping_ = dialog.mapping();
    analyse();
}

void DatasetPage::analyse() {
    fitPreviewColumns();
    analyser_->waitForFinished();
    summary_->setText(tr("Checking rows…"));
    const std::shared_ptr<const RawTable> table = model_->table();
    const ColumnMapping mapping = mapping_;
    analyser_->setFuture(QtConcurrent::run([table, mapping]() -> std::shared_ptr<const Analysis> {
        auto analysis = std::make_shared<Analysis>();
        try {
            LabelledRows rows = mapColumns(*table, mapping, true);
            analysis->statistics = computeStatistics(rows, true);
            analysis->rejected = rows.skipped;  // the table's own rejections included
        } catch (const std::exception& error) {
            analysis->error = QString::fromStdString(error.what());
        }
        return analysis;
    }));
}

void DatasetPage::analysed() {
    const std::shared_ptr<const Analysis> analysis = analyser_->result();
    statistics_ = analysis->statistics;
    QStringList labels;
    QVector<double> counts;
    for (const auto& [label, count] : statistics_.labelCounts) {
        labels << QString::fromStdString(label);
        counts << static_cast<double>(count);
    }
    chart_->setCounts(labels, counts);
    showProblems(analysis->rejected, analysis->error);
    if (!analysis->error.isEmpty()) {
        summary_->setText(tr("The column mapping does not fit this file."));
        Q_EMIT loadFailed(analysis->error);
        return;
    }
    QString summary = tr("%1, %2 rows, %3 labels, %4 tokens on average (longest %5), %6 rejected rows")
                          .arg(formatName())
                          .arg(statistics_.rows)
                          .arg(labels.size())
                          .arg(statistics_.avgTokens, 0, 'f', 1)
                          .arg(statistics_.maxTokens)
                          .arg(analysis->rejected.size());
    if (trainingFile_ != fileName_)
        summary += tr("; read as %1 through the UTF-8 copy %2")
                       .arg(encodingName(encoding()), QDir::toNativeSeparators(trainingFile_));
    const QString unusable = unusableReason();
    if (!unusable.isEmpty()) {
        refuse(summary + QLatin1Char('\n') + unusable, unusable);
        return;
    }
    summary_->setStyleSheet({});
    summary_->setText(summary);
    Q_EMIT loaded(trainingFile_);
}

// The text columns take the free width; the others (labels, ids) are as wide as their contents.
void DatasetPage::fitPreviewColumns() {
    const std::vector<std::string>& header = model_->table()->header;
    const auto isText = [&](int column) {
        for (const ColumnRef& text : {mapping_.text, mapping_.pair})
            if (text.index == column ||
                (!text.name.empty() && header[static_cast<std::size_t>(column)] == text.name))
                return true;
        return false;
    };
    for (int column = 0; column < model_->columnCount(); ++column)
        preview_->horizontalHeader()->setSectionResizeMode(
            column, isText(column) ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
}

QString DatasetPage::unusableReason() const {
    if (statistics_.rows == 0)
        return tr(
            "This file has no usable rows, so it cannot be used for training. Check the column mapping, the "
            "encoding and the rejected rows below.");
    if (statistics_.labelCounts.size() < 2)
        return tr("Every usable row has the label \"%1\"; a classifier needs at least two labels, so this "
                  "file cannot be used for training.")
            .arg(QString::fromStdString(statistics_.labelCounts.front().first));
    return {};
}

void DatasetPage::refuse(const QString& summary, const QString& reason) {
    summary_->setStyleSheet(QStringLiteral("color: #b00020;"));
    summary_->setText(summary);
    Q_EMIT loadFailed(reason);
}

void DatasetPage::setEncoding(TextEncoding encoding) {
    encoding_->setCurrentIndex(encoding_->findData(static_cast<int>(encoding)));
}

TextEncoding DatasetPage::encoding() const {
    return static_cast<TextEncoding>(encoding_->currentData().toInt());
}

void DatasetPage::showProblems(const std::vector<SkippedRow>& rows, const QString& fatal) {
    problems_->clear();
    if (!fatal.isEmpty()) problems_->addItem(fatal);
    for (const SkippedRow& row : rows) {
        auto* item = new QListWidgetItem(QString::fromStdString(InputError::format(row.file, row.line, row.reason)));
        item->setData(Qt::UserRole, static_cast<qulonglong>(row.line));
        problems_->addItem(item);
    }
}

void DatasetPage::jumpToProblem(QListWidgetItem* item) {
    const QVariant line = item->data(Qt::UserRole);
    if (!line.isValid()) return;
    const int row = model_->rowAtOrAfterLine(static_cast<std::size_t>(line.toULongLong()));
    if (row < 0) return;
    preview_->selectRow(row);
    preview_->scrollTo(model_->index(row, 0), QAbstractItemView::PositionAtCenter);
}

QString DatasetPage::formatName() const {
    return QString::fromStdString(uegr::formatName(model_->table()->format)).toUpper();
}

QStringList DatasetPage::problems() const {
    QStringList messages;
    for (int i = 0; i < problems_->count(); ++i) messages << problems_->item(i)->text();
    return messages;
}

}  // namespace uegr::studio
