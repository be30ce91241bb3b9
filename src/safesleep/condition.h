// A rule's condition over the answers, in the small declarative language of
// the rules file, and its evaluation with the answers that made it hold, so
// every outcome can say why:
//   {"all": [c, ...]}   every one holds       {"any": [c, ...]}  one holds
//   {"count_of": [c, ...], "at_least": 2}     at least N hold
//   {"item": "sleep_place_night", "in": ["sofa_armchair"]}        a choice
//   {"item": "has_safe_sleep_space", "is": false}                 a yes/no
//   {"item": "gestation_at_birth", "lt": 37}   lt, le, gt, ge on a number or
//                                              weeks+days (36+6 is < 37)
//   {"rule": "no_safe_sleep_space"}            an earlier rule fired
// An item with no answer never makes a condition hold.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "safesleep/item_bank.h"

namespace cradle::safesleep {

struct Condition {
  enum class Kind { kAll, kAny, kCountOf, kItem, kRule };
  enum class Test { kIn, kIs, kLt, kLe, kGt, kGe };

  Kind kind = Kind::kAll;
  std::vector<Condition> children;  // kAll, kAny, kCountOf
  int at_least = 1;                 // kCountOf

  std::string item;  // kItem
  Test test = Test::kIs;
  std::vector<std::string> in;  // Test::kIn: option values
  bool is = false;              // Test::kIs
  double bound = 0;             // kLt .. kGe, in the item's unit (weeks for weeks+days)

  std::string rule;  // kRule
};

// Answers by item id.
using Answers = std::map<std::string, AnswerValue>;

// Rules fired so far, by id, with the items whose answers fired each.
using FiredRules = std::map<std::string, std::vector<std::string>>;

struct ConditionMatch {
  bool holds = false;
  // When it holds: the items whose answers made it hold, first seen first,
  // each once. A {"rule": …} contributes that rule's items.
  std::vector<std::string> items;
};

// REQUIRES: the condition was read against the item bank the answers were
// validated against (rules_reader.h, ValidateAnswers), so every answer has
// the type its tests expect.
ConditionMatch Match(const Condition& condition, const Answers& answers, const FiredRules& fired);

}  // namespace cradle::safesleep
