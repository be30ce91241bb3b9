// Evaluates an assessment under one version of the rules: validates the
// answers against that version's item bank, runs every rule in file order
// (a rule may build on those above it), and returns the outcome with its
// reasons and actions (outcome.h). The level is the highest of the rules that
// fired; with none, universal. Pure: no I/O, no clock.
#pragma once

#include "base/result.h"
#include "safesleep/assessment.h"
#include "safesleep/outcome.h"
#include "safesleep/rule_set.h"

namespace cradle::safesleep {

// InvalidArgument if the assessment names a different rules version;
// InvalidData naming the item for an answer that does not fit the item bank
// (ValidateAnswers).
Result<Outcome> Evaluate(const RuleSet& rules, const Assessment& assessment);

}  // namespace cradle::safesleep
