// Reads a safer-sleep rules file (docs/safer-sleep.md describes its fields)
// and refuses, at load, anything an assessment could trip over later: a
// condition naming an item, option, action or rule that does not exist, a
// test that does not fit its item's type, a duplicate id, an unknown field.
// Every error names the file and the JSON path, e.g.
//   rules-v1.json: rules[3].when.item: 'sofa' is not an item
// (indices from 0, as jq counts).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/result.h"
#include "safesleep/rule_set.h"

namespace cradle::safesleep {

// IoError if the file cannot be read; InvalidData if it is not JSON or breaks
// a rule of the format.
Result<RuleSet> LoadRules(const std::string& path);

// The same from JSON already parsed; `path` names it in errors.
Result<RuleSet> ReadRules(const nlohmann::json& root, const std::string& path);

}  // namespace cradle::safesleep
