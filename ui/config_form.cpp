#include "config_form.h"

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "config/numeric_ranges.h"

namespace uegr::studio {
namespace {

// A config member reachable from both const and mutable configs: [](auto& c) -> auto& {...}.
#define UEGR_MEMBER(path)  \
    [](auto& c) -> auto& { \
        return c.path;     \
    }

QStringList toQStringList(const std::vector<std::string>& values) {
    QStringList list;
    for (const std::string& value : values) list << QString::fromStdString(value);
    return list;
}

QStringList splitList(const QString& text) {
    QStringList items;
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty()) items << trimmed;
    }
    return items;
}

// "#3" selects a column by zero-based index, anything else by header name.
QString columnText(const ColumnRef& column) {
    return column.index >= 0 ? QStringLiteral("#%1").arg(column.index) : QString::fromStdString(column.name);
}

ColumnRef parseColumn(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('#'))) {
        bool isIndex = false;
        const int index = trimmed.mid(1).toInt(&isIndex);
        if (isIndex && index >= 0) return ColumnRef{{}, index};
    }
    return ColumnRef{trimmed.toStdString(), -1};
}

QVariant editorValue(const QWidget* editor) {
    if (auto* spin = qobject_cast<const QSpinBox*>(editor)) return spin->value();
    if (auto* spin = qobject_cast<const QDoubleSpinBox*>(editor)) return spin->value();
    if (auto* box = qobject_cast<const QCheckBox*>(editor)) return box->isChecked();
    if (auto* combo = qobject_cast<const QComboBox*>(editor)) return combo->currentData();
    return qobject_cast<const QLineEdit*>(editor)->text();
}

void setEditorValue(QWidget* editor, const QVariant& value) {
    if (auto* spin = qobject_cast<QSpinBox*>(editor))
        spin->setValue(value.toInt());
    else if (auto* spin = qobject_cast<QDoubleSpinBox*>(editor))
        spin->setValue(value.toDouble());
    else if (auto* box = qobject_cast<QCheckBox*>(editor))
        box->setChecked(value.toBool());
    else if (auto* combo = qobject_cast<QComboBox*>(editor))
        combo->setCurrentIndex(combo->findData(value));
    else
        qobject_cast<QLineEdit*>(editor)->setText(value.toString());
}

// The closed range a spin box with `decimals` decimals can offer for a key of numericRanges():
// an open end moves in by one displayed step, an unbounded one stops at kUnboundedMax.
struct EditorLimits {
    double min, max;
};

EditorLimits editorLimits(const char* key, int decimals) {
    constexpr double kUnboundedMax = 1e9;
    const NumericRange& range = numericRange(key);
    const double step = std::pow(10.0, -decimals);
    const double high = std::isinf(range.high) ? kUnboundedMax : range.high;
    return {range.lowInclusive ? range.low : range.low + step,
            range.highInclusive || std::isinf(range.high) ? high : high - step};
}

}  // namespace

// Adds one group box of labelled editors and registers each as a Field.
class ConfigForm::Builder {
public:
    Builder(ConfigForm& form, QVBoxLayout& layout) : form_(form), layout_(layout) {}

    void group(const QString& title) {
        auto* box = new QGroupBox(title, &form_);
        rows_ = new QFormLayout(box);
        layout_.addWidget(box);
    }

    template <typename Access>
    void integer(const char* key, const QString& label, Access access, const QString& tip,
                 const QString& zeroMeans = {}) {
        auto* spin = new QSpinBox;
        const EditorLimits limits = editorLimits(key, 0);
        spin->setRange(static_cast<int>(limits.min), static_cast<int>(limits.max));
        spin->setKeyboardTracking(false);
        if (!zeroMeans.isEmpty() && limits.min == 0) spin->setSpecialValueText(zeroMeans);
        add(
            key, label, spin, tip, [access](const RunConfig& c) { return QVariant(access(c)); },
            [access](RunConfig& c, const QVariant& v) { access(c) = v.toInt(); });
    }

