// What a safer-sleep assessment concludes, and why: the risk level (the
// highest of the rules that fired), each fired rule's reason with the answers
// that fired it, the actions (each once, in the rules file's order, the
// follow-up with its days), whether reassessment is due and the rules version
// used. Converts to and from JSON so it can be stored and served as it is.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "safesleep/rule_set.h"

namespace cradle::safesleep {

// An answer as it is shown beside a reason.
struct TriggeringAnswer {
  std::string item;      // item id
  std::string question;  // the item's question
  AnswerValue value;
  std::string text;  // the answer in words: "yes", "A sofa or armchair", "2,300 g"
};

struct Reason {
  std::string rule;  // rule id
  RiskLevel level = RiskLevel::kIncreased;
  std::string text;
  std::vector<TriggeringAnswer> answers;
};

struct OutcomeAction {
  std::string code;
  std::string kind;
  std::string text;                   // "{days}" already filled in
  std::optional<int> follow_up_days;  // FOLLOW_UP-kind actions only
};

struct Reassessment {
  std::string trigger;  // trigger id
  std::string text;
};

struct Outcome {
  std::string rules_version;
  RiskLevel level = RiskLevel::kUniversal;
  std::vector<Reason> reasons;  // high first, then increased; file order within
  std::vector<OutcomeAction> actions;
  bool reassessment_due = false;
  std::vector<Reassessment> reassessment;  // why it is due
};

nlohmann::json OutcomeToJson(const Outcome& outcome);
// InvalidData naming the field for anything not in OutcomeToJson's shape.
Result<Outcome> OutcomeFromJson(const nlohmann::json& json);

}  // namespace cradle::safesleep
