// Helpers for the safesleep tests: the bundled rules as a file and as JSON,
// temporary files, and a baseline assessment that answers the required items
// with nothing risky.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "safesleep/assessment.h"

namespace cradle::safesleep::testing {

std::string BundledRulesPath();
nlohmann::json BundledRulesJson();

// Writes `text` to a fresh file in the temp folder; returns its path.
std::string WriteTempFile(const std::string& name, const std::string& text);
std::string WriteTempJson(const std::string& name, const nlohmann::json& json);

// The required items answered safely: own cot in the parents' room, never
// bed-sharing, a safe sleep space. Extra answers (JSON values) override.
Assessment SafeAssessment(const nlohmann::json& extra = nlohmann::json::object());

}  // namespace cradle::safesleep::testing