    template <typename Access>
    void real(const char* key, const QString& label, int decimals, double step, Access access,
              const QString& tip, const QString& zeroMeans = {}) {
        auto* spin = new QDoubleSpinBox;
        spin->setDecimals(decimals);
        const EditorLimits limits = editorLimits(key, decimals);
        spin->setRange(limits.min, limits.max);
        spin->setSingleStep(step);
        spin->setKeyboardTracking(false);
        if (!zeroMeans.isEmpty() && limits.min == 0) spin->setSpecialValueText(zeroMeans);
        add(
            key, label, spin, tip, [access](const RunConfig& c) { return QVariant(access(c)); },
            [access](RunConfig& c, const QVariant& v) { access(c) = v.toDouble(); });
    }

    template <typename Access>
    void flag(const char* key, const QString& label, Access access, const QString& tip) {
        add(
            key, label, new QCheckBox, tip, [access](const RunConfig& c) { return QVariant(access(c)); },
            [access](RunConfig& c, const QVariant& v) { access(c) = v.toBool(); });
    }

    template <typename Access>
    void choice(const char* key, const QString& label, const std::vector<std::string>& choices, Access access,
                const QString& tip) {
        auto* combo = new QComboBox;
        for (const std::string& value : choices)
            combo->addItem(QString::fromStdString(value), QString::fromStdString(value));
        add(
            key, label, combo, tip,
            [access](const RunConfig& c) { return QVariant(QString::fromStdString(access(c))); },
            [access](RunConfig& c, const QVariant& v) { access(c) = v.toString().toStdString(); });
    }

    template <typename Access>
    void text(const char* key, const QString& label, Access access, const QString& tip,
              const QString& placeholder) {
        auto* edit = new QLineEdit;
        edit->setPlaceholderText(placeholder);
        add(
            key, label, edit, tip,
            [access](const RunConfig& c) { return QVariant(QString::fromStdString(access(c))); },
            [access](RunConfig& c, const QVariant& v) { access(c) = v.toString().toStdString(); });
    }

    template <typename Access>
    void seed(const char* key, const QString& label, Access access, const QString& tip) {
        auto* edit = new QLineEdit;
        edit->setValidator(
            new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), edit));
        add(
            key, label, edit, tip,
            [access](const RunConfig& c) { return QVariant(QString::number(access(c))); },
            [access](RunConfig& c, const QVariant& v) { access(c) = v.toString().toULongLong(); });
    }

    template <typename Access>
    void column(const char* key, const QString& label, Access access, const QString& tip,
                const QString& placeholder) {
        auto* edit = new QLineEdit;
        edit->setPlaceholderText(placeholder);
        add(
            key, label, edit, tip, [access](const RunConfig& c) { return QVariant(columnText(access(c))); },
            [access](RunConfig& c, const QVariant& v) { access(c) = parseColumn(v.toString()); });
    }

    template <typename Access>
    void integerList(const char* key, const QString& label, Access access, const QString& tip) {
        auto* edit = new QLineEdit;
        edit->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("\\s*[0-9]{1,2}(\\s*,\\s*[0-9]{1,2})*\\s*")), edit));
        add(
            key, label, edit, tip,
            [access](const RunConfig& c) {
                QStringList items;
                for (int value : access(c)) items << QString::number(value);
                return QVariant(items.join(QStringLiteral(", ")));
            },
            [access](RunConfig& c, const QVariant& v) {
                access(c).clear();
                for (const QString& item : splitList(v.toString())) access(c).push_back(item.toInt());
            });
    }

    template <typename Access>
    void stringList(const char* key, const QString& label, Access access, const QString& tip) {
        add(
            key, label, new QLineEdit, tip,
            [access](const RunConfig& c) {
                return QVariant(toQStringList(access(c)).join(QStringLiteral(", ")));
            },
            [access](RunConfig& c, const QVariant& v) {
                access(c).clear();
                for (const QString& item : splitList(v.toString())) access(c).push_back(item.toStdString());
            });
    }

