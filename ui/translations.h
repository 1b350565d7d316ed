#pragma once
// Installs the studio's translation (embedded under :/i18n) and Qt's own for a locale.
#include <QLocale>

class QCoreApplication;

namespace uegr::studio {

// Returns true when a studio translation for the locale was found; English needs none.
bool installTranslators(QCoreApplication& application, const QLocale& locale);

}  // namespace uegr::studio
