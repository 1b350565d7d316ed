#pragma once
// A duration as people read it on a progress display, the same in the CLI and the studio:
// "M:SS" under an hour ("4:07"), "H:MM:SS" from an hour on ("1:02:09"), rounded to the second.
#include <string>

namespace uegr {

std::string formatDuration(double seconds);

}  // namespace uegr
