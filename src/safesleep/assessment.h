// One safer-sleep assessment as a practitioner records it: the rules version
// it is made under, the touchpoint, and the answers by item id. Converts to
// and from JSON (the shape of an answers file, docs/safer-sleep.md), and is
// checked against the item bank before it is evaluated, so every error a user
// can make names the item.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/result.h"
#include "safesleep/condition.h"
#include "safesleep/rule_set.h"

namespace cradle::safesleep {

struct Assessment {
  std::string rules_version;  // empty: the newest version loaded (registry.h)
  std::string touchpoint;     // a touchpoint id, or empty when not recorded
  Answers answers;            // an item with no answer is absent
};

// From {"rules_version": "1", "touchpoint": "new_birth_visit", "answers":
// {"item": value, ...}}; only "answers" is required, and a null answer means
// not answered. InvalidData naming the field for any other shape; whether each
// answer fits its item is ValidateAnswers' job.
Result<Assessment> AssessmentFromJson(const nlohmann::json& json);
nlohmann::json AssessmentToJson(const Assessment& assessment);

// OK if every answer names an item of `rules`, has the item's type (yes/no,
// one of its options, a number or weeks+days within its range), every
// required item is answered and the touchpoint, if any, is one of the rules'.
// Otherwise InvalidData naming the first item at fault, e.g.
//   answers.birth_weight: 9,000 g is outside the range 300 to 6,500 g
Status ValidateAnswers(const RuleSet& rules, const Assessment& assessment);

}  // namespace cradle::safesleep
