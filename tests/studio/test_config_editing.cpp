// Typing into the configuration form as a person does (select all, type, Tab), and the form's
// limits against the CLI's validation table.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtTest/QtTest>
#include <cmath>

#include "config/numeric_ranges.h"
#include "config_form.h"
#include "config_page.h"
#include "config_presets.h"

using namespace uegr::studio;

namespace {

bool inRange(const uegr::NumericRange& range, double value) {
    const bool aboveLow = range.lowInclusive ? value >= range.low : value > range.low;
    const bool belowHigh = range.highInclusive ? value <= range.high : value < range.high;
    return aboveLow && belowHigh;
}

}  // namespace

class TestConfigEditing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        page_ = std::make_unique<ConfigPage>();
        page_->show();
        page_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(page_.get()));
    }
    void cleanup() { page_.reset(); }

    void typedValueCommitsOnTab_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<double>("expected");
        QTest::addColumn<QString>("shown");
        QTest::newRow("dev ratio") << "data.dev_ratio"
                                   << "0.6" << 0.6 << "0.600";
        QTest::newRow("test ratio") << "data.test_ratio"
                                    << "0.15" << 0.15 << "0.150";
        QTest::newRow("test ratio 0.25") << "data.test_ratio"
                                         << "0.25" << 0.25 << "0.250";
        QTest::newRow("model dropout") << "model.dropout"
                                       << "0.25" << 0.25 << "0.25";
        QTest::newRow("keep ratio") << "uegr.keep_ratio"
                                    << "0.35" << 0.35 << "0.350";
        QTest::newRow("learning rate") << "training.lr"
                                       << "0.0003" << 0.0003 << "0.0003000";
        QTest::newRow("lambda js") << "uegr.lambda_js"
                                   << "2.5" << 2.5 << "2.500";
        QTest::newRow("epochs") << "training.epochs"
                                << "12" << 12.0 << "12";
        QTest::newRow("batch size") << "training.batch_size"
                                    << "128" << 128.0 << "128";
    }

    void typedValueCommitsOnTab() {
        QFETCH(QString, key);
        QFETCH(QString, typed);
        QFETCH(double, expected);
        QFETCH(QString, shown);
        auto* spin = qobject_cast<QAbstractSpinBox*>(page_->form().editor(key));
        QVERIFY(spin);
        typeInto(spin, typed);
        QCOMPARE(spin->text(), shown);
        const int field = page_->form().fieldIndex(key);
        QVERIFY(qAbs(page_->form().value(field).toDouble() - expected) < 1e-12);
        QCOMPARE(page_->undoStack()->count(), 1);
    }

    void typedValuesReachTheConfigAndUndoOneByOne() {
        typeInto(page_->form().editor(QStringLiteral("data.dev_ratio")), QStringLiteral("0.6"));
        typeInto(page_->form().editor(QStringLiteral("data.test_ratio")), QStringLiteral("0.15"));
        typeInto(page_->form().editor(QStringLiteral("data.test_ratio")), QStringLiteral("0.25"));
        QCOMPARE(page_->config().data.devRatio, 0.6);
        QCOMPARE(page_->config().data.testRatio, 0.25);
        QCOMPARE(page_->undoStack()->count(), 3);  // one step per committed edit
        page_->undoStack()->undo();
        QCOMPARE(page_->config().data.testRatio, 0.15);
        page_->undoStack()->undo();
        QCOMPARE(page_->config().data.testRatio, 0.1);
        QCOMPARE(page_->config().data.devRatio, 0.6);
    }

    // Numbers sit in boxes their size, not stretched across the form.
    void spinBoxesKeepTheirWidth() {
        page_->resize(1280, 800);
        QTest::qWait(50);
        QWidget* vocabulary = page_->form().editor(QStringLiteral("data.max_vocab"));
        QWidget* trainingFile = page_->form().editor(QStringLiteral("data.train"));
        QVERIFY2(vocabulary->width() < 300, qPrintable(QString::number(vocabulary->width())));
        QVERIFY(trainingFile->width() > 600);  // paths still take the room they need
    }

    // Choosing the model type with the keyboard enables the keys that type reads, disables the
    // others and says in their tooltip when they apply.
    void keysOfOtherModelTypesAreDisabled() {
        auto* type = qobject_cast<QComboBox*>(page_->form().editor(QStringLiteral("model.type")));
        QWidget* heads = page_->form().editor(QStringLiteral("model.num_heads"));
        QWidget* filters = page_->form().editor(QStringLiteral("model.num_filters"));
        QCOMPARE(type->currentText(), QStringLiteral("textcnn"));
        QVERIFY(!heads->isEnabled());
        QVERIFY2(heads->toolTip().contains(QStringLiteral("Only read with model type transformer")),
                 qPrintable(heads->toolTip()));
        QVERIFY(filters->isEnabled());

        type->setFocus();
        QTest::keyClick(type, Qt::Key_Down);  // bilstm
        QTest::keyClick(type, Qt::Key_Down);  // transformer
        QCOMPARE(page_->config().model.type, std::string("transformer"));
        QVERIFY(heads->isEnabled());
        QVERIFY(!heads->toolTip().contains(QStringLiteral("Only read")));
        QVERIFY(!filters->isEnabled());
        QVERIFY(!page_->form().editor(QStringLiteral("training.rdrop_alpha"))->isEnabled());  // method uegr
    }

    // The preset box names the preset the configuration is at: after Apply, after Undo, and
    // "Custom" once a knob moves off every preset.
    void presetBoxFollowsEditsAndUndo() {
        auto* presets = page_->findChild<QComboBox*>(QStringLiteral("presets"));
        QCOMPARE(presets->currentText(), presetName(Preset::Uegr));
        presets->setCurrentIndex(presets->findData(static_cast<int>(Preset::Vanilla)));
        QTest::mouseClick(page_->findChild<QPushButton*>(QStringLiteral("applyPreset")), Qt::LeftButton);
        QCOMPARE(page_->config().training.method, std::string("vanilla"));
        QCOMPARE(presets->currentText(), presetName(Preset::Vanilla));

        page_->undoStack()->undo();
        QCOMPARE(page_->config().training.method, std::string("uegr"));
        QCOMPARE(presets->currentText(), presetName(Preset::Uegr));

        typeInto(page_->form().editor(QStringLiteral("uegr.keep_ratio")), QStringLiteral("0.35"));
        QCOMPARE(presets->currentText(), QStringLiteral("Custom"));
        QVERIFY(!page_->findChild<QPushButton*>(QStringLiteral("applyPreset"))->isEnabled());
        page_->undoStack()->undo();
        QCOMPARE(presets->currentText(), presetName(Preset::Uegr));
    }

    // Each editor offers exactly the values the CLI accepts, to its displayed precision.
    void editorLimitsMatchTheValidationTable() {
        for (const uegr::NumericRange& range : uegr::numericRanges()) {
            if (range.key == "model.kernel_sizes") continue;  // a list, edited as text
            const QString key = QString::fromStdString(range.key);
            QWidget* editor = page_->form().editor(key);
            QVERIFY2(editor, qPrintable(key));
            double minimum = 0, maximum = 0, step = 1;
            if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
                minimum = spin->minimum();
                maximum = spin->maximum();
            } else {
                auto* real = qobject_cast<QDoubleSpinBox*>(editor);
                QVERIFY2(real, qPrintable(key));
                minimum = real->minimum();
                maximum = real->maximum();
                step = std::pow(10.0, -real->decimals());
            }
            QVERIFY2(inRange(range, minimum), qPrintable(key));
            QVERIFY2(!inRange(range, minimum - step), qPrintable(key));
            QVERIFY2(inRange(range, maximum), qPrintable(key));
            if (!std::isinf(range.high)) QVERIFY2(!inRange(range, maximum + step), qPrintable(key));
        }
    }

private:
    // Selects the editor's whole text, types `text` key by key and leaves with Tab.
    static void typeInto(QWidget* editor, const QString& text) {
        editor->setFocus(Qt::TabFocusReason);
        QVERIFY(editor->hasFocus());
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Tab);
        QVERIFY(!editor->hasFocus());
    }

    std::unique_ptr<ConfigPage> page_;
};

QTEST_MAIN(TestConfigEditing)
#include "test_config_editing.moc"
