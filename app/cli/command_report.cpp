// `uegr report --run DIR --out FILE`: the run's HTML or PDF report, the same one the studio
// exports. The report is drawn with Qt (plots, PDF writer), which the CLI does not link, so the
// command hands over to the studio's headless mode (`uegr-studio --report`), installed beside it.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "util/error.h"
#include "util/install_paths.h"

namespace uegr::cli {

void registerReportCommand(CLI::App& app, Action& action) {
    CLI::App* report = app.add_subcommand(
        "report", "Write the HTML or PDF report of a run folder (as the studio exports it), without a window");
    auto run = std::make_shared<std::string>();
    auto out = std::make_shared<std::string>();
    report->add_option("--run", *run, "Run folder (runs/<run>)")->required();
    report->add_option("--out", *out, "Report file: .pdf or .html")->required();
    report->callback([&action, run, out] {
        action = [run, out] {
            // Checked here too, so that bad input gets the CLI's one-line error and exit 2 before Qt
            // starts (and warns about the missing session that a server has).
            if (!std::filesystem::is_regular_file(std::filesystem::path(*run) / "config.json"))
                throw InputError(*run, 0, "not a run folder (it has no config.json)");
            const std::string extension = std::filesystem::path(*out).extension().string();
            if (extension != ".pdf" && extension != ".html" && extension != ".htm")
                throw InputError(*out, 0, "the report is written as .pdf or .html");
            const std::filesystem::path studio = executableDirectory() / "uegr-studio";
            if (access(studio.c_str(), X_OK) != 0) {
                std::cerr << "error: uegr report needs " << studio.string()
                          << " (install the uegr-studio package)\n";
                return kExitFailure;
            }
            setenv("QT_QPA_PLATFORM", "offscreen", /*overwrite=*/1);  // no window, no display needed
            const char* arguments[] = {"uegr-studio", "--report", run->c_str(), "--out", out->c_str(), nullptr};
            execv(studio.c_str(), const_cast<char* const*>(arguments));
            std::cerr << "error: cannot start " << studio.string() << ": " << std::strerror(errno) << "\n";
            return kExitFailure;
        };
    });
}

}  // namespace uegr::cli
