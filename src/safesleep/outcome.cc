#include "safesleep/outcome.h"

namespace cradle::safesleep {
namespace {

using nlohmann::json;

// Reads fields of one JSON object, naming `where` in errors.
class FieldReader {
 public:
  FieldReader(const json& object, std::string where) : object_(object), where_(std::move(where)) {}

  Status Error(std::string_view field, std::string_view problem) const {
    return Status::InvalidData(where_ + (where_.empty() ? "" : ".") + std::string(field) + ": " +
                               std::string(problem));
  }

  Result<std::string> Text(std::string_view field) const {
    if (!object_.is_object() || !object_.contains(field) || !object_[field].is_string()) {
      return Error(field, "must be text");
    }
    return object_[field].get<std::string>();
  }

  Result<RiskLevel> Level(std::string_view field) const {
    CRADLE_ASSIGN_OR_RETURN(std::string name, Text(field));
    auto level = ParseRiskLevel(name);
    if (!level) return Error(field, "must be universal, increased or high");
    return *level;
  }

  Result<const json*> List(std::string_view field) const {
    if (!object_.is_object() || !object_.contains(field) || !object_[field].is_array()) {
      return Error(field, "must be a list");
    }
    return &object_[field];
  }

 private:
  const json& object_;
  std::string where_;
};

std::string Index(std::string_view field, size_t idx) {
  return std::string(field) + "[" + std::to_string(idx) + "]";
}

}  // namespace

json OutcomeToJson(const Outcome& outcome) {
  json reasons = json::array();
  for (const Reason& reason : outcome.reasons) {
    json answers = json::array();
    for (const TriggeringAnswer& answer : reason.answers) {
      answers.push_back({{"item", answer.item},
                         {"question", answer.question},
                         {"value", AnswerValueToJson(answer.value)},
                         {"text", answer.text}});
    }
    reasons.push_back({{"rule", reason.rule},
                       {"level", RiskLevelName(reason.level)},
                       {"text", reason.text},
                       {"answers", answers}});
  }
  json actions = json::array();
  for (const OutcomeAction& action : outcome.actions) {
    json entry = {{"code", action.code}, {"kind", action.kind}, {"text", action.text}};
    entry["follow_up_days"] = action.follow_up_days ? json(*action.follow_up_days) : json(nullptr);
    actions.push_back(std::move(entry));
  }
  json reassessment = json::array();
  for (const Reassessment& due : outcome.reassessment) {
    reassessment.push_back({{"trigger", due.trigger}, {"text", due.text}});
  }
  return {{"rules_version", outcome.rules_version},
          {"level", RiskLevelName(outcome.level)},
          {"reasons", reasons},
          {"actions", actions},
          {"reassessment_due", outcome.reassessment_due},
          {"reassessment", reassessment}};
}

Result<Outcome> OutcomeFromJson(const json& value) {
  if (!value.is_object()) return Status::InvalidData("an outcome must be a JSON object");
  FieldReader top(value, "");
  Outcome outcome;
  CRADLE_ASSIGN_OR_RETURN(outcome.rules_version, top.Text("rules_version"));
  CRADLE_ASSIGN_OR_RETURN(outcome.level, top.Level("level"));
  if (!value.contains("reassessment_due") || !value["reassessment_due"].is_boolean()) {
    return top.Error("reassessment_due", "must be true or false");
  }
  outcome.reassessment_due = value["reassessment_due"].get<bool>();

  CRADLE_ASSIGN_OR_RETURN(const json* reasons, top.List("reasons"));
  for (size_t idx = 0; idx < reasons->size(); ++idx) {
    FieldReader field((*reasons)[idx], Index("reasons", idx));
    Reason reason;
    CRADLE_ASSIGN_OR_RETURN(reason.rule, field.Text("rule"));
    CRADLE_ASSIGN_OR_RETURN(reason.level, field.Level("level"));
    CRADLE_ASSIGN_OR_RETURN(reason.text, field.Text("text"));
    CRADLE_ASSIGN_OR_RETURN(const json* answers, field.List("answers"));
    for (size_t answer_idx = 0; answer_idx < answers->size(); ++answer_idx) {
      const json& entry = (*answers)[answer_idx];
      FieldReader answer_field(entry, Index("reasons", idx) + "." + Index("answers", answer_idx));
      TriggeringAnswer answer;
      CRADLE_ASSIGN_OR_RETURN(answer.item, answer_field.Text("item"));
      CRADLE_ASSIGN_OR_RETURN(answer.question, answer_field.Text("question"));
      CRADLE_ASSIGN_OR_RETURN(answer.text, answer_field.Text("text"));
      auto parsed = AnswerValueFromJson(entry.value("value", json()));
      if (!parsed) return answer_field.Error("value", "is not an answer");
      answer.value = std::move(*parsed);
      reason.answers.push_back(std::move(answer));
    }
    outcome.reasons.push_back(std::move(reason));
  }

  CRADLE_ASSIGN_OR_RETURN(const json* actions, top.List("actions"));
  for (size_t idx = 0; idx < actions->size(); ++idx) {
    const json& entry = (*actions)[idx];
    FieldReader field(entry, Index("actions", idx));
    OutcomeAction action;
    CRADLE_ASSIGN_OR_RETURN(action.code, field.Text("code"));
    CRADLE_ASSIGN_OR_RETURN(action.kind, field.Text("kind"));
    CRADLE_ASSIGN_OR_RETURN(action.text, field.Text("text"));
    const json days = entry.value("follow_up_days", json());
    if (!days.is_null()) {
      if (!days.is_number_integer()) return field.Error("follow_up_days", "must be whole days");
      action.follow_up_days = days.get<int>();
    }
    outcome.actions.push_back(std::move(action));
  }

  CRADLE_ASSIGN_OR_RETURN(const json* reassessment, top.List("reassessment"));
  for (size_t idx = 0; idx < reassessment->size(); ++idx) {
    FieldReader field((*reassessment)[idx], Index("reassessment", idx));
    Reassessment due;
    CRADLE_ASSIGN_OR_RETURN(due.trigger, field.Text("trigger"));
    CRADLE_ASSIGN_OR_RETURN(due.text, field.Text("text"));
    outcome.reassessment.push_back(std::move(due));
  }
  return outcome;
}

}  // namespace cradle::safesleep
