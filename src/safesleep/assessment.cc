#include "safesleep/assessment.h"

#include <cmath>

namespace cradle::safesleep {
namespace {

using nlohmann::json;

Status AnswerError(const std::string& item, const std::string& problem) {
  return Status::InvalidData("answers." + item + ": " + problem);
}

std::string OptionList(const Item& item) {
  std::string list;
  for (const Option& option : item.options) list += (list.empty() ? "" : ", ") + option.value;
  return list;
}

Status CheckAnswer(const Item& item, const AnswerValue& value) {
  switch (item.type) {
    case ItemType::kYesNo:
      if (!std::holds_alternative<bool>(value)) {
        return AnswerError(item.id, "must be yes or no (true or false)");
      }
      return Status::Ok();
    case ItemType::kChoice: {
      const std::string* chosen = std::get_if<std::string>(&value);
      if (chosen == nullptr) return AnswerError(item.id, "must be one of " + OptionList(item));
      if (item.FindOption(*chosen) == nullptr) {
        return AnswerError(item.id, "'" + *chosen + "' is not one of " + OptionList(item));
      }
      return Status::Ok();
    }
    case ItemType::kNumber: {
      const double* number = std::get_if<double>(&value);
      if (number == nullptr) return AnswerError(item.id, "must be a number (" + item.unit + ")");
      if (*number < item.min || *number > item.max) {
        return AnswerError(
            item.id, DescribeAnswer(item, value) + " is outside the range " +
                         DescribeAnswer(item, AnswerValue(std::in_place_type<double>, item.min)) +
                         " to " +
                         DescribeAnswer(item, AnswerValue(std::in_place_type<double>, item.max)));
      }
      return Status::Ok();
    }
    case ItemType::kWeeksDays: {
      const WeeksDays* gestation = std::get_if<WeeksDays>(&value);
      if (gestation == nullptr) {
        return AnswerError(item.id, "must be weeks and days, {\"weeks\": W, \"days\": D}");
      }
      if (gestation->days < 0 || gestation->days > 6) {
        return AnswerError(item.id, "days must be 0 to 6, not " + std::to_string(gestation->days));
      }
      if (gestation->weeks < item.min || gestation->weeks > item.max) {
        return AnswerError(item.id, DescribeAnswer(item, value) + " is outside the range " +
                                        std::to_string(static_cast<int>(item.min)) + " to " +
                                        std::to_string(static_cast<int>(item.max)) + " weeks");
      }
      return Status::Ok();
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Assessment> AssessmentFromJson(const json& value) {
  if (!value.is_object()) return Status::InvalidData("an assessment must be a JSON object");
  for (const auto& [key, unused] : value.items()) {
    if (key != "rules_version" && key != "touchpoint" && key != "answers") {
      return Status::InvalidData(key +
                                 ": is not a field of an assessment (rules_version, "
                                 "touchpoint, answers)");
    }
  }
  Assessment assessment;
  for (const char* field : {"rules_version", "touchpoint"}) {
    if (!value.contains(field) || value[field].is_null()) continue;
    if (!value[field].is_string())
      return Status::InvalidData(std::string(field) + ": must be text");
    (std::string(field) == "rules_version" ? assessment.rules_version : assessment.touchpoint) =
        value[field].get<std::string>();
  }
  if (!value.contains("answers") || !value["answers"].is_object()) {
    return Status::InvalidData("answers: must be an object of answers by item id");
  }
  for (const auto& [item, answer] : value["answers"].items()) {
    if (answer.is_null()) continue;
    auto parsed = AnswerValueFromJson(answer);
    if (!parsed) {
      return AnswerError(item,
                         "must be true or false, a number, text or {\"weeks\": W, \"days\": D}");
    }
    assessment.answers.emplace(item, std::move(*parsed));
  }
  return assessment;
}

json AssessmentToJson(const Assessment& assessment) {
  json answers = json::object();
  for (const auto& [item, value] : assessment.answers) answers[item] = AnswerValueToJson(value);
  json out = {{"answers", answers}};
  if (!assessment.rules_version.empty()) out["rules_version"] = assessment.rules_version;
  if (!assessment.touchpoint.empty()) out["touchpoint"] = assessment.touchpoint;
  return out;
}

Status ValidateAnswers(const RuleSet& rules, const Assessment& assessment) {
  if (!assessment.touchpoint.empty() && rules.FindTouchpoint(assessment.touchpoint) == nullptr) {
    std::string list;
    for (const Touchpoint& touchpoint : rules.touchpoints) {
      list += (list.empty() ? "" : ", ") + touchpoint.id;
    }
    return Status::InvalidData("touchpoint: '" + assessment.touchpoint + "' is not one of " + list);
  }
  for (const auto& [id, value] : assessment.answers) {
    const Item* item = rules.FindItem(id);
    if (item == nullptr) {
      return AnswerError(id, "is not an item of the safer-sleep rules version " + rules.version);
    }
    CRADLE_RETURN_IF_ERROR(CheckAnswer(*item, value));
  }
  for (const Item& item : rules.items) {
    if (item.required && !assessment.answers.contains(item.id)) {
      return AnswerError(item.id, "is required: " + item.question);
    }
  }
  return Status::Ok();
}

}  // namespace cradle::safesleep
