#include "safesleep/rule_set.h"

namespace cradle::safesleep {

std::string_view RiskLevelName(RiskLevel level) {
  switch (level) {
    case RiskLevel::kUniversal:
      return "universal";
    case RiskLevel::kIncreased:
      return "increased";
    case RiskLevel::kHigh:
      return "high";
  }
  return "universal";
}

std::optional<RiskLevel> ParseRiskLevel(std::string_view name) {
  for (RiskLevel level : {RiskLevel::kUniversal, RiskLevel::kIncreased, RiskLevel::kHigh}) {
    if (RiskLevelName(level) == name) return level;
  }
  return std::nullopt;
}

const Item* RuleSet::FindItem(std::string_view id) const {
  for (const Item& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

const ActionDefinition* RuleSet::FindAction(std::string_view code) const {
  for (const ActionDefinition& action : actions) {
    if (action.code == code) return &action;
  }
  return nullptr;
}

const Touchpoint* RuleSet::FindTouchpoint(std::string_view id) const {
  for (const Touchpoint& touchpoint : touchpoints) {
    if (touchpoint.id == id) return &touchpoint;
  }
  return nullptr;
}

}  // namespace cradle::safesleep
