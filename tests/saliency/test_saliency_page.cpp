// The studio's Saliency page with a real model: a TextCNN trained with the CLI for three steps on
// the tiny fixture (a checkpoint after each), opened from its run folder and from its checkpoints; token
// spans, labels, the parameter heatmap (from a hand-made snapshot, from the model, and from a live
// run) and its hover and click behaviour.
#include <torch/serialize.h>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QtTest/QtTest>
#include <filesystem>
#include <fstream>

#include "main_window.h"
#include "model/model_bundle.h"
#include "parameter_heatmap.h"
#include "qcustomplot_include.h"
#include "saliency_colours.h"
#include "saliency_page.h"
#include "support/tiny_run.h"
#include "token_saliency_view.h"
#include "training_session.h"
#include "translations.h"
#include "util/error.h"

using namespace uegr::studio;

namespace {

// The shared tiny run for the live run, evaluated once at the end (that writes model/).
uegr::RunConfig tinyConfig(const QString& runDir, int epochs) {
    uegr::RunConfig config = uegr::testing::tinyRunConfig(runDir);
    config.training.epochs = epochs;
    config.eval.everySteps = 1000000;
    return config;
}

struct ColouredSpan {
    QString text;
    QColor background;
};

// The token view's document as a user sees it: every fragment that has a background colour.
QVector<ColouredSpan> colouredSpans(const QTextDocument& document) {
    QVector<ColouredSpan> spans;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
            const QTextCharFormat format = fragment.fragment().charFormat();
            if (format.background().style() != Qt::NoBrush)
                spans.push_back({fragment.fragment().text(), format.background().color()});
        }
    return spans;
}

uegr::SaliencyTensorMap tensorMap(const std::string& layer, const std::string& tensor,
                                  std::vector<std::int64_t> shape, int rows, int cols,
                                  std::vector<float> values, std::vector<float> kept) {
    uegr::SaliencyTensorMap map;
    map.layer = layer;
    map.tensor = tensor;
    map.shape = std::move(shape);
    map.rows = rows;
    map.cols = cols;
    map.values = std::move(values);
    map.keptFraction = std::move(kept);
    return map;
}

// Whether the weights in a checkpoint's model.pt are those of the run's model bundle, read here
// without SaliencySource: the bundle loaded twice, one copy overwritten from the checkpoint.
bool checkpointHasTheBundlesWeights(const QString& runDir, const QString& checkpointDir) {
    const std::string bundleDir = (runDir + QStringLiteral("/model")).toStdString();
    const uegr::ModelBundle bundle = uegr::loadModelBundle(bundleDir);
    const uegr::ModelBundle fromCheckpoint = uegr::loadModelBundle(bundleDir);
    torch::serialize::InputArchive archive;
    archive.load_from((checkpointDir + QStringLiteral("/model.pt")).toStdString(),
                      torch::Device(torch::kCPU));
    fromCheckpoint.model->load(archive);
    const auto expected = bundle.model->named_parameters();
    const auto actual = fromCheckpoint.model->named_parameters();
    for (const auto& parameter : expected)
        if (!torch::equal(parameter.value(), actual[parameter.key()])) return false;
    return true;
}

QPoint pointIn(const QRect& rect, double x, double y) {
    return QPoint(rect.left() + static_cast<int>(x * rect.width()),
                  rect.top() + static_cast<int>(y * rect.height()));
}

}  // namespace

class TestSaliencyPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        runDir_ = dir_.filePath(QStringLiteral("run"));
        uegr::testing::TinyRunOptions options;
        options.method = QStringLiteral("uegr");
        options.epochs = 1;  // evaluated once, at step 3: that writes model/
        options.checkpointEverySteps = 1;
        options.keepCheckpoints = 3;  // keep step-1, step-2 and step-3
        const uegr::testing::CliResult trained = uegr::testing::trainTinyRun(runDir_, options);
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        QFile summary(runDir_ + QStringLiteral("/summary.json"));
        QVERIFY(summary.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(summary.readAll()).object().value(QStringLiteral("steps")).toInt(),
                 3);
        QVERIFY(QFileInfo::exists(runDir_ + QStringLiteral("/model/model.safetensors")));
    }

    void mainWindowShowsTheSaliencyPage() {
        MainWindow window;
        QVERIFY(window.findChild<SaliencyPage*>(QStringLiteral("saliencyPage")));
    }

    void germanTranslation() {
        const QList<QTranslator*> before = qApp->findChildren<QTranslator*>();
        QVERIFY(installTranslators(*qApp, QLocale(QLocale::German, QLocale::Germany)));
        {
            SaliencyPage page;
            QCOMPARE(page.findChild<QPushButton*>(QStringLiteral("computeSnapshot"))->text(),
                     QStringLiteral("Aus dem Modell &berechnen"));
            QCOMPARE(page.findChild<QCheckBox*>(QStringLiteral("signedScale"))->text(),
                     QStringLiteral("Vorzeichenbehaftete Skala"));
            QCOMPARE(page.findChild<QPushButton*>(QStringLiteral("openSaliencyModel"))->text(),
                     QStringLiteral("Lauf, Checkpoint oder Bundle ö&ffnen…"));
        }
        for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
            if (before.contains(translator)) continue;
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

    void tokenViewColoursEveryTokenAndShowsTheLabels() {
        SaliencyPage page;
        QSignalSpy opened(&page, &SaliencyPage::opened);
        QSignalSpy explained(page.tokenView(), &TokenSaliencyView::explained);
        page.openFolder(runDir_);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
        QVERIFY(opened.first().at(0).toString().endsWith(QStringLiteral("model")));
        const auto source = page.source();
        QCOMPARE(source->examples().size(), std::size_t(12));  // the dev quarter of 48 rows
        QCOMPARE(source->labels(), (QStringList{QStringLiteral("neg"), QStringLiteral("pos")}));
        QTRY_COMPARE_WITH_TIMEOUT(explained.size(), 1, 20000);  // the first example, automatically

        const TokenSaliencyResult& result = *page.tokenView()->result();
        // The tokens as the example spells them: case kept, no word shown as <unk>.
        const QStringList words = source->examples()[0].text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QCOMPARE(result.tokens, words);

        const QVector<ColouredSpan> spans = colouredSpans(*page.tokenView()->textView()->document());
        QCOMPARE(spans.size(), result.tokens.size());
        double scale = 0;
        for (double score : result.scores) scale = std::max(scale, std::abs(score));
        QVERIFY(scale > 0);
        for (int i = 0; i < spans.size(); ++i) {
            QCOMPARE(spans[i].text, result.tokens[i]);
            QCOMPARE(spans[i].background, saliencyColour(result.scores[i], scale, true, 1.0));
        }

        double probabilitySum = 0;
        for (double probability : result.probabilities) probabilitySum += probability;
        QVERIFY(std::abs(probabilitySum - 1) < 1e-6);
        QCOMPARE(result.target, result.predicted);
        const QString predicted = source->labels()[result.predicted];
        const QString text = page.tokenView()->predictionText();
        QVERIFY2(text.contains(QStringLiteral("Predicted: %1").arg(predicted)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("True: %1").arg(source->examples()[0].trueLabel)),
                 qPrintable(text));

        // Recolouring does not recompute.
        page.tokenView()->setGamma(0.5);
        page.tokenView()->setSignedScale(false);
        QVERIFY(!page.tokenView()->isComputing());
        const QVector<ColouredSpan> recoloured = colouredSpans(*page.tokenView()->textView()->document());
        QCOMPARE(recoloured.size(), spans.size());
        for (int i = 0; i < spans.size(); ++i)
            QCOMPARE(recoloured[i].background, saliencyColour(result.scores[i], scale, false, 0.5));
        QCOMPARE(explained.size(), 1);
    }

    void integratedGradientsAndTypedText() {
        SaliencyPage page;
        QSignalSpy opened(&page, &SaliencyPage::opened);
        QSignalSpy explained(page.tokenView(), &TokenSaliencyView::explained);
        page.openFolder(runDir_ + QStringLiteral("/model"));  // the bundle inside the run: same examples
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
        QCOMPARE(page.source()->examples().size(), std::size_t(12));
        QTRY_COMPARE_WITH_TIMEOUT(explained.size(), 1, 20000);

        page.tokenView()->setMethod(TokenSaliencyMethod::IntegratedGradients, 128);
        QTRY_COMPARE_WITH_TIMEOUT(explained.size(), 2, 20000);
        const TokenSaliencyResult& result = *page.tokenView()->result();
        double total = 0;
        for (double score : result.scores) total += score;
        const double difference = result.targetLogit - result.baselineLogit;
        QVERIFY2(std::abs(total - difference) < 0.02 * std::abs(difference) + 1e-4,
                 qPrintable(QStringLiteral("%1 vs %2").arg(total).arg(difference)));
        QVERIFY(page.tokenView()->statusText().contains(QStringLiteral("completeness gap")));

        // Typed text keeps its spelling; "Zyzzyvas" is not in the vocabulary (the model reads <unk>).
        page.tokenView()->explainText(QStringLiteral("Awful BORING Zyzzyvas film"));
        QTRY_COMPARE_WITH_TIMEOUT(explained.size(), 3, 20000);
        QCOMPARE(page.tokenView()->result()->tokens,
                 (QStringList{QStringLiteral("Awful"), QStringLiteral("BORING"), QStringLiteral("Zyzzyvas"),
                              QStringLiteral("film")}));
        QCOMPARE(colouredSpans(*page.tokenView()->textView()->document()).size(), 4);
        QVERIFY(!page.tokenView()->predictionText().contains(QStringLiteral("True:")));
    }

    // A bundle outside its run explains the Dataset page's data: a multi-line quote is listed on
    // one line, cut after a whole word, with the whole text as the item's tooltip.
    void multiLineExamplesAreListedOnOneLine() {
        const QString bundle = dir_.filePath(QStringLiteral("loose-bundle"));
        std::filesystem::copy((runDir_ + QStringLiteral("/model")).toStdString(), bundle.toStdString(),
                              std::filesystem::copy_options::recursive);
        const QString quote =
            QStringLiteral("Fraud is the homage\nthat force pays to reason.\n\t\t-- Curtis");
        const QString longText = QStringLiteral("good ").repeated(30).trimmed();
        const QString csv = dir_.filePath(QStringLiteral("quotes.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("text,label\n\"%1\",pos\n%2,neg\n").arg(quote, longText).toUtf8());
        file.close();
        uegr::DataConfig data;
        data.train = data.dev = csv.toStdString();
        SaliencyPage page;
        page.setDataSource([data] { return data; });
        QSignalSpy opened(&page, &SaliencyPage::opened);
        page.openFolder(bundle);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
        auto* examples = page.tokenView()->findChild<QComboBox*>(QStringLiteral("example"));
        QCOMPARE(examples->count(), 2);
        QCOMPARE(examples->itemText(0),
                 QStringLiteral("1: Fraud is the homage that force pays to reason. -- Curtis"));
        QCOMPARE(examples->itemData(0, Qt::ToolTipRole).toString(), quote);
        const QString cut = examples->itemText(1);
        QVERIFY2(cut.endsWith(QStringLiteral("good…")) && cut.size() < longText.size(), qPrintable(cut));
    }

    // Compare With: a second model (here the run's step-1 checkpoint) explains, beside the first,
    // the example shown and then a text the user types, until Stop Comparing is clicked.
    void comparesTwoModelsOnTheSameText() {
        SaliencyPage page;
        page.show();
        QSignalSpy opened(&page, &SaliencyPage::opened);
        QSignalSpy explained(page.tokenView(), &TokenSaliencyView::explained);
        auto* compare = page.findChild<QPushButton*>(QStringLiteral("compareSaliencyModel"));
        QVERIFY(compare && !compare->isEnabled());  // nothing open to compare with
        page.openFolder(runDir_);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(explained.size(), 1, 20000);
        QVERIFY(compare->isEnabled());
        QVERIFY(!page.compareView()->isVisible());
        const int aloneWidth = page.minimumSizeHint().width();

        page.compareWith(runDir_ + QStringLiteral("/checkpoints/step-1"));
        QTRY_VERIFY_WITH_TIMEOUT(page.isComparing(), 20000);
        QVERIFY(page.compareView()->isVisible());
        // The compared view follows the first one's example, method and colours, so it shows only
        // the class input: side by side, both fit a 1280-pixel screen beside the studio's sidebar.
        for (const char* followed : {"example", "method"})
            QVERIFY(!page.compareView()->findChild<QComboBox*>(QLatin1String(followed))->isVisible());
        QVERIFY(!page.compareView()->findChild<QCheckBox*>(QStringLiteral("signedScale"))->isVisible());
        QVERIFY(page.compareView()->findChild<QComboBox*>(QStringLiteral("target"))->isVisible());
        const int comparingWidth = page.minimumSizeHint().width();
        QVERIFY2(
            comparingWidth <= 1000,
            qPrintable(QStringLiteral("%1 px alone, %2 px comparing").arg(aloneWidth).arg(comparingWidth)));
        QTest::mouseClick(page.tokenView()->findChild<QCheckBox*>(QStringLiteral("signedScale")),
                          Qt::LeftButton);
        QVERIFY(!page.compareView()->signedScale());
        page.tokenView()->findChild<QSlider*>(QStringLiteral("gamma"))->setValue(150);
        QCOMPARE(page.compareView()->gamma(), 1.5);
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("compareModel"))
                    ->toolTip()
                    .endsWith(QStringLiteral("checkpoints/step-1")));
        QTRY_VERIFY_WITH_TIMEOUT(page.compareView()->result() && !page.compareView()->isComputing(), 20000);
        QCOMPARE(page.compareView()->shownExample(), page.tokenView()->shownExample());
        QCOMPARE(page.compareView()->result()->tokens, page.tokenView()->result()->tokens);
        // Step 1's weights are not the final ones: the same tokens get other attributions.
        QVERIFY(page.compareView()->result()->scores != page.tokenView()->result()->scores);

        auto* typed = page.tokenView()->findChild<QLineEdit*>(QStringLiteral("customText"));
        typed->clear();
        QTest::keyClicks(typed, QStringLiteral("Awful BORING film"));
        QTest::keyClick(typed, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(page.tokenView()->shownText(), QStringLiteral("Awful BORING film"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(page.compareView()->shownText(), QStringLiteral("Awful BORING film"),
                                  20000);
        QTRY_VERIFY_WITH_TIMEOUT(!page.compareView()->isComputing(), 20000);
        QCOMPARE(page.compareView()->result()->tokens,
                 (QStringList{QStringLiteral("Awful"), QStringLiteral("BORING"), QStringLiteral("film")}));

        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("stopComparing")), Qt::LeftButton);
        QVERIFY(!page.isComparing());
        QVERIFY(!page.compareView()->isVisible());
    }

    void openingSomethingElseFails() {
        SaliencyPage page;
        QSignalSpy failed(&page, &SaliencyPage::openFailed);
        page.openFolder(dir_.path());  // holds a run folder, but is none itself
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
        QVERIFY(failed.first().at(0).toString().contains(
            QStringLiteral("neither a run folder, a run's checkpoint nor a model bundle")));
        QVERIFY(!page.source());
    }

    void heatmapHasOneTilePerTensorAndAnswersHover() {
        uegr::SaliencySnapshot snapshot;
        snapshot.step = 7;
        snapshot.tensors.push_back(
            tensorMap("embeddings", "embeddings.weight", {10, 4}, 2, 2, {1, 2, 3, 4}, {1, 1, 0.5f, 0.25f}));
        snapshot.tensors.push_back(tensorMap("head", "head.weight", {2, 8}, 2, 4, {0, 1, 2, 3, 4, 5, 6, 7},
                                             std::vector<float>(8, 1)));
        snapshot.tensors.push_back(tensorMap("head", "head.bias", {2}, 1, 2, {0.5f, 0.25f}, {1, 1}));
        ParameterHeatmap heatmap;
        heatmap.resize(900, 500);
        heatmap.show();
        QVERIFY(QTest::qWaitForWindowExposed(&heatmap));
        heatmap.setSnapshot(snapshot, QStringLiteral("test"));
        QCOMPARE(heatmap.tileCount(), 3);
        QCOMPARE(heatmap.plot()->plottableCount(), 3);

        for (int tile = 0; tile < 3; ++tile) {
            const ParameterHeatmap::Hit hit = heatmap.hitAt(heatmap.tileRect(tile).center());
            QCOMPARE(hit.tile, tile);
            QVERIFY(heatmap.describe(hit).contains(QString::fromStdString(snapshot.tensors[tile].tensor)));
        }
        // Layers are rows: the two head tensors sit side by side below the embeddings.
        QVERIFY(heatmap.tileRect(1).top() > heatmap.tileRect(0).bottom());
        QCOMPARE(heatmap.tileRect(1).top(), heatmap.tileRect(2).top());
        QVERIFY(heatmap.tileRect(2).left() > heatmap.tileRect(1).right());

        const QRect embeddings = heatmap.tileRect(0);
        const ParameterHeatmap::Hit topLeft = heatmap.hitAt(pointIn(embeddings, 0.25, 0.25));
        QCOMPARE(topLeft.row, 0);
        QCOMPARE(topLeft.col, 0);
        const ParameterHeatmap::Hit bottomRight = heatmap.hitAt(pointIn(embeddings, 0.75, 0.75));
        QCOMPARE(bottomRight.row, 1);
        QCOMPARE(bottomRight.col, 1);
        const QString text = heatmap.describe(bottomRight);
        QVERIFY2(text.contains(QStringLiteral("Layer: embeddings")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Mean |θ ⊙ g|: 4")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Kept fraction: 0.250")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("elements 5–9 × 2–3")), qPrintable(text));
        const ParameterHeatmap::Hit headCell = heatmap.hitAt(pointIn(heatmap.tileRect(1), 0.6, 0.3));
        QCOMPARE(headCell.row, 0);
        QCOMPARE(headCell.col, 2);
        QVERIFY(heatmap.describe(headCell).contains(QStringLiteral("Mean |θ ⊙ g|: 2\n")));
        QCOMPARE(heatmap.hitAt(QPoint(1, 1)).tile, -1);

        // By default each tensor is scaled to its own maximum: the embeddings' largest cell (4)
        // and the bias's (0.5) both reach the top of the scale.
        auto* colourMap = qobject_cast<QCPColorMap*>(heatmap.plot()->plottable(0));
        auto* biasMap = qobject_cast<QCPColorMap*>(heatmap.plot()->plottable(2));
        QVERIFY(colourMap && biasMap);
        QVERIFY(heatmap.perTensorScale());
        QCOMPARE(colourMap->dataRange(), QCPRange(0, 1));
        QCOMPARE(colourMap->data()->cell(1, 1), 1.0);
        QCOMPARE(colourMap->data()->cell(0, 0), 0.25);
        QCOMPARE(biasMap->data()->cell(0, 0), 1.0);
        QVERIFY(heatmap.describe(bottomRight).contains(QStringLiteral("Mean |θ ⊙ g|: 4")));  // absolute
        heatmap.setLogScale(true);
        QCOMPARE(colourMap->dataRange(), QCPRange(1.0 / 7, 1));  // head.weight: 1 of at most 7
        heatmap.setLogScale(false);

        auto* perTensor = heatmap.findChild<QCheckBox*>(QStringLiteral("perTensorScale"));
        QTest::mouseClick(perTensor, Qt::LeftButton, {}, QPoint(8, perTensor->height() / 2));
        QVERIFY(!heatmap.perTensorScale());
        QCOMPARE(colourMap->dataRange(), QCPRange(0, 7));  // shared: the largest value of any tensor
        QCOMPARE(colourMap->data()->cell(1, 1), 4.0);
        QCOMPARE(biasMap->data()->cell(0, 0), 0.5);
        heatmap.setLogScale(true);
        QCOMPARE(colourMap->dataScaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(colourMap->dataRange(), QCPRange(0.25, 7));  // the smallest positive value

        QSignalSpy clicked(&heatmap, &ParameterHeatmap::tileClicked);
        QTest::mouseClick(heatmap.plot(), Qt::LeftButton, {}, heatmap.tileRect(2).center());
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.first().at(0).toInt(), 2);
        auto* dialog = heatmap.findChild<QDialog*>(QStringLiteral("tensorDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->windowTitle().contains(QStringLiteral("head.bias")));
        dialog->close();
    }

    void heatmapFromTheModel() {
        SaliencyPage page;
        QSignalSpy opened(&page, &SaliencyPage::opened);
        QSignalSpy shown(&page, &SaliencyPage::snapshotShown);
        page.openFolder(runDir_);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
        page.computeSnapshot();
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 20000);
        const ParameterHeatmap& heatmap = *page.heatmap();
        QCOMPARE(heatmap.tileCount(), 7);
        QVERIFY2(heatmap.caption().contains(QStringLiteral(", 12 examples: 7 tensors in 4 layers")),
                 qPrintable(heatmap.caption()));  // asked for 32; the dev split has 12
        QStringList names;
        for (const auto& map : heatmap.snapshot().tensors) names << QString::fromStdString(map.tensor);
        names.sort();
        QCOMPARE(names, (QStringList{"conv0.bias", "conv0.weight", "conv1.bias", "conv1.weight",
                                     "embeddings.weight", "head.bias", "head.weight"}));
        double total = 0;
        for (const auto& map : heatmap.snapshot().tensors)
            for (float value : map.values) total += value;
        QVERIFY(total > 0);
    }

    void opensACheckpointWithThatStepsWeights() {
        const auto final = SaliencySource::open(runDir_, {});
        const TokenSaliencyResult finalResult =
            final->explainExample(0, TokenSaliencyMethod::GradientTimesInput, 0, -1);
        for (int step : {1, 3}) {
            const QString folder = runDir_ + QStringLiteral("/checkpoints/step-%1").arg(step);
            const auto source = SaliencySource::open(folder, {});
            QCOMPARE(source->checkpointStep(), qint64(step));
            QCOMPARE(source->checkpointFolder(), folder);
            QCOMPARE(source->labels(), final->labels());
            QCOMPARE(source->examplesSplit(), SaliencySource::Split::Dev);
            QCOMPARE(source->examples().size(), final->examples().size());
            QCOMPARE(source->examples()[0].text, final->examples()[0].text);

            // Step 3 is the last step, and its dev result the only (so best) one: the bundle's weights.
            const bool sameWeights = checkpointHasTheBundlesWeights(runDir_, folder);
            QCOMPARE(sameWeights, step == 3);
            const TokenSaliencyResult result =
                source->explainExample(0, TokenSaliencyMethod::GradientTimesInput, 0, -1);
            QCOMPARE(result.tokens, finalResult.tokens);
            if (sameWeights) {
                QCOMPARE(result.scores, finalResult.scores);
                QCOMPARE(result.probabilities, finalResult.probabilities);
            } else {
                QVERIFY(result.scores != finalResult.scores);
                QVERIFY(result.probabilities != finalResult.probabilities);
            }
        }
        QCOMPARE(final->checkpointStep(), qint64(-1));
        QVERIFY(final->checkpointFolder().isEmpty());
    }

    void pageNamesTheCheckpointStep() {
        SaliencyPage page;
        QString statusWhenOpened;
        connect(&page, &SaliencyPage::opened, &page, [&] { statusWhenOpened = page.statusText(); });
        QSignalSpy opened(&page, &SaliencyPage::opened);
        page.openFolder(runDir_ + QStringLiteral("/checkpoints/step-2"));
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
        QVERIFY2(statusWhenOpened.startsWith(QStringLiteral("Weights of the checkpoint of step 2. ")),
                 qPrintable(statusWhenOpened));
        QVERIFY(opened.first().at(0).toString().endsWith(QStringLiteral("model")));
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 20000);
    }

    void corruptCheckpointIsAnErrorNamingModelPt() {
        const QString folder = runDir_ + QStringLiteral("/checkpoints/step-99");
        QVERIFY(QDir().mkpath(folder));
        {
            std::ofstream file((folder + QStringLiteral("/model.pt")).toStdString(), std::ios::binary);
            file << "not a torch archive";
        }
        QString message;
        try {
            SaliencySource::open(folder, {});
        } catch (const uegr::Error& error) {
            message = QString::fromStdString(error.what());
        }
        QVERIFY(QDir(folder).removeRecursively());
        QVERIFY2(message.contains(QStringLiteral("step-99/model.pt")), qPrintable(message));
    }

    void heatmapFromTheLiveRun() {
        SaliencyPage page;
        TrainingSession session;
        session.setCoalescingIntervalMs(10);
        page.setTrainingSession(&session);
        QSignalSpy shown(&page, &SaliencyPage::snapshotShown);
        QSignalSpy finished(&session, &TrainingSession::finished);
        QVERIFY(session.start(tinyConfig(dir_.filePath(QStringLiteral("live")), 2000)));
        page.requestLiveSnapshot();
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 30000);
        QCOMPARE(page.heatmap()->tileCount(), 7);
        QVERIFY(page.heatmap()->caption().startsWith(QStringLiteral("Live run, step ")));
        QVERIFY(!page.findChild<QCheckBox*>(QStringLiteral("followLive"))->isChecked());
        session.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        QCOMPARE(shown.size(), 1);  // no snapshot was asked for again
    }

private:
    QTemporaryDir dir_;
    QString runDir_;
};

QTEST_MAIN(TestSaliencyPage)
#include "test_saliency_page.moc"
