#include "run_annotations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>

namespace uegr::studio {
namespace {

// Gives the free functions a translation context that lupdate understands.
class AnnotationStrings {
    Q_DECLARE_TR_FUNCTIONS(uegr::studio::RunAnnotations)
};

QString annotationsPath(const QString& runDir) {
    return QDir(runDir).filePath(QString::fromLatin1(kAnnotationsFile));
}

bool isTextList(const QJsonValue& value) {
    if (!value.isArray()) return false;
    const QJsonArray array = value.toArray();
    return std::all_of(array.begin(), array.end(), [](const QJsonValue& item) { return item.isString(); });
}

}  // namespace

RunAnnotations readRunAnnotations(const QString& runDir, QString* error) {
    const QString path = annotationsPath(runDir);
    QFile file(path);
    if (!file.exists()) return {};
    const QString where = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = AnnotationStrings::tr("%1: cannot be read: %2").arg(where, file.errorString());
        return {};
    }
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parse);
    if (!document.isObject()) {
        *error = AnnotationStrings::tr("%1: not a JSON object (%2)").arg(where, parse.errorString());
        return {};
    }
    const QJsonValue tags = document.object().value(QStringLiteral("tags"));
    const QJsonValue notes = document.object().value(QStringLiteral("notes"));
    if (!(tags.isUndefined() || isTextList(tags)) || !(notes.isUndefined() || notes.isString())) {
        *error =
            AnnotationStrings::tr("%1: \"tags\" must be a list of texts and \"notes\" a text").arg(where);
        return {};
    }
    QStringList tagList;
    for (const QJsonValue& tag : tags.toArray()) tagList << tag.toString();
    return {tagList, notes.toString()};
}

QString writeRunAnnotations(const QString& runDir, const RunAnnotations& annotations) {
    const QString path = annotationsPath(runDir);
    const QJsonObject object{{QStringLiteral("tags"), QJsonArray::fromStringList(annotations.tags)},
                             {QStringLiteral("notes"), annotations.notes}};
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(object).toJson()) >= 0 && file.commit())
        return {};
    return AnnotationStrings::tr("Cannot write %1: %2")
        .arg(QDir::toNativeSeparators(path), file.errorString());
}

QStringList parseTags(const QString& text) {
    QStringList tags;
    for (const QString& part : text.split(QLatin1Char(','))) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag)) tags << tag;
    }
    return tags;
}

QString tagsText(const QStringList& tags) {
    return tags.join(QStringLiteral(", "));
}

}  // namespace uegr::studio
