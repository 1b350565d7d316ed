#pragma once
// OpenMP worker threads spin between parallel regions by default (OMP_WAIT_POLICY=ACTIVE
// behaviour). On a machine whose cores are shared, by a second job or, in the studio, by the
// robustness check running beside training, the spinning threads starve the others:
// bench_attack_qps measured a training epoch at 22-31 s instead of 3.4 s. The policy is read
// when the OpenMP runtime loads, before main(), so it can only be changed by starting again.
namespace uegr {

// When OMP_WAIT_POLICY is unset, sets it to PASSIVE and re-executes this program with the same
// arguments (it does not return then). Call first thing in main(); a user who wants spinning
// sets OMP_WAIT_POLICY=ACTIVE. Returns normally when the variable is set or re-executing fails.
void ensurePassiveOpenMpWait(char** argv);

}  // namespace uegr
