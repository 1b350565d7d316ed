// The studio with a pretrained model: the Configuration page's panel on a real folder (what it
// reads, what it warns about, choosing a folder as an undoable edit), and the Saliency and
// Robustness pages on a run fine-tuned from that folder with the CLI.
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest/QtTest>
#include <nlohmann/json.hpp>

#include <fstream>

#include "attack_session.h"
#include "config_form.h"
#include "config_page.h"
#include "parameter_heatmap.h"
#include "pretrained_folder.h"
#include "pretrained_model_panel.h"
#include "robustness_options.h"
#include "robustness_page.h"
#include "saliency_page.h"
#include "support/cli_runner.h"
#include "token_saliency_view.h"

using namespace uegr;
using namespace uegr::studio;

namespace {

const QString kFixture = QStringLiteral(UEGR_TEST_DATA_DIR "/hf_pipeline/tiny-bert");

}  // namespace

class TestHfStudio : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        // A tiny BERT fine-tuned for one epoch on the engine tests' data, as a user would.
        const std::string data = UEGR_TEST_DATA_DIR "/engine/";
        const nlohmann::json config = {
            {"data", {{"train", data + "train.csv"}, {"dev", data + "dev.csv"}, {"max_length", 32}}},
            {"model", {{"type", "hf"}, {"path", kFixture.toStdString()}, {"allow_missing_weights", true}}},
            {"training", {{"method", "uegr"}, {"epochs", 1}, {"batch_size", 16}, {"threads", 1}}},
            {"uegr", {{"passes", 2}}}};
        const QString configPath = workspace_.filePath(QStringLiteral("run.json"));
        std::ofstream(configPath.toStdString()) << config.dump(2);
        runDir_ = workspace_.filePath(QStringLiteral("bert-uegr"));
        const auto trained = uegr::testing::runCli({QStringLiteral("train"), QStringLiteral("--config"),
                                                    configPath, QStringLiteral("--out"), runDir_});
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
    }

    void saliencyPageExplainsWordPiecesOfAPretrainedRun() {
        SaliencyPage page;
        QSignalSpy opened(&page, &SaliencyPage::opened);
        QSignalSpy explained(page.tokenView(), &TokenSaliencyView::explained);
        page.explainTextWith(runDir_, QStringLiteral("the films were boring"));
        QVERIFY(opened.wait(30000) || opened.count() == 1);
        QVERIFY(explained.count() > 0 || explained.wait(30000));
        const auto& result = page.tokenView()->result();
        QVERIFY(result.has_value());
        // The tokenizer's own pieces, [CLS] and [SEP] included, one score each: "films" is
        // film ##s and "were" is not in the 32-token vocabulary.
        QCOMPARE(result->tokens, (QStringList{"[CLS]", "the", "film", "##s", "[UNK]", "boring", "[SEP]"}));
        QCOMPARE(result->scores.size(), result->tokens.size());
        QCOMPARE(result->probabilities.size(), qsizetype(2));

        QSignalSpy snapshot(&page, &SaliencyPage::snapshotShown);
        page.computeSnapshot();
        QVERIFY(snapshot.wait(60000));
        // Every parameter tensor of the BERT classifier has a tile.
        const auto weights = nlohmann::json::parse(
            std::ifstream((runDir_ + QStringLiteral("/model/config.json")).toStdString()));
        QCOMPARE(weights["architectures"][0].get<std::string>(),
                 std::string("BertForSequenceClassification"));
        QVERIFY(page.heatmap()->tileCount() > 20);
    }

    void robustnessPageAttacksAPretrainedRun() {
        RobustnessPage page;
        page.setWorkspace(workspace_.path());
        QCOMPARE(page.runDirs(), QStringList{runDir_});
        page.options()->setAttackChecked(QStringLiteral("pgd"), true);
        page.options()->setAttackChecked(QStringLiteral("charswap"), true);
        page.options()->setAttackChecked(QStringLiteral("wordnet"), false);
        page.options()->setSampleSize(6);
        page.options()->setQueryBudget(30);
        QSignalSpy finished(&page.session(), &AttackSession::finished);
        QVERIFY(page.startAttacks());
        QVERIFY(finished.wait(120000));
        QCOMPARE(page.results().size(), std::size_t{2});
        for (const RunAttackResult& result : page.results()) {
            QCOMPARE(result.runDir, runDir_);
            QCOMPARE(result.records.size(), std::size_t{6});
        }
    }

    void describesTheFolder() {
        RunConfig config;
        config.model.type = "hf";
        config.model.path = kFixture.toStdString();
        const PretrainedFolderSummary summary = describePretrainedFolder(kFixture, config);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.architecture, QStringLiteral("bert"));
        QCOMPARE(summary.layers, 2);
        QCOMPARE(summary.hiddenSize, 16);
        QCOMPARE(summary.heads, 2);
        QCOMPARE(summary.maxPositions, 64);
        QCOMPARE(summary.tokenizer, QStringLiteral("wordpiece"));
        QCOMPARE(summary.vocabSize, qint64(32));
        QVERIFY(!summary.hasWeights);
        QVERIFY(summary.parameters > 0);
        QVERIFY(summary.estimatedCpuStepSeconds > 0);
    }

    void namesTheProblemWithABadFolder() {
        const PretrainedFolderSummary summary =
            describePretrainedFolder(QStringLiteral(UEGR_TEST_DATA_DIR), {});
        QVERIFY(summary.error.contains(QStringLiteral("not a Hugging Face model folder")));
    }

    void panelWarnsAboutMissingWeightsAndChoosingIsUndoable() {
        ConfigPage page;
        PretrainedModelPanel& panel = page.pretrainedPanel();
        QVERIFY(panel.isHidden());  // textcnn by default

        QSignalSpy ready(&panel, &PretrainedModelPanel::summaryReady);
        QCOMPARE(page.config().training.lr, 1e-3);
        // The Pretrained Model button is always in view; the panel shows once a folder is chosen.
        auto* button = page.findChild<QPushButton*>(QStringLiteral("choosePretrained"));
        QVERIFY(button && button->isEnabled());
        page.usePretrainedFolder(kFixture);
        QCOMPARE(page.config().model.type, std::string("hf"));
        QCOMPARE(page.config().training.lr, 2e-5);  // the from-scratch default followed the model
        QCOMPARE(page.config().model.path, kFixture.toStdString());
        QVERIFY(!panel.isHidden());
        QVERIFY(ready.wait(20000));
        QCOMPARE(panel.summary().architecture, QStringLiteral("bert"));
        auto* warning = panel.findChild<QLabel*>(QStringLiteral("pretrainedWarning"));
        QVERIFY(warning && !warning->isHidden());
        QVERIFY(warning->text().contains(QStringLiteral("model.safetensors")));

        QVERIFY(!page.form().editor(QStringLiteral("model.hidden_dim"))->isEnabled());
        QVERIFY(!page.form().editor(QStringLiteral("data.max_vocab"))->isEnabled());
        QVERIFY(page.form().editor(QStringLiteral("model.path"))->isEnabled());
        QVERIFY(page.form().editor(QStringLiteral("data.max_length"))->isEnabled());

        // A rate the user set stays, with a warning on the page when it is far from the usual.
        RunConfig edited = page.config();
        edited.training.lr = 1e-3;
        page.setConfig(edited, QStringLiteral("lr"));
        auto* status = page.findChild<QLabel*>(QStringLiteral("configStatus"));
        QVERIFY(status && status->text().contains(QStringLiteral("is high for fine-tuning")));
        page.undoStack()->undo();
        QVERIFY(status->text().contains(QStringLiteral("The configuration is valid.")));

        page.undoStack()->undo();
        QCOMPARE(page.config().model.type, std::string("textcnn"));
        QCOMPARE(page.config().training.lr, 1e-3);
        QVERIFY(panel.isHidden());
        QVERIFY(
            page.form().editor(QStringLiteral("model.embedding_dim"))->isEnabled());  // from scratch again
        QVERIFY(!page.form().editor(QStringLiteral("model.path"))->isEnabled());
    }

private:
    QTemporaryDir workspace_;
    QString runDir_;
};

QTEST_MAIN(TestHfStudio)
#include "test_hf_studio.moc"
