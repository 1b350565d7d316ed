// uegr-studio: the desktop front end of UEGR. Everything but start-up lives in uegr_ui.
#include <QApplication>
#include <QIcon>
#include <QLocale>
#include <QTimer>

#include "command_line.h"
#include "headless_report.h"
#include "main_window.h"
#include "translations.h"
#include "util/openmp_wait_policy.h"

int main(int argc, char** argv) {
    uegr::ensurePassiveOpenMpWait(argv);
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("uegr"));
    QApplication::setApplicationName(QStringLiteral("uegr-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("UEGR Studio"));
    QApplication::setApplicationVersion(QStringLiteral(UEGR_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.uegr.studio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/uegr-studio.svg")));
    uegr::studio::installTranslators(application, QLocale());

    const uegr::studio::StudioOptions options = uegr::studio::parseCommandLine(QApplication::arguments());
    if (!options.reportRun.isEmpty()) return uegr::studio::writeReportHeadless(options.reportRun, options.reportOut);
    uegr::studio::MainWindow window;
    window.show();
    window.openStartupFile(options.fileToOpen);
    if (options.quitAfterMs >= 0) {
        // Close (which saves settings) and quit even if a message box is still open.
        QTimer::singleShot(options.quitAfterMs, &window, [&window] {
            window.closeWithoutAsking();
            QApplication::quit();
        });
    }
    return QApplication::exec();
}
