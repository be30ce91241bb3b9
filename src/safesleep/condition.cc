#include "safesleep/condition.h"

#include <algorithm>

namespace cradle::safesleep {
namespace {

void AddItems(std::vector<std::string>& into, const std::vector<std::string>& items) {
  for (const std::string& item : items) {
    if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
  }
}

bool TestHolds(const Condition& condition, const AnswerValue& value) {
  switch (condition.test) {
    case Condition::Test::kIn: {
      const std::string* chosen = std::get_if<std::string>(&value);
      return chosen != nullptr &&
             std::find(condition.in.begin(), condition.in.end(), *chosen) != condition.in.end();
    }
    case Condition::Test::kIs: {
      const bool* yes = std::get_if<bool>(&value);
      return yes != nullptr && *yes == condition.is;
    }
    default:
      break;
  }
  double number = 0;
  if (const double* given = std::get_if<double>(&value)) {
    number = *given;
  } else if (const WeeksDays* gestation = std::get_if<WeeksDays>(&value)) {
    number = gestation->InWeeks();
  } else {
    return false;
  }
  switch (condition.test) {
    case Condition::Test::kLt:
      return number < condition.bound;
    case Condition::Test::kLe:
      return number <= condition.bound;
    case Condition::Test::kGt:
      return number > condition.bound;
    case Condition::Test::kGe:
      return number >= condition.bound;
    default:
      return false;
  }
}

}  // namespace

ConditionMatch Match(const Condition& condition, const Answers& answers, const FiredRules& fired) {
  ConditionMatch match;
  switch (condition.kind) {
    case Condition::Kind::kItem: {
      auto answer = answers.find(condition.item);
      match.holds = answer != answers.end() && TestHolds(condition, answer->second);
      if (match.holds) match.items.push_back(condition.item);
      return match;
    }
    case Condition::Kind::kRule: {
      auto rule = fired.find(condition.rule);
      match.holds = rule != fired.end();
      if (match.holds) match.items = rule->second;
      return match;
    }
    case Condition::Kind::kAll: {
      for (const Condition& child : condition.children) {
        ConditionMatch part = Match(child, answers, fired);
        if (!part.holds) return ConditionMatch{};
        AddItems(match.items, part.items);
      }
      match.holds = true;
      return match;
    }
    case Condition::Kind::kAny:
    case Condition::Kind::kCountOf: {
      int holding = 0;
      for (const Condition& child : condition.children) {
        ConditionMatch part = Match(child, answers, fired);
        if (!part.holds) continue;
        ++holding;
        AddItems(match.items, part.items);
      }
      int needed = condition.kind == Condition::Kind::kAny ? 1 : condition.at_least;
      match.holds = holding >= needed;
      if (!match.holds) match.items.clear();
      return match;
    }
  }
  return match;
}

}  // namespace cradle::safesleep