private:
    void add(const char* key, const QString& label, QWidget* editor, const QString& tip,
             std::function<QVariant(const RunConfig&)> read,
             std::function<void(RunConfig&, const QVariant&)> write) {
        const QString dottedKey = QString::fromLatin1(key);
        editor->setObjectName(dottedKey);
        editor->setToolTip(QStringLiteral("<b>%1</b>: %2").arg(dottedKey, tip.toHtmlEscaped()));
        // Numbers read best in a box their size: QFormLayout grows only fields that may grow.
        if (qobject_cast<QAbstractSpinBox*>(editor))
            editor->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
        rows_->addRow(label, editor);
        form_.fields_.push_back(Field{dottedKey, editor, std::move(read), std::move(write), {}});
    }

    ConfigForm& form_;
    QVBoxLayout& layout_;
    QFormLayout* rows_ = nullptr;
};

ConfigForm::ConfigForm(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    Builder b(*this, *layout);

    b.group(tr("Data"));
    b.text("data.train", tr("Training file:"), UEGR_MEMBER(data.train),
           tr("CSV, TSV or JSONL file with the training rows."), tr("bundled demo dataset"));
    b.text("data.dev", tr("Dev file:"), UEGR_MEMBER(data.dev),
           tr("Rows for model selection; empty splits them off the training file."),
           tr("split off the training file"));
    b.text("data.test", tr("Test file:"), UEGR_MEMBER(data.test),
           tr("Rows for the final score; empty splits them off the training file."),
           tr("split off the training file"));
    b.choice("data.format", tr("Format:"), {"auto", "csv", "tsv", "jsonl"}, UEGR_MEMBER(data.format),
             tr("File format; auto decides from the extension and the first line."));
    b.column("data.text_column", tr("Text column:"), UEGR_MEMBER(data.textColumn),
             tr("Header name of the text column, or #N for the zero-based column N."),
             QStringLiteral("text"));
    b.column("data.pair_column", tr("Second text column:"), UEGR_MEMBER(data.pairColumn),
             tr("Column of the second text for sentence-pair tasks; empty for single texts."), tr("none"));
    b.column("data.label_column", tr("Label column:"), UEGR_MEMBER(data.labelColumn),
             tr("Header name of the label column, or #N for the zero-based column N."),
             QStringLiteral("label"));
    b.integer("data.max_length", tr("Maximum length:"), UEGR_MEMBER(data.maxLength),
              tr("Texts are cut to this many tokens."));
    b.real("data.dev_ratio", tr("Dev ratio:"), 3, 0.05, UEGR_MEMBER(data.devRatio),
           tr("Share of the training file split off as dev set when no dev file is given."));
    b.real("data.test_ratio", tr("Test ratio:"), 3, 0.05, UEGR_MEMBER(data.testRatio),
           tr("Share of the training file split off as test set when no test file is given."));
    b.seed("data.split_seed", tr("Split seed:"), UEGR_MEMBER(data.splitSeed),
           tr("Seed of the dev/test split."));
    b.flag("data.skip_bad_rows", tr("Skip bad rows"), UEGR_MEMBER(data.skipBadRows),
           tr("Skip malformed rows with a note instead of stopping at the first one."));
    b.flag("data.lowercase", tr("Lowercase"), UEGR_MEMBER(data.lowercase),
           tr("Lowercase texts before tokenising."));
    b.integer("data.min_count", tr("Minimum word count:"), UEGR_MEMBER(data.minCount),
              tr("Words seen fewer times in training become <unk>."));
    b.integer("data.max_vocab", tr("Maximum vocabulary:"), UEGR_MEMBER(data.maxVocab),
              tr("Largest vocabulary size, special tokens included."));

    b.group(tr("Model"));
    b.choice("model.type", tr("Type:"), {"textcnn", "bilstm", "transformer", "hf"}, UEGR_MEMBER(model.type),
             tr("Architecture: TextCNN, BiLSTM, a small Transformer, or a local Hugging Face model."));
    b.text("model.path", tr("Hugging Face folder:"), UEGR_MEMBER(model.path),
           tr("Local Hugging Face model folder; only for type hf."), tr("only for type hf"));
    b.flag("model.allow_missing_weights", tr("Allow missing weights"), UEGR_MEMBER(model.allowMissingWeights),
           tr("Type hf only: initialise weights the folder lacks instead of refusing it."));
    b.integer("model.embedding_dim", tr("Embedding size:"), UEGR_MEMBER(model.embeddingDim),
              tr("Width of the word embeddings."));
    b.integer("model.hidden_dim", tr("Hidden size:"), UEGR_MEMBER(model.hiddenDim),
              tr("BiLSTM: units per direction; Transformer: model width."));
    b.integer("model.num_layers", tr("Layers:"), UEGR_MEMBER(model.numLayers),
              tr("Depth of the BiLSTM or Transformer."));
    b.integer("model.num_heads", tr("Attention heads:"), UEGR_MEMBER(model.numHeads),
              tr("Transformer attention heads; must divide the hidden size."));
    b.integer("model.ff_dim", tr("Feed-forward size:"), UEGR_MEMBER(model.ffDim),
              tr("Width of the Transformer feed-forward layers."));
    b.integerList("model.kernel_sizes", tr("Kernel sizes:"), UEGR_MEMBER(model.kernelSizes),
                  tr("TextCNN convolution widths, comma-separated, each 1 to 64."));
    b.integer("model.num_filters", tr("Filters per kernel:"), UEGR_MEMBER(model.numFilters),
              tr("TextCNN filters per kernel size."));
    b.real("model.dropout", tr("Dropout:"), 2, 0.05, UEGR_MEMBER(model.dropout),
           tr("The model's ordinary dropout, used by the clean pass and the baselines."));

    b.group(tr("Training"));
    b.choice("training.method", tr("Method:"), trainingMethods(), UEGR_MEMBER(training.method),
             tr("UEGR, a baseline, or a UEGR ablation."));
    b.integer("training.epochs", tr("Epochs:"), UEGR_MEMBER(training.epochs),
              tr("Passes over the training set."));
    b.integer("training.batch_size", tr("Batch size:"), UEGR_MEMBER(training.batchSize),
              tr("Examples per optimizer step."));
    b.real("training.lr", tr("Learning rate:"), 7, 1e-4, UEGR_MEMBER(training.lr),
           tr("Peak AdamW learning rate."));
    b.real("training.weight_decay", tr("Weight decay:"), 4, 0.01, UEGR_MEMBER(training.weightDecay),
           tr("AdamW decoupled weight decay."));
    b.real("training.warmup_ratio", tr("Warm-up ratio:"), 3, 0.05, UEGR_MEMBER(training.warmupRatio),
           tr("Share of all steps with a linearly rising learning rate."));
    b.seed("training.seed", tr("Seed:"), UEGR_MEMBER(training.seed),
           tr("Seed of initialisation, shuffling and dropout."));
    b.choice("training.device", tr("Device:"), {"auto", "cpu", "cuda"}, UEGR_MEMBER(training.device),
             tr("Where to train; auto picks CUDA when available."));
    b.integer("training.threads", tr("Threads:"), UEGR_MEMBER(training.threads),
              tr("CPU threads for LibTorch; 0 uses all cores."), tr("all cores"));
    b.choice(
        "training.precision", tr("Precision:"), {"fp32", "bf16"}, UEGR_MEMBER(training.precision),
        tr("bf16 runs the forward passes in bfloat16; weights, optimizer state and saliency stay fp32."));
    b.flag("training.deterministic", tr("Deterministic kernels"), UEGR_MEMBER(training.deterministic),
           tr("Only deterministic kernels, so a resumed CUDA run repeats the uninterrupted one exactly."));
    b.real("training.rdrop_alpha", tr("R-Drop alpha:"), 3, 0.1, UEGR_MEMBER(training.rdropAlpha),
           tr("R-Drop only: weight of the symmetric KL term between two dropout passes."));
    b.integer("training.childtuning_batches", tr("ChildTuning batches:"),
              UEGR_MEMBER(training.childtuningBatches),
              tr("ChildTuning-D only: batches for the Fisher estimate; 0 uses one epoch."), tr("one epoch"));

    b.group(tr("UEGR forward stage"));
    b.flag("uegr.use_clean_loss", tr("Clean loss"), UEGR_MEMBER(uegr.useCleanLoss),
           tr("Add the cross-entropy of an ordinary clean pass to the loss."));
    b.integer("uegr.adv_steps", tr("Adversary steps:"), UEGR_MEMBER(uegr.advSteps),
              tr("Gradient steps of the embedding-space adversary (m)."));
    b.real("uegr.adv_step_size", tr("Adversary step size:"), 4, 0.01, UEGR_MEMBER(uegr.advStepSize),
           tr("Size of each adversary step (alpha), relative to the example's embedding norm by default."));
    b.real("uegr.adv_max_norm", tr("Adversary max norm:"), 4, 0.01, UEGR_MEMBER(uegr.advMaxNorm),
           tr("Radius the perturbation is projected onto (epsilon); 0 leaves it unbounded."),
           tr("unbounded"));
    b.choice("uegr.adv_scale", tr("Adversary scale:"), {"relative", "absolute"}, UEGR_MEMBER(uegr.advScale),
             tr("relative: step size and norm are fractions of each example's embedding norm; absolute: raw "
                "units."));
    b.choice("uegr.adv_init", tr("Adversary start:"), {"zero", "uniform"}, UEGR_MEMBER(uegr.advInit),
             tr("Start the perturbation at zero or uniformly at random."));
    b.real("uegr.adv_init_mag", tr("Random start size:"), 4, 0.01, UEGR_MEMBER(uegr.advInitMag),
           tr("Magnitude of the uniform random start."));
    b.integer("uegr.passes", tr("Dropout passes (K):"), UEGR_MEMBER(uegr.passes),
              tr("Forward passes of the perturbed input, each with its own adaptive dropout rates."));
    b.real("uegr.dropout_min", tr("Dropout minimum:"), 3, 0.01, UEGR_MEMBER(uegr.dropoutMin),
           tr("Lowest adaptive dropout rate, given to the most important blocks."));
    b.real("uegr.dropout_max", tr("Dropout maximum:"), 3, 0.01, UEGR_MEMBER(uegr.dropoutMax),
           tr("Highest adaptive dropout rate, given to the least important blocks; at least the minimum."));
    b.real("uegr.dropout_jitter", tr("Dropout jitter:"), 3, 0.1, UEGR_MEMBER(uegr.dropoutJitter),
           tr("Random spread of each pass's rates, as a fraction of half the dropout range, so the passes "
              "differ."));
    b.choice("uegr.dropout_rule", tr("Dropout rule:"), {"importance", "uniform", "fixed"},
             UEGR_MEMBER(uegr.dropoutRule),
             tr("importance: rates follow block saliency; uniform: random in the range; fixed: one rate "
                "everywhere."));
    b.real("uegr.importance_ema", tr("Importance EMA:"), 3, 0.05, UEGR_MEMBER(uegr.importanceEma),
           tr("Smoothing of the per-block importance that drives the dropout rates."));
    b.real("uegr.lambda_adv", tr("Adversarial weight:"), 3, 0.1, UEGR_MEMBER(uegr.lambdaAdv),
           tr("Weight of the mean cross-entropy of the K perturbed passes (lambda_adv)."));
    b.real("uegr.lambda_js", tr("JS weight:"), 3, 0.1, UEGR_MEMBER(uegr.lambdaJs),
           tr("Weight of the Jensen-Shannon divergence between the K passes (lambda_JS)."));

    b.group(tr("UEGR backward stage"));
    b.real("uegr.max_grad_norm", tr("Gradient clipping:"), 3, 0.1, UEGR_MEMBER(uegr.maxGradNorm),
           tr("Global gradient norm is clipped to this value."));
    b.choice("uegr.saliency", tr("Saliency:"), {"taylor", "fisher", "gradient"}, UEGR_MEMBER(uegr.saliency),
             tr("Parameter score: |weight x gradient| (taylor), squared gradient (fisher) or |gradient|."));
    b.real("uegr.saliency_ema", tr("Saliency EMA:"), 3, 0.05, UEGR_MEMBER(uegr.saliencyEma),
           tr("Smoothing of saliency across steps; 0 uses this step only."));
    b.stringList("uegr.mask_exempt", tr("Never masked:"), UEGR_MEMBER(uegr.maskExempt),
                 tr("Parameters whose names contain one of these words are always updated."));
    b.real("uegr.keep_ratio", tr("Keep ratio:"), 3, 0.05, UEGR_MEMBER(uegr.keepRatio),
           tr("Share of eligible parameter elements updated each step, the most salient first (rho)."));
    b.choice("uegr.mask_rank", tr("Mask ranking:"), {"global", "per_tensor"}, UEGR_MEMBER(uegr.maskRank),
             tr("Rank saliency across all eligible tensors or within each tensor."));
    b.integer("uegr.mask_every", tr("Mask every:"), UEGR_MEMBER(uegr.maskEvery),
              tr("Recompute the mask every this many steps."));
    b.real("uegr.mask_warmup_ratio", tr("Mask warm-up ratio:"), 3, 0.05, UEGR_MEMBER(uegr.maskWarmupRatio),
           tr("Share of all steps that update every parameter before masking starts."));
    b.choice("uegr.mask_mode", tr("Mask mode:"), {"hard", "soft"}, UEGR_MEMBER(uegr.maskMode),
             tr("hard: masked elements do not move at all; soft: only their gradient is zeroed."));

    b.group(tr("Evaluation"));
    b.integer("eval.every_steps", tr("Evaluate every:"), UEGR_MEMBER(eval.everySteps),
              tr("Steps between dev evaluations; 0 evaluates after every epoch."), tr("every epoch"));
    b.integer("eval.batch_size", tr("Batch size:"), UEGR_MEMBER(eval.batchSize),
              tr("Examples per evaluation batch."));
    b.choice("eval.select_by", tr("Select best by:"), {"accuracy", "macro_f1", "mcc"},
             UEGR_MEMBER(eval.selectBy), tr("Dev metric that picks the best model."));

    b.group(tr("Output"));
    b.text("output.dir", tr("Run folder:"), UEGR_MEMBER(output.dir),
           tr("Folder for the run's files; empty makes runs/<date>-<time>-<method>."),
           tr("runs/<date>-<time>-<method>"));
    b.integer("output.checkpoint_every_steps", tr("Checkpoint every:"),
              UEGR_MEMBER(output.checkpointEverySteps),
              tr("Steps between checkpoints; 0 writes one at every evaluation."), tr("every evaluation"));
    b.integer("output.keep_checkpoints", tr("Checkpoints kept:"), UEGR_MEMBER(output.keepCheckpoints),
              tr("Older checkpoints beyond this count are deleted."));
    b.integer("output.log_every_steps", tr("Log every:"), UEGR_MEMBER(output.logEverySteps),
              tr("Steps between log lines of the command-line tool."));
    b.integer("output.saliency_every_steps", tr("Saliency snapshot every:"),
              UEGR_MEMBER(output.saliencyEverySteps),
              tr("Steps between saliency snapshots; 0 takes them only on request."), tr("on request"));

    b.group(tr("Robustness checks during training"));
    b.integer(
        "robustness.every_epochs", tr("Check every (epochs):"), UEGR_MEMBER(robustness.everyEpochs),
        tr("Attack a copy of the model after every N-th epoch, beside training; 0 turns the checks off."),
        tr("off"));
    b.choice("robustness.attack", tr("Attack:"), {"charswap", "wordnet", "pgd"},
             UEGR_MEMBER(robustness.attack),
             tr("charswap: character edits; wordnet: synonym substitution; pgd: gradient attack on the word "
                "embeddings."));
    b.integer("robustness.examples", tr("Dev examples:"), UEGR_MEMBER(robustness.examples),
              tr("How many dev examples each check attacks, from the start of the dev split."));
    b.integer("robustness.budget", tr("Query budget:"), UEGR_MEMBER(robustness.budget),
              tr("charswap and wordnet: model queries per example."));
    b.real("robustness.pgd_epsilon", tr("PGD epsilon:"), 4, 0.01, UEGR_MEMBER(robustness.pgdEpsilon),
           tr("pgd: radius of the L2 ball, relative to each example's embedding norm."));
    layout->addStretch(1);

    setConfig(RunConfig{});
    for (std::size_t i = 0; i < fields_.size(); ++i) watch(i);
}

