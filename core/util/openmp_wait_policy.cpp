#include "util/openmp_wait_policy.h"

#include <unistd.h>

#include <cstdlib>

namespace uegr {

void ensurePassiveOpenMpWait(char** argv) {
    if (std::getenv("OMP_WAIT_POLICY") != nullptr) return;
    if (setenv("OMP_WAIT_POLICY", "PASSIVE", 0) != 0) return;
    execv("/proc/self/exe", argv);  // returns only on failure: then run on with the default policy
}

}  // namespace uegr
