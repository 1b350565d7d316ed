#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace uegr::studio {

bool installTranslators(QCoreApplication& application, const QLocale& locale) {
    auto* qtTranslator = new QTranslator(&application);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;

    auto* studioTranslator = new QTranslator(&application);
    if (studioTranslator->load(locale, QStringLiteral("uegr_studio"), QStringLiteral("_"),
                               QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(studioTranslator);
        return true;
    }
    delete studioTranslator;
    return false;
}

}  // namespace uegr::studio
