#include "safesleep/rules_reader.h"

#include <fstream>
#include <initializer_list>
#include <set>

namespace cradle::safesleep {
namespace {

using nlohmann::json;

std::string Field(const std::string& where, std::string_view field) {
  return where.empty() ? std::string(field) : where + "." + std::string(field);
}

std::string Index(const std::string& where, size_t index) {
  return where + "[" + std::to_string(index) + "]";
}

// Ids are stored, typed into files and used in URLs: keep them plain.
bool IsPlainId(const std::string& id, bool upper) {
  if (id.empty()) return false;
  for (char c : id) {
    bool letter = upper ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z');
    if (!letter && !(c >= '0' && c <= '9') && c != '_') return false;
  }
  return true;
}

// Reads one rules file, remembering its path for every error.
class RulesReader {
 public:
  explicit RulesReader(const std::string& path) : path_(path) {}

  Result<RuleSet> Read(const json& root);

 private:
  Status Error(const std::string& where, std::string_view problem) const {
    return Status::InvalidData(path_ + ": " + where + ": " + std::string(problem));
  }

  Status CheckObject(const json& value, const std::string& where,
                     std::initializer_list<std::string_view> allowed) const;
  Result<std::string> Text(const json& object, const std::string& where,
                           std::string_view field) const;
  Result<const json*> List(const json& object, const std::string& where, std::string_view field,
                           bool may_be_empty) const;
  Result<double> Number(const json& object, const std::string& where, std::string_view field) const;
  Result<std::string> Id(const json& object, const std::string& where, std::set<std::string>& seen,
                         bool upper = false) const;

  Status ReadGroups(const json& root, RuleSet& rules) const;
  Status ReadItems(const json& root, RuleSet& rules) const;
  Result<Item> ReadItem(const json& value, const std::string& where, const RuleSet& rules) const;
  Status ReadTouchpoints(const json& root, RuleSet& rules) const;
  Status ReadActions(const json& root, RuleSet& rules) const;
  Result<std::vector<std::string>> ActionCodes(const json& object, const std::string& where,
                                               const RuleSet& rules) const;
  Status ReadLevels(const json& root, RuleSet& rules) const;
  Status ReadRules(const json& root, RuleSet& rules) const;
  Status ReadTriggers(const json& root, RuleSet& rules) const;
  Result<Condition> ReadCondition(const json& value, const std::string& where, const RuleSet& rules,
                                  const std::set<std::string>& earlier) const;
  Result<Condition> ReadItemTest(const json& value, const std::string& where,
                                 const RuleSet& rules) const;

