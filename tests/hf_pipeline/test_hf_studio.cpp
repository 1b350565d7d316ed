// The Configuration page's pretrained-model panel on a real folder: what it reads, what it
// warns about, and choosing a folder as an undoable edit.
#include <QLabel>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest/QtTest>

#include "config_form.h"
#include "config_page.h"
#include "pretrained_folder.h"
#include "pretrained_model_panel.h"

using namespace uegr;
using namespace uegr::studio;

namespace {

const QString kFixture = QStringLiteral(UEGR_TEST_DATA_DIR "/hf_pipeline/tiny-bert");

}  // namespace

class TestHfStudio : public QObject {
    Q_OBJECT

private Q_SLOTS:
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
        Q_EMIT panel.folderChosen(kFixture);
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
        QVERIFY(page.form().editor(QStringLiteral("model.hidden_dim"))->isEnabled());
        QVERIFY(!page.form().editor(QStringLiteral("model.path"))->isEnabled());
    }
};

QTEST_MAIN(TestHfStudio)
#include "test_hf_studio.moc"
