#pragma once
// The encodings a dataset file may be in. Core reads UTF-8 only, so a file in another encoding
// is decoded here and handed to core as a UTF-8 copy.
#include <QByteArray>
#include <QString>
#include <vector>

namespace uegr::studio {

enum class TextEncoding { Utf8, Latin1, Windows1252 };

const std::vector<TextEncoding>& textEncodings();
QString encodingName(TextEncoding encoding);  // "UTF-8", "Latin-1 (ISO 8859-1)", "Windows-1252"
// Decodes `bytes` and returns them as UTF-8 (for Utf8: unchanged, invalid bytes and all).
QByteArray toUtf8(const QByteArray& bytes, TextEncoding encoding);

}  // namespace uegr::studio
