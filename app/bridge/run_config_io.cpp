#include "run_config_io.h"

#include <nlohmann/json.hpp>

#include "util/error.h"

namespace uegr::studio {

QString runConfigToJsonText(const RunConfig& config) {
    return QString::fromStdString(toJson(config).dump(2));
}

RunConfig runConfigFromJsonText(const QString& text, const QString& source) {
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text.toStdString());
    } catch (const nlohmann::json::parse_error& error) {
        throw ConfigError({}, source.toStdString() + ": " + error.what());
    }
    return parseRunConfig(document, source.toStdString());
}

}  // namespace uegr::studio
