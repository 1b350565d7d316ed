#include "text_encoding.h"

#include <QCoreApplication>

namespace uegr::studio {
namespace {

// Windows-1252 is Latin-1 except for 0x80-0x9F, which hold printable characters; the five
// bytes it leaves undefined keep their C1 code points, as the WHATWG decoder does.
constexpr char16_t kWindows1252High[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                           0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                           0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                           0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

QString decodeWindows1252(const QByteArray& bytes) {
    QString text(bytes.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        text[i] = byte >= 0x80 && byte < 0xA0 ? QChar(kWindows1252High[byte - 0x80]) : QChar(byte);
    }
    return text;
}

}  // namespace

const std::vector<TextEncoding>& textEncodings() {
    static const std::vector<TextEncoding> encodings{TextEncoding::Utf8, TextEncoding::Latin1,
                                                     TextEncoding::Windows1252};
    return encodings;
}

QString encodingName(TextEncoding encoding) {
    switch (encoding) {
        case TextEncoding::Utf8:
            return QStringLiteral("UTF-8");
        case TextEncoding::Latin1:
            return QCoreApplication::translate("TextEncoding", "Latin-1 (ISO 8859-1)");
        case TextEncoding::Windows1252:
            return QStringLiteral("Windows-1252");
    }
    return {};
}

QByteArray toUtf8(const QByteArray& bytes, TextEncoding encoding) {
    switch (encoding) {
        case TextEncoding::Utf8:
            return bytes;
        case TextEncoding::Latin1:
            return QString::fromLatin1(bytes).toUtf8();
        case TextEncoding::Windows1252:
            return decodeWindows1252(bytes).toUtf8();
    }
    return bytes;
}

}  // namespace uegr::studio
