#include "safesleep/evaluator.h"

#include <algorithm>
#include <set>

namespace cradle::safesleep {
namespace {

std::string FillDays(std::string text, int days) {
  const std::string placeholder = "{days}";
  for (size_t at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at)) {
    text.replace(at, placeholder.size(), std::to_string(days));
  }
  return text;
}

}  // namespace

Result<Outcome> Evaluate(const RuleSet& rules, const Assessment& assessment) {
  if (!assessment.rules_version.empty() && assessment.rules_version != rules.version) {
    return Status::InvalidArgument("the assessment was made under safer-sleep rules version " +
                                   assessment.rules_version + ", not version " + rules.version +
                                   " (" + rules.path + ")");
  }
  CRADLE_RETURN_IF_ERROR(ValidateAnswers(rules, assessment));

  Outcome outcome;
  outcome.rules_version = rules.version;
  FiredRules fired;
  std::set<std::string> codes;
  for (const Rule& rule : rules.rules) {
    ConditionMatch match = Match(rule.when, assessment.answers, fired);
    if (!match.holds) continue;
    fired.emplace(rule.id, match.items);
    outcome.level = std::max(outcome.level, rule.level);
    Reason reason{rule.id, rule.level, rule.reason, {}};
    for (const std::string& id : match.items) {
      const Item& item = *rules.FindItem(id);
      const AnswerValue& value = assessment.answers.at(id);
      reason.answers.push_back({id, item.question, value, DescribeAnswer(item, value)});
    }
    outcome.reasons.push_back(std::move(reason));
    codes.insert(rule.actions.begin(), rule.actions.end());
  }
  std::stable_sort(outcome.reasons.begin(), outcome.reasons.end(),
                   [](const Reason& a, const Reason& b) { return a.level > b.level; });

  const Level& level = rules.LevelOf(outcome.level);
  codes.insert(level.actions.begin(), level.actions.end());
  // The rules file's action list sets the order, so every outcome reads alike.
  for (const ActionDefinition& action : rules.actions) {
    if (!codes.contains(action.code)) continue;
    OutcomeAction entry{action.code, action.kind, action.text, std::nullopt};
    if (action.kind == "follow_up" && level.follow_up_days) {
      entry.follow_up_days = level.follow_up_days;
      entry.text = FillDays(action.text, *level.follow_up_days);
    }
    outcome.actions.push_back(std::move(entry));
  }

  for (const ReassessmentTrigger& trigger : rules.reassessment_triggers) {
    if (Match(trigger.when, assessment.answers, fired).holds) {
      outcome.reassessment.push_back({trigger.id, trigger.text});
    }
  }
  outcome.reassessment_due = !outcome.reassessment.empty();
  return outcome;
}

}  // namespace cradle::safesleep
