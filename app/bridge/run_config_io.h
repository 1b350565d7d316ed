#pragma once
// Run configs as JSON text, for the configuration page's preview and clipboard; file load/save
// use uegr::loadRunConfig / saveRunConfig directly. Parsing errors throw ConfigError.
#include <QString>

#include "config/run_config.h"

namespace uegr::studio {

QString runConfigToJsonText(const RunConfig& config);
RunConfig runConfigFromJsonText(const QString& text, const QString& source);

}  // namespace uegr::studio