#undef UEGR_MEMBER

void ConfigForm::watch(std::size_t field) {
    QWidget* editor = fields_[field].editor;
    auto changed = [this, field] { commit(field); };
    if (auto* spin = qobject_cast<QSpinBox*>(editor))
        connect(spin, &QSpinBox::valueChanged, this, changed);
    else if (auto* spin = qobject_cast<QDoubleSpinBox*>(editor))
        connect(spin, &QDoubleSpinBox::valueChanged, this, changed);
    else if (auto* box = qobject_cast<QCheckBox*>(editor))
        connect(box, &QCheckBox::toggled, this, changed);
    else if (auto* combo = qobject_cast<QComboBox*>(editor))
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    else
        connect(qobject_cast<QLineEdit*>(editor), &QLineEdit::editingFinished, this, changed);
}

void ConfigForm::commit(std::size_t field) {
    if (applying_) return;
    Field& f = fields_[field];
    const QVariant after = editorValue(f.editor);
    if (after == f.committed) return;
    const QVariant before = std::exchange(f.committed, after);
    Q_EMIT edited(static_cast<int>(field), before, after);
}

RunConfig ConfigForm::config() const {
    RunConfig config;
    for (const Field& field : fields_) field.write(config, editorValue(field.editor));
    return config;
}

void ConfigForm::setConfig(const RunConfig& config) {
    for (std::size_t i = 0; i < fields_.size(); ++i) setValue(static_cast<int>(i), fields_[i].read(config));
}

int ConfigForm::fieldIndex(const QString& key) const {
    for (std::size_t i = 0; i < fields_.size(); ++i)
        if (fields_[i].key == key) return static_cast<int>(i);
    return -1;
}

QWidget* ConfigForm::editor(const QString& key) const {
    const int field = fieldIndex(key);
    return field < 0 ? nullptr : fields_[static_cast<std::size_t>(field)].editor;
}

QVariant ConfigForm::value(int field) const {
    return editorValue(fields_[static_cast<std::size_t>(field)].editor);
}

void ConfigForm::setValue(int field, const QVariant& value) {
    Field& f = fields_[static_cast<std::size_t>(field)];
    applying_ = true;
    setEditorValue(f.editor, value);
    applying_ = false;
    f.committed = editorValue(f.editor);
}

}  // namespace uegr::studio
