#pragma once
// A run's metrics log as one CSV table (RFC 4180) for spreadsheets and pandas: one row per
// optimizer step with every step field, the per-layer mask densities and per-site dropout
// rates as columns of their own, and the dev metrics of an evaluation at that step.
#include <string>

#include "train/run_reader.h"

namespace uegr {

// Header: step, epoch, total_steps, loss, loss_clean, loss_adv, loss_js, lr, grad_norm,
// mask_density_global, step_time_ms, mask_density.<layer>..., dropout_rates.<site>...,
// dev_accuracy, dev_macro_f1, dev_mcc, dev_loss. A cell is empty where a value does not
// exist (no evaluation at that step); an evaluation at a step without a step record gets a
// row of its own. Numbers are written in their shortest exact form, NaN as "nan".
std::string metricsCsv(const RunMetrics& metrics);

// One CSV field: quoted (with quotes doubled) when it holds a comma, quote or line break.
std::string csvField(const std::string& text);

}  // namespace uegr
