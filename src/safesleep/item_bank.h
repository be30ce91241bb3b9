// The safer-sleep item bank: each question a practitioner asks, with its type
// (yes/no, one choice among options, a number with a unit and a range, or
// weeks+days), and the answers to those questions as typed values. The items
// themselves are data, read from a rules file (rules_reader.h); this unit only
// knows their shape, so a new version of the questions needs no recompiling.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cradle::safesleep {

enum class ItemType { kYesNo, kChoice, kNumber, kWeeksDays };

// "yes_no", "choice", "number", "weeks_days": the names the rules file uses.
std::string_view ItemTypeName(ItemType type);
std::optional<ItemType> ParseItemType(std::string_view name);

struct Option {
  std::string value;  // stored and matched, e.g. "sofa_armchair"
  std::string label;  // shown, e.g. "A sofa or armchair"
};

struct Item {
  std::string id;     // e.g. "sleep_place_night"
  std::string group;  // one of the rules file's groups, e.g. "sleep_place"
  std::string question;
  ItemType type = ItemType::kYesNo;
  bool required = false;
  std::vector<Option> options;  // kChoice only
  std::string unit;             // kNumber only, e.g. "g"
  // Inclusive range: kNumber in its unit, kWeeksDays in whole weeks.
  double min = 0;
  double max = 0;

  // nullptr if `value` is not one of the options.
  const Option* FindOption(std::string_view value) const;
};

// Gestation as midwives write it: 36+2 is 36 weeks and 2 days.
struct WeeksDays {
  int weeks = 0;
  int days = 0;  // 0 to 6

  double InWeeks() const { return weeks + days / 7.0; }
  bool operator==(const WeeksDays&) const = default;
};

// bool for yes/no, std::string for a choice's option value, double for a
// number, WeeksDays for weeks+days. Which one an item takes is checked by
// ValidateAnswers (assessment.h), not here.
using AnswerValue = std::variant<bool, double, std::string, WeeksDays>;

// An answer in words for people: "yes", "no", the option's label, "2,400 g",
// "36+2 weeks". REQUIRES: `value` has the type `item` takes.
std::string DescribeAnswer(const Item& item, const AnswerValue& value);

// JSON forms: true/false, a number, text, {"weeks": 36, "days": 2}.
nlohmann::json AnswerValueToJson(const AnswerValue& value);
// std::nullopt for any other JSON shape (null, a list, an object that is not
// exactly weeks and days as whole numbers).
std::optional<AnswerValue> AnswerValueFromJson(const nlohmann::json& value);

}  // namespace cradle::safesleep
