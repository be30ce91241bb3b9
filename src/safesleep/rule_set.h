// One version of the safer-sleep risk assessment, as read from its rules file
// (data/safesleep/rules-v<N>.json, docs/safer-sleep.md): the item bank, the
// touchpoints, the rules that raise the risk level, the actions they bring and
// the triggers for reassessment. A RuleSet is only ever built by LoadRules
// (rules_reader.h), which refuses anything inconsistent, so what it holds
// always refers to its own items, actions and earlier rules.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "safesleep/condition.h"
#include "safesleep/item_bank.h"

namespace cradle::safesleep {

// DOMAIN.md §2.4: universal (no risk factor), increased (any single modifiable
// risk), high (a "never" combination). Ordered: a higher level wins.
enum class RiskLevel { kUniversal = 0, kIncreased = 1, kHigh = 2 };

// "universal", "increased", "high".
std::string_view RiskLevelName(RiskLevel level);
std::optional<RiskLevel> ParseRiskLevel(std::string_view name);

struct Group {
  std::string id;  // e.g. "sleep_place"
  std::string title;
};

// A contact at which the assessment is done: booking, new birth visit, any
// change in circumstances...
struct Touchpoint {
  std::string id;
  std::string label;
};

struct ActionDefinition {
  std::string code;  // e.g. "REF_SAFE_SLEEP_SPACE"
  std::string kind;  // advice, plan, referral, information_sharing, follow_up
  // May hold "{days}", replaced by the level's follow-up days.
  std::string text;
};

struct Level {
  std::string title;
  std::vector<std::string> actions;  // codes every outcome at this level gets
  std::optional<int> follow_up_days;
};

struct Rule {
  std::string id;
  RiskLevel level = RiskLevel::kIncreased;
  Condition when;
  std::string reason;                // plain English, naming the items
  std::vector<std::string> actions;  // codes, beyond the level's own
};

struct ReassessmentTrigger {
  std::string id;
  Condition when;
  std::string text;
};

struct RuleSet {
  std::string version;  // e.g. "1"; an assessment records the version it used
  std::string title;
  std::string source;
  std::string path;  // the file it was read from
  std::vector<Group> groups;
  std::vector<Item> items;
  std::vector<Touchpoint> touchpoints;
  std::vector<ActionDefinition> actions;  // in the order outcomes list them
  std::array<Level, 3> levels;            // indexed by RiskLevel
  std::vector<Rule> rules;                // in file order; a rule may cite earlier ones
  std::vector<ReassessmentTrigger> reassessment_triggers;

  // nullptr when absent.
  const Item* FindItem(std::string_view id) const;
  const ActionDefinition* FindAction(std::string_view code) const;
  const Touchpoint* FindTouchpoint(std::string_view id) const;
  const Level& LevelOf(RiskLevel level) const { return levels[static_cast<size_t>(level)]; }
};

}  // namespace cradle::safesleep