  const std::string& path_;
};

Status RulesReader::CheckObject(const json& value, const std::string& where,
                                std::initializer_list<std::string_view> allowed) const {
  if (!value.is_object()) return Error(where, "must be an object");
  for (const auto& [key, unused] : value.items()) {
    bool known = false;
    for (std::string_view name : allowed) known = known || name == key;
    if (!known) return Error(Field(where, key), "is not a known field");
  }
  return Status::Ok();
}

Result<std::string> RulesReader::Text(const json& object, const std::string& where,
                                      std::string_view field) const {
  auto it = object.find(field);
  if (it == object.end()) return Error(Field(where, field), "is required");
  if (!it->is_string() || it->get<std::string>().empty()) {
    return Error(Field(where, field), "must be non-empty text");
  }
  return it->get<std::string>();
}

Result<const json*> RulesReader::List(const json& object, const std::string& where,
                                      std::string_view field, bool may_be_empty) const {
  auto it = object.find(field);
  if (it == object.end()) return Error(Field(where, field), "is required");
  if (!it->is_array() || (!may_be_empty && it->empty())) {
    return Error(Field(where, field), may_be_empty ? "must be a list" : "must be a non-empty list");
  }
  return &*it;
}

Result<double> RulesReader::Number(const json& object, const std::string& where,
                                   std::string_view field) const {
  auto it = object.find(field);
  if (it == object.end()) return Error(Field(where, field), "is required");
  if (!it->is_number()) return Error(Field(where, field), "must be a number");
  return it->get<double>();
}

Result<std::string> RulesReader::Id(const json& object, const std::string& where,
                                    std::set<std::string>& seen, bool upper) const {
  std::string field = upper ? "code" : "id";
  CRADLE_ASSIGN_OR_RETURN(std::string id, Text(object, where, field));
  if (!IsPlainId(id, upper)) {
    return Error(
        Field(where, field),
        "'" + id + "' must be " + (upper ? "upper-case" : "lower-case") + " letters, digits and _");
  }
  if (!seen.insert(id).second) return Error(Field(where, field), "'" + id + "' is used twice");
  return id;
}

Status RulesReader::ReadGroups(const json& root, RuleSet& rules) const {
  CRADLE_ASSIGN_OR_RETURN(const json* groups, List(root, "", "groups", false));
  std::set<std::string> seen;
  for (size_t idx = 0; idx < groups->size(); ++idx) {
    std::string where = Index("groups", idx);
    const json& value = (*groups)[idx];
    CRADLE_RETURN_IF_ERROR(CheckObject(value, where, {"id", "title"}));
    Group group;
    CRADLE_ASSIGN_OR_RETURN(group.id, Id(value, where, seen));
    CRADLE_ASSIGN_OR_RETURN(group.title, Text(value, where, "title"));
    rules.groups.push_back(std::move(group));
  }
  return Status::Ok();
}

Result<Item> RulesReader::ReadItem(const json& value, const std::string& where,
                                   const RuleSet& rules) const {
  if (!value.is_object()) return Error(where, "must be an object");
  Item item;
  CRADLE_ASSIGN_OR_RETURN(std::string type, Text(value, where, "type"));
  auto parsed = ParseItemType(type);
  if (!parsed) {
    return Error(Field(where, "type"),
                 "'" + type + "' is not yes_no, choice, number or weeks_days");
  }
  item.type = *parsed;
  switch (item.type) {
    case ItemType::kYesNo:
      CRADLE_RETURN_IF_ERROR(
          CheckObject(value, where, {"id", "group", "question", "type", "required"}));
      break;
    case ItemType::kChoice:
      CRADLE_RETURN_IF_ERROR(
          CheckObject(value, where, {"id", "group", "question", "type", "required", "options"}));
      break;
    case ItemType::kNumber:
      CRADLE_RETURN_IF_ERROR(CheckObject(
          value, where, {"id", "group", "question", "type", "required", "unit", "min", "max"}));
      break;
    case ItemType::kWeeksDays:
      CRADLE_RETURN_IF_ERROR(CheckObject(
          value, where, {"id", "group", "question", "type", "required", "min_weeks", "max_weeks"}));
      break;
  }
  std::set<std::string> unused;
  CRADLE_ASSIGN_OR_RETURN(item.id, Id(value, where, unused));
  CRADLE_ASSIGN_OR_RETURN(item.group, Text(value, where, "group"));
  bool group_known = false;
  for (const Group& group : rules.groups) group_known = group_known || group.id == item.group;
  if (!group_known) return Error(Field(where, "group"), "'" + item.group + "' is not a group");
  CRADLE_ASSIGN_OR_RETURN(item.question, Text(value, where, "question"));
  if (value.contains("required")) {
    if (!value["required"].is_boolean()) {
      return Error(Field(where, "required"), "must be true or false");
    }
    item.required = value["required"].get<bool>();
  }
  if (item.type == ItemType::kChoice) {
    CRADLE_ASSIGN_OR_RETURN(const json* options, List(value, where, "options", false));
    std::set<std::string> seen;
    for (size_t idx = 0; idx < options->size(); ++idx) {
      std::string at = Index(Field(where, "options"), idx);
      const json& option_json = (*options)[idx];
      CRADLE_RETURN_IF_ERROR(CheckObject(option_json, at, {"value", "label"}));
      Option option;
      CRADLE_ASSIGN_OR_RETURN(option.value, Text(option_json, at, "value"));
      if (!IsPlainId(option.value, false)) {
        return Error(Field(at, "value"),
                     "'" + option.value + "' must be lower-case letters, digits and _");
      }
      if (!seen.insert(option.value).second) {
        return Error(Field(at, "value"), "'" + option.value + "' is used twice");
      }
      CRADLE_ASSIGN_OR_RETURN(option.label, Text(option_json, at, "label"));
      item.options.push_back(std::move(option));
    }
  }
  if (item.type == ItemType::kNumber || item.type == ItemType::kWeeksDays) {
    bool number = item.type == ItemType::kNumber;
    if (number) {
      CRADLE_ASSIGN_OR_RETURN(item.unit, Text(value, where, "unit"));
    }
    std::string min_field = number ? "min" : "min_weeks";
    std::string max_field = number ? "max" : "max_weeks";
    CRADLE_ASSIGN_OR_RETURN(item.min, Number(value, where, min_field));
    CRADLE_ASSIGN_OR_RETURN(item.max, Number(value, where, max_field));
    if (!(item.min < item.max)) {
      return Error(Field(where, max_field), "must be greater than " + min_field);
    }
  }
  return item;
}

Status RulesReader::ReadItems(const json& root, RuleSet& rules) const {
  CRADLE_ASSIGN_OR_RETURN(const json* items, List(root, "", "items", false));
  std::set<std::string> seen;
  for (size_t idx = 0; idx < items->size(); ++idx) {
    std::string where = Index("items", idx);
    CRADLE_ASSIGN_OR_RETURN(Item item, ReadItem((*items)[idx], where, rules));
    if (!seen.insert(item.id).second) {
      return Error(Field(where, "id"), "'" + item.id + "' is used twice");
    }
    rules.items.push_back(std::move(item));
  }
  return Status::Ok();
}

Status RulesReader::ReadTouchpoints(const json& root, RuleSet& rules) const {
  CRADLE_ASSIGN_OR_RETURN(const json* touchpoints, List(root, "", "touchpoints", false));
  std::set<std::string> seen;
  for (size_t idx = 0; idx < touchpoints->size(); ++idx) {
    std::string where = Index("touchpoints", idx);
    const json& value = (*touchpoints)[idx];
    CRADLE_RETURN_IF_ERROR(CheckObject(value, where, {"id", "label"}));
    Touchpoint touchpoint;
    CRADLE_ASSIGN_OR_RETURN(touchpoint.id, Id(value, where, seen));
    CRADLE_ASSIGN_OR_RETURN(touchpoint.label, Text(value, where, "label"));
    rules.touchpoints.push_back(std::move(touchpoint));
  }
  return Status::Ok();
}

Status RulesReader::ReadActions(const json& root, RuleSet& rules) const {
  static const std::set<std::string> kKinds = {"advice", "plan", "referral", "information_sharing",
                                               "follow_up"};
  CRADLE_ASSIGN_OR_RETURN(const json* actions, List(root, "", "actions", false));
  std::set<std::string> seen;
  for (size_t idx = 0; idx < actions->size(); ++idx) {
    std::string where = Index("actions", idx);
    const json& value = (*actions)[idx];
    CRADLE_RETURN_IF_ERROR(CheckObject(value, where, {"code", "kind", "text"}));
    ActionDefinition action;
    CRADLE_ASSIGN_OR_RETURN(action.code, Id(value, where, seen, /*upper=*/true));
    CRADLE_ASSIGN_OR_RETURN(action.kind, Text(value, where, "kind"));
    if (!kKinds.contains(action.kind)) {
      return Error(
          Field(where, "kind"),
          "'" + action.kind + "' is not advice, plan, referral, information_sharing or follow_up");
    }
    CRADLE_ASSIGN_OR_RETURN(action.text, Text(value, where, "text"));
    rules.actions.push_back(std::move(action));
  }
  return Status::Ok();
}

Result<std::vector<std::string>> RulesReader::ActionCodes(const json& object,
                                                          const std::string& where,
                                                          const RuleSet& rules) const {
  CRADLE_ASSIGN_OR_RETURN(const json* codes, List(object, where, "actions", true));
  std::vector<std::string> out;
  for (size_t idx = 0; idx < codes->size(); ++idx) {
    std::string at = Index(Field(where, "actions"), idx);
    const json& code = (*codes)[idx];
    if (!code.is_string()) return Error(at, "must be an action code");
    if (rules.FindAction(code.get<std::string>()) == nullptr) {
      return Error(at, "'" + code.get<std::string>() + "' is not an action code");
    }
    out.push_back(code.get<std::string>());
  }
  return out;
}

Status RulesReader::ReadLevels(const json& root, RuleSet& rules) const {
  if (!root.contains("levels")) return Error("levels", "is required");
  const json& levels = root["levels"];
  CRADLE_RETURN_IF_ERROR(CheckObject(levels, "levels", {"universal", "increased", "high"}));
  for (RiskLevel risk : {RiskLevel::kUniversal, RiskLevel::kIncreased, RiskLevel::kHigh}) {
    std::string name(RiskLevelName(risk));
    std::string where = "levels." + name;
    if (!levels.contains(name)) return Error(where, "is required");
    const json& value = levels[name];
    CRADLE_RETURN_IF_ERROR(CheckObject(value, where, {"title", "actions", "follow_up_days"}));
    Level& level = rules.levels[static_cast<size_t>(risk)];
    CRADLE_ASSIGN_OR_RETURN(level.title, Text(value, where, "title"));
    CRADLE_ASSIGN_OR_RETURN(level.actions, ActionCodes(value, where, rules));
    if (value.contains("follow_up_days") && !value["follow_up_days"].is_null()) {
      const json& days = value["follow_up_days"];
      if (!days.is_number_integer() || days.get<int64_t>() < 1 || days.get<int64_t>() > 366) {
        return Error(Field(where, "follow_up_days"), "must be a whole number of days, 1 to 366");
      }
      level.follow_up_days = days.get<int>();
    }
    // Rules only raise the level to increased or high, and may bring a
    // follow-up: those levels must say when.
    bool follow_up = risk != RiskLevel::kUniversal;
    for (const std::string& code : level.actions) {
      follow_up = follow_up || rules.FindAction(code)->kind == "follow_up";
    }
    if (follow_up && !level.follow_up_days) {
      return Error(Field(where, "follow_up_days"), "is required");
    }
  }
  return Status::Ok();
}

Result<Condition> RulesReader::ReadItemTest(const json& value, const std::string& where,
                                            const RuleSet& rules) const {
  CRADLE_RETURN_IF_ERROR(CheckObject(value, where, {"item", "in", "is", "lt", "le", "gt", "ge"}));
  Condition condition;
  condition.kind = Condition::Kind::kItem;
  CRADLE_ASSIGN_OR_RETURN(condition.item, Text(value, where, "item"));
  const Item* item = rules.FindItem(condition.item);
  if (item == nullptr)
    return Error(Field(where, "item"), "'" + condition.item + "' is not an item");
  if (value.size() != 2) {
    return Error(where, "an item test needs exactly one of in, is, lt, le, gt or ge");
  }
  std::string type(ItemTypeName(item->type));
  auto wrong_test = [&](std::string_view test, std::string_view use) {
    return Error(Field(where, test),
                 "'" + item->id + "' is a " + type + " item: use " + std::string(use));
  };
  if (value.contains("in")) {
    if (item->type != ItemType::kChoice) {
      return wrong_test("in", item->type == ItemType::kYesNo ? "is" : "lt, le, gt or ge");
    }
    condition.test = Condition::Test::kIn;
    CRADLE_ASSIGN_OR_RETURN(const json* options, List(value, where, "in", false));
    for (size_t idx = 0; idx < options->size(); ++idx) {
      std::string at = Index(Field(where, "in"), idx);
      const json& option = (*options)[idx];
      if (!option.is_string()) return Error(at, "must be an option of '" + item->id + "'");
      if (item->FindOption(option.get<std::string>()) == nullptr) {
        return Error(at,
                     "'" + option.get<std::string>() + "' is not an option of '" + item->id + "'");
      }
      condition.in.push_back(option.get<std::string>());
    }
    return condition;
  }
  if (value.contains("is")) {
    if (item->type != ItemType::kYesNo) {
      return wrong_test("is", item->type == ItemType::kChoice ? "in" : "lt, le, gt or ge");
    }
    if (!value["is"].is_boolean()) return Error(Field(where, "is"), "must be true or false");
    condition.test = Condition::Test::kIs;
    condition.is = value["is"].get<bool>();
    return condition;
  }
  static const std::pair<const char*, Condition::Test> kComparisons[] = {
      {"lt", Condition::Test::kLt},
      {"le", Condition::Test::kLe},
      {"gt", Condition::Test::kGt},
      {"ge", Condition::Test::kGe}};
  for (const auto& [name, test] : kComparisons) {
    if (!value.contains(name)) continue;
    if (item->type != ItemType::kNumber && item->type != ItemType::kWeeksDays) {
      return wrong_test(name, item->type == ItemType::kChoice ? "in" : "is");
    }
    CRADLE_ASSIGN_OR_RETURN(condition.bound, Number(value, where, name));
    condition.test = test;
    return condition;
  }
  return Error(where, "an item test needs exactly one of in, is, lt, le, gt or ge");
}

Result<Condition> RulesReader::ReadCondition(const json& value, const std::string& where,
                                             const RuleSet& rules,
                                             const std::set<std::string>& earlier) const {
  if (!value.is_object()) return Error(where, "must be a condition object");
  if (value.contains("item")) return ReadItemTest(value, where, rules);
  Condition condition;
  if (value.contains("rule")) {
    CRADLE_RETURN_IF_ERROR(CheckObject(value, where, {"rule"}));
    condition.kind = Condition::Kind::kRule;
    CRADLE_ASSIGN_OR_RETURN(condition.rule, Text(value, where, "rule"));
    if (!earlier.contains(condition.rule)) {
      return Error(Field(where, "rule"), "'" + condition.rule + "' is not an earlier rule");
    }
    return condition;
  }
  std::string list_field;
  if (value.contains("all")) {
    CRADLE_RETURN_IF_ERROR(CheckObject(value, where, {"all"}));
    condition.kind = Condition::Kind::kAll;
    list_field = "all";
  } else if (value.contains("any")) {
    CRADLE_RETURN_IF_ERROR(CheckObject(value, where, {"any"}));
    condition.kind = Condition::Kind::kAny;
    list_field = "any";
  } else if (value.contains("count_of")) {
    CRADLE_RETURN_IF_ERROR(CheckObject(value, where, {"count_of", "at_least"}));
    condition.kind = Condition::Kind::kCountOf;
    list_field = "count_of";
  } else {
    return Error(where, "a condition needs one of all, any, count_of, item or rule");
  }
  CRADLE_ASSIGN_OR_RETURN(const json* children, List(value, where, list_field, false));
  for (size_t idx = 0; idx < children->size(); ++idx) {
    CRADLE_ASSIGN_OR_RETURN(
        Condition child,
        ReadCondition((*children)[idx], Index(Field(where, list_field), idx), rules, earlier));
    condition.children.push_back(std::move(child));
  }
  if (condition.kind == Condition::Kind::kCountOf) {
    const json* at_least = value.contains("at_least") ? &value["at_least"] : nullptr;
    if (at_least == nullptr) return Error(Field(where, "at_least"), "is required");
    int64_t most = static_cast<int64_t>(children->size());
    if (!at_least->is_number_integer() || at_least->get<int64_t>() < 1 ||
        at_least->get<int64_t>() > most) {
      return Error(Field(where, "at_least"),
                   "must be a whole number from 1 to " + std::to_string(most));
    }
    condition.at_least = at_least->get<int>();
  }
  return condition;
}

Status RulesReader::ReadRules(const json& root, RuleSet& rules) const {
  CRADLE_ASSIGN_OR_RETURN(const json* list, List(root, "", "rules", false));
  std::set<std::string> seen;
  for (size_t idx = 0; idx < list->size(); ++idx) {
    std::string where = Index("rules", idx);
    const json& value = (*list)[idx];
    CRADLE_RETURN_IF_ERROR(CheckObject(value, where, {"id", "level", "when", "reason", "actions"}));
    Rule rule;
    // Only rules above this one may be cited, so rules can never cite in a circle.
    std::set<std::string> earlier = seen;
    CRADLE_ASSIGN_OR_RETURN(rule.id, Id(value, where, seen));
    CRADLE_ASSIGN_OR_RETURN(std::string level, Text(value, where, "level"));
    auto parsed = ParseRiskLevel(level);
    if (!parsed || *parsed == RiskLevel::kUniversal) {
      return Error(Field(where, "level"), "'" + level + "' must be increased or high");
    }
    rule.level = *parsed;
    if (!value.contains("when")) return Error(Field(where, "when"), "is required");
    CRADLE_ASSIGN_OR_RETURN(rule.when,
                            ReadCondition(value["when"], Field(where, "when"), rules, earlier));
    CRADLE_ASSIGN_OR_RETURN(rule.reason, Text(value, where, "reason"));
    CRADLE_ASSIGN_OR_RETURN(rule.actions, ActionCodes(value, where, rules));
    rules.rules.push_back(std::move(rule));
  }
  return Status::Ok();
}

Status RulesReader::ReadTriggers(const json& root, RuleSet& rules) const {
  CRADLE_ASSIGN_OR_RETURN(const json* list, List(root, "", "reassessment_triggers", true));
  std::set<std::string> all_rules;
  for (const Rule& rule : rules.rules) all_rules.insert(rule.id);
  std::set<std::string> seen;
  for (size_t idx = 0; idx < list->size(); ++idx) {
    std::string where = Index("reassessment_triggers", idx);
    const json& value = (*list)[idx];
    CRADLE_RETURN_IF_ERROR(CheckObject(value, where, {"id", "when", "text"}));
    ReassessmentTrigger trigger;
    CRADLE_ASSIGN_OR_RETURN(trigger.id, Id(value, where, seen));
    if (!value.contains("when")) return Error(Field(where, "when"), "is required");
    CRADLE_ASSIGN_OR_RETURN(trigger.when,
                            ReadCondition(value["when"], Field(where, "when"), rules, all_rules));
    CRADLE_ASSIGN_OR_RETURN(trigger.text, Text(value, where, "text"));
    rules.reassessment_triggers.push_back(std::move(trigger));
  }
  return Status::Ok();
}

Result<RuleSet> RulesReader::Read(const json& root) {
  if (!root.is_object()) return Status::InvalidData(path_ + ": must be a JSON object");
  for (const auto& [key, unused] : root.items()) {
    static const std::set<std::string> kFields = {
        "version",     "title",   "source", "groups", "items",
        "touchpoints", "actions", "levels", "rules",  "reassessment_triggers"};
    if (!kFields.contains(key)) return Error(key, "is not a known field");
  }
  RuleSet rules;
  rules.path = path_;
  CRADLE_ASSIGN_OR_RETURN(rules.version, Text(root, "", "version"));
  CRADLE_ASSIGN_OR_RETURN(rules.title, Text(root, "", "title"));
  CRADLE_ASSIGN_OR_RETURN(rules.source, Text(root, "", "source"));
  CRADLE_RETURN_IF_ERROR(ReadGroups(root, rules));
  CRADLE_RETURN_IF_ERROR(ReadItems(root, rules));
  CRADLE_RETURN_IF_ERROR(ReadTouchpoints(root, rules));
  CRADLE_RETURN_IF_ERROR(ReadActions(root, rules));
  CRADLE_RETURN_IF_ERROR(ReadLevels(root, rules));
  CRADLE_RETURN_IF_ERROR(ReadRules(root, rules));
  CRADLE_RETURN_IF_ERROR(ReadTriggers(root, rules));
  return rules;
}

}  // namespace

Result<RuleSet> ReadRules(const json& root, const std::string& path) {
  return RulesReader(path).Read(root);
}

Result<RuleSet> LoadRules(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open the safer-sleep rules file");
  json root = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return Status::InvalidData(path + ": is not valid JSON");
  return ReadRules(root, path);
}

}  // namespace cradle::safesleep
