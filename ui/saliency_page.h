#pragma once
// The Saliency page: explains a trained model. Tokens tab: which words drive a prediction
// (TokenSaliencyView). Parameters tab: where |θ ⊙ g| sits in the network (ParameterHeatmap),
// from the live run (TrainingSession::requestSaliency) or computed from the opened model on a
// batch of its examples. The model is opened from a run folder or a bundle on a worker thread
// and used only there; the live run's model is never touched from here.
#include <QFutureWatcher>
#include <QString>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

#include "config/run_config.h"
#include "saliency_source.h"

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace uegr::studio {

class ParameterHeatmap;
class TokenSaliencyView;
class TrainingSession;
struct TelemetryBatch;

class SaliencyPage : public QWidget {
    Q_OBJECT
public:
    explicit SaliencyPage(QWidget* parent = nullptr);
    ~SaliencyPage() override;

    // Live snapshots and the finished run's model come from this session.
    void setTrainingSession(TrainingSession* session);
    // Data whose examples a bundle outside a run folder explains (the configuration page's).
    void setDataSource(std::function<DataConfig()> source) { dataSource_ = std::move(source); }

    void openFolder(const QString& folder);  // asynchronous: opened() or openFailed()
    // Shows the Tokens tab explaining `text` with the model of `folder` (as openFolder takes it),
    // opening that model first unless it is the one already open.
    void explainTextWith(const QString& folder, const QString& text);
    void chooseFolder();
    // Side by side: a second model explains, next to the first, every text the first explains.
    void compareWith(const QString& folder);  // asynchronous; the compare panel shows when it opened
    void chooseCompareFolder();
    void stopComparing();
    void requestLiveSnapshot();
    void computeSnapshot();  // asynchronous, from the opened model

    std::shared_ptr<const SaliencySource> source() const { return source_; }
    TokenSaliencyView* tokenView() const { return tokenView_; }
    TokenSaliencyView* compareView() const { return compareView_; }
    bool isComparing() const { return compareSource_ != nullptr; }
    ParameterHeatmap* heatmap() const { return heatmap_; }
    bool isBusy() const;
    QString statusText() const;

Q_SIGNALS:
    void opened(const QString& bundleFolder);
    void openFailed(const QString& message);
    void snapshotShown();
    void statusMessage(const QString& message);

private:
    struct OpenOutcome {
        std::shared_ptr<const SaliencySource> source;
        QString error;
    };
    struct SnapshotOutcome {
        SaliencySnapshot snapshot;
        QString error;
        QString bundleFolder;  // of the model it was computed from
        int examples = 0;
    };

    static OpenOutcome openSource(const QString& folder, const DataConfig& data);
    QWidget* makeTokensTab();
    void openFinished();
    void compareOpened();
    void mirrorExplanation();
    void mirrorColours();
    bool isOpen(const QString& folder) const;
    void snapshotFinished();
    void addTelemetry(const TelemetryBatch& batch);
    void setStatus(const QString& message);
    void updateControls();
    void updateFollowing();  // live snapshots on a timer while "Follow" is checked and a run trains

    std::function<DataConfig()> dataSource_;
    TrainingSession* session_ = nullptr;
    std::shared_ptr<const SaliencySource> source_;
    struct PendingText {
        QString folder, text;
        bool opening = false;  // its folder is the one being opened
    };
    std::optional<PendingText> pendingText_;  // explainTextWith() waiting for its model to open
    QString lastRunDir_;
    bool liveSnapshotRequested_ = false;
    QString openedModelText_;  // the header for the opened model, shown again after a live snapshot
    QTimer followTimer_;
    QFutureWatcher<OpenOutcome> openWatcher_;
    QFutureWatcher<OpenOutcome> compareWatcher_;
    std::shared_ptr<const SaliencySource> compareSource_;
    QFutureWatcher<SnapshotOutcome> snapshotWatcher_;

    QLabel* modelLabel_;
    QPushButton* openButton_;
    QTabWidget* tabs_;
    TokenSaliencyView* tokenView_;
    QPushButton* compareButton_;
    QWidget* comparePanel_;
    QLabel* compareModel_;
    TokenSaliencyView* compareView_;
    QWidget* tokensTab_;
    ParameterHeatmap* heatmap_;
    QPushButton* liveButton_;
    QCheckBox* followLive_;
    QPushButton* computeButton_;
    QSpinBox* snapshotExamples_;
    QLabel* status_;
};

}  // namespace uegr::studio
