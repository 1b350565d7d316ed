#pragma once
// A trained model and the examples to explain, for the studio's Saliency page. Opening and every
// computation block (LibTorch work), so the page runs them on a worker thread; the model lives
// only inside this object and its uses are serialised, so the GUI thread never touches it. The
// GUI reads only the plain data copied at open time (labels, examples). No torch in this header,
// and no user-facing text: the page words it.
#include <QString>
#include <QStringList>
#include <QVector>
#include <memory>
#include <vector>

#include "config/run_config.h"
#include "train/telemetry.h"

namespace uegr::studio {

enum class TokenSaliencyMethod { GradientTimesInput, IntegratedGradients };

struct SaliencyExample {
    QString text;
    QString pair;       // empty unless a sentence-pair task
    QString trueLabel;  // as spelled in the data
};

struct TokenSaliencyResult {
    QStringList tokens;
    QVector<double> scores;         // signed, one per token
    QVector<double> probabilities;  // in SaliencySource::labels() order
    int predicted = -1, target = -1;
    double targetLogit = 0, baselineLogit = 0;
};

class SaliencySource {
public:
    // `folder` is a run folder (its model/ bundle; examples from the dev split of its
    // config.json), one of its checkpoints (RUN/checkpoints/step-N: the run's bundle with the
    // checkpoint's model.pt weights, examples as for the run) or a model bundle (a run's model/ is
    // treated as that run). A bundle outside a run takes its examples from `fallbackData`. Throws
    // uegr::Error when the model cannot be loaded; when only the examples cannot, the source opens
    // with none (see examplesError()).
    static std::shared_ptr<SaliencySource> open(const QString& folder, const DataConfig& fallbackData);
    ~SaliencySource();

    QString bundleFolder() const;
    QString checkpointFolder() const;  // empty unless a checkpoint was opened
    qint64 checkpointStep() const;     // its step; -1 unless a checkpoint was opened
    enum class Split { None, Dev, Test, Train };
    Split examplesSplit() const;     // which split of the data the examples are; None: no examples
    QString examplesOrigin() const;  // the run's config.json; empty: `fallbackData`
    QString examplesError() const;   // why there are no examples, if so
    const QStringList& labels() const;
    const std::vector<SaliencyExample>& examples() const;

    // target -1: the predicted class. Throw uegr::Error on bad arguments.
    TokenSaliencyResult explainExample(int index, TokenSaliencyMethod method, int steps, int target) const;
    TokenSaliencyResult explainText(const QString& text, TokenSaliencyMethod method, int steps,
                                    int target) const;

    // |θ ⊙ ∂L/∂θ| for one batch of the first `exampleCount` examples whose label the model knows.
    SaliencySnapshot parameterSnapshot(int exampleCount) const;

private:
    SaliencySource();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace uegr::studio
