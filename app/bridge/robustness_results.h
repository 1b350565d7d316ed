#pragma once
// Robustness results as the studio shows them: plain Qt-side copies of what core/attack reports,
// read from the files an attack session leaves in a run folder:
//   <run>/robustness/<attack>.json   the summary, the same object `uegr attack` prints, plus the
//                                    run, split, sample size and label names
//   <run>/robustness/<attack>.jsonl  one record per attacked example (`uegr attack --out`)
// No torch here; the segmentation for word diffs comes from core/attack/text_segments.
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>
#include <vector>

namespace uegr::studio {

// The attacks the studio runs, in the order it shows them.
QStringList robustnessAttackNames();  // "pgd", "wordnet", "charswap"

struct AttackNumbers {
    int examples = 0;
    int succeeded = 0, failed = 0, skipped = 0;
    double cleanAccuracy = 0;
    double accuracyUnderAttack = 0;
    double attackSuccessRate = 0;
    double avgPerturbedWordShare = 0;
    double avgQueries = 0;
};

struct EpsilonNumbers {
    double epsilon = 0;
    AttackNumbers numbers;
};

struct AttackRecord {
    int index = 0;   // position in the attacked sample
    QString status;  // "succeeded" | "failed" | "skipped"
    QString originalText, adversarialText;
    int trueLabel = -1, originalLabel = -1, adversarialLabel = -1;  // indices into the labels
    QVector<double> originalProbabilities, adversarialProbabilities;
    qint64 queries = 0;
    int words = 0, perturbedWords = 0;
    double perturbedWordShare = 0;
    qint64 edits = 0;
};

struct RunAttackResult {
    QString runDir;   // normalizedRunDir()
    QString runName;  // the run folder's name
    QString attack;   // one of robustnessAttackNames()
    QString split;    // "dev" | "test"
    int sampleSize = 0;
    quint64 seed = 0;
    qint64 queryBudget = 0;  // wordnet, charswap
    QStringList labels;      // label names in index order
    AttackNumbers numbers;   // PGD: at the largest ε
    // PGD only: ascending ε, with the norm and whether ε is relative to the embedding norm.
    std::vector<EpsilonNumbers> perEpsilon;
    QString norm;
    bool relativeEpsilon = false;
    // Filled when the result comes from a session or loadAttackRecords; empty when only the
    // summary was read. PGD records hold the outcome at the largest ε.
    std::vector<AttackRecord> records;
};

// Absolute and clean, so results, tables and reports compare run folders reliably.
QString normalizedRunDir(const QString& runDir);
QString robustnessFolder(const QString& runDir);
QString attackSummaryPath(const QString& runDir, const QString& attack);
QString attackRecordsPath(const QString& runDir, const QString& attack);

// The summaries saved in <run>/robustness/, in robustnessAttackNames() order, without records.
// Unreadable files are skipped and named in `errors` when given.
std::vector<RunAttackResult> loadRobustnessSummaries(const QString& runDir, QStringList* errors = nullptr);
// Throws uegr::Error (naming the file) when the summary or the records cannot be read.
RunAttackResult loadRunAttackResult(const QString& runDir, const QString& attack, bool withRecords);
std::vector<AttackRecord> loadAttackRecords(const QString& runDir, const QString& attack);

// Every run folder of `workspace` that has saved robustness results, sorted by run name.
std::vector<RunAttackResult> loadWorkspaceRobustness(const QString& workspace, QStringList* errors = nullptr);

// A text cut into the attack's tokens and the verbatim gaps between them (joined, they give the
// text back), so a diff compares exactly the units the attacks change.
struct WordSegment {
    QString text;
    bool isToken = false;
    bool isWord = false;  // a token with a letter or digit
};
QVector<WordSegment> segmentWords(const QString& text);

}  // namespace uegr::studio

Q_DECLARE_METATYPE(uegr::studio::RunAttackResult)
