#pragma once
// The Saliency page's token view: pick an example (or type a text), an attribution method and
// the class to explain; the text is shown as token spans coloured by their attribution, with a
// colour legend and the predicted and true labels. The attribution is computed on a worker
// thread (QtConcurrent) by the SaliencySource, which owns the model; changing the scale or the
// gamma only recolours the last result.
#include <QFutureWatcher>
#include <QString>
#include <QWidget>
#include <memory>
#include <optional>

#include "saliency_source.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QFormLayout;
class QSpinBox;
class QTextBrowser;

namespace uegr::studio {

class TokenSaliencyView : public QWidget {
    Q_OBJECT
public:
    explicit TokenSaliencyView(QWidget* parent = nullptr);
    ~TokenSaliencyView() override;

    // Lists the source's examples and explains the first one; null clears the view.
    void setSource(std::shared_ptr<const SaliencySource> source);

    void selectExample(int index);  // explains it
    void explainText(const QString& text);
    void setMethod(TokenSaliencyMethod method, int steps);
    void setSignedScale(bool signedScale);
    void setGamma(double gamma);
    bool signedScale() const;
    double gamma() const;
    // A view that mirrors another's example, method and colours (the Saliency page's comparison)
    // hides those inputs and keeps the explained class and the legend: side by side, the two
    // views then fit a 1280-pixel screen.
    void setFollowing(bool following);

    // Where the source's examples come from, or why it has none, for the user.
    static QString examplesSummary(const SaliencySource& source);

    bool isComputing() const;
    const std::optional<TokenSaliencyResult>& result() const { return result_; }
    // What the shown result explains: an example of the source (its index) or a typed text (-1).
    int shownExample() const { return shown_ ? shown_->example : -1; }
    QString shownText() const;  // the explained text; empty when nothing is shown
    TokenSaliencyMethod shownMethod() const;
    int shownSteps() const;
    QTextBrowser* textView() const { return text_; }
    QString predictionText() const;
    QString statusText() const;

Q_SIGNALS:
    void explained();  // a result is shown
    void coloursChanged();  // the signed scale or the gamma
    void failed(const QString& message);

private:
    struct Request {
        int example = -1;  // -1: `text`
        QString text;
        TokenSaliencyMethod method = TokenSaliencyMethod::GradientTimesInput;
        int steps = 32;
        int target = -1;
        int generation = 0;  // which source it was made for
    };
    struct Outcome {
        Request request;
        std::optional<TokenSaliencyResult> result;
        QString error;
    };

    Request currentRequest() const;
    void requestExplanation();
    void startComputation(const Request& request);
    void computationFinished();
    void render();
    void updateLegend();
    void updateControls();
    bool showTokenToolTip(const QPoint& viewportPosition, const QPoint& globalPosition);
    bool eventFilter(QObject* watched, QEvent* event) override;

    std::shared_ptr<const SaliencySource> source_;
    QFormLayout* inputs_;
    QComboBox* example_;
    QLineEdit* customText_;
    QComboBox* method_;
    QLabel* stepsLabel_;
    QSpinBox* steps_;
    QComboBox* target_;
    QCheckBox* signedScale_;
    QLabel* gammaLabel_;
    QSlider* gamma_;
    QLabel* gammaValue_;
    QLabel* legendBar_;
    QLabel* legendLow_;
    QLabel* legendHigh_;
    QTextBrowser* text_;
    QLabel* prediction_;
    QLabel* status_;
    QFutureWatcher<Outcome> watcher_;
    std::optional<Request> pending_;  // asked for while a computation ran; only the newest counts
    std::optional<Request> shown_;
    std::optional<TokenSaliencyResult> result_;
    bool customMode_ = false;
    int generation_ = 0;  // counts setSource() calls
};

}  // namespace uegr::studio
