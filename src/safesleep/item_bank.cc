#include "safesleep/item_bank.h"

#include <cmath>
#include <cstdio>

#include "base/strings.h"

namespace cradle::safesleep {

std::string_view ItemTypeName(ItemType type) {
  switch (type) {
    case ItemType::kYesNo:
      return "yes_no";
    case ItemType::kChoice:
      return "choice";
    case ItemType::kNumber:
      return "number";
    case ItemType::kWeeksDays:
      return "weeks_days";
  }
  return "yes_no";
}

std::optional<ItemType> ParseItemType(std::string_view name) {
  for (ItemType type :
       {ItemType::kYesNo, ItemType::kChoice, ItemType::kNumber, ItemType::kWeeksDays}) {
    if (ItemTypeName(type) == name) return type;
  }
  return std::nullopt;
}

const Option* Item::FindOption(std::string_view value) const {
  for (const Option& option : options) {
    if (option.value == value) return &option;
  }
  return nullptr;
}

namespace {

// Whole numbers with thousands separators ("2,400"), else up to two decimals.
std::string NumberText(double value) {
  if (std::fabs(value) < 1e15 && value == std::floor(value)) {
    return WithThousands(static_cast<int64_t>(value));
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

std::string DescribeAnswer(const Item& item, const AnswerValue& value) {
  if (const bool* yes = std::get_if<bool>(&value)) return *yes ? "yes" : "no";
  if (const std::string* text = std::get_if<std::string>(&value)) {
    const Option* option = item.FindOption(*text);
    return option ? option->label : *text;
  }
  if (const double* number = std::get_if<double>(&value)) {
    return NumberText(*number) + (item.unit.empty() ? "" : " " + item.unit);
  }
  const WeeksDays& gestation = std::get<WeeksDays>(value);
  return std::to_string(gestation.weeks) + "+" + std::to_string(gestation.days) + " weeks";
}

nlohmann::json AnswerValueToJson(const AnswerValue& value) {
  if (const bool* yes = std::get_if<bool>(&value)) return *yes;
  if (const double* number = std::get_if<double>(&value)) {
    // Whole numbers stay whole in the file: 2400, not 2400.0.
    if (std::fabs(*number) < 1e15 && *number == std::floor(*number)) {
      return static_cast<int64_t>(*number);
    }
    return *number;
  }
  if (const std::string* text = std::get_if<std::string>(&value)) return *text;
  const WeeksDays& gestation = std::get<WeeksDays>(value);
  return {{"weeks", gestation.weeks}, {"days", gestation.days}};
}

std::optional<AnswerValue> AnswerValueFromJson(const nlohmann::json& value) {
  if (value.is_boolean()) return AnswerValue(value.get<bool>());
  if (value.is_number()) {
    double number = value.get<double>();
    if (!std::isfinite(number)) return std::nullopt;
    return AnswerValue(number);
  }
  if (value.is_string()) return AnswerValue(value.get<std::string>());
  if (value.is_object() && value.size() == 2 && value.contains("weeks") && value.contains("days") &&
      value["weeks"].is_number_integer() && value["days"].is_number_integer()) {
    int64_t weeks = value["weeks"].get<int64_t>();
    int64_t days = value["days"].get<int64_t>();
    // Out-of-range values are kept small enough to report, not wrapped.
    if (weeks < -1000 || weeks > 1000 || days < -1000 || days > 1000) return std::nullopt;
    return AnswerValue(WeeksDays{static_cast<int>(weeks), static_cast<int>(days)});
  }
  return std::nullopt;
}

}  // namespace cradle::safesleep
