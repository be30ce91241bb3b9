// cradle safesleep assess --answers FILE.json [--rules FILE] [--format text|json]
// cradle safesleep items [--rules FILE] [--format text|json]
// The safer-sleep risk assessment (docs/safer-sleep.md): the level, the
// reasons with the answers behind them and the actions for one family's
// answers, under the rules version the answers name; and the item bank the
// answers are checked against. Reads the bundled rules (data/safesleep)
// unless --rules names a file; needs no store.
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "safesleep/registry.h"
#include "safesleep/rules_reader.h"

namespace cradle::cli {
namespace {

using nlohmann::json;
namespace ss = safesleep;

struct SafeSleepArgs {
  CLI::App* assess = nullptr;
  CLI::App* items = nullptr;
  std::string answers;
  std::string rules;  // empty: every version bundled in data/safesleep
  std::string format = "text";
};

Result<ss::RulesRegistry> OpenRules(const SafeSleepArgs& args) {
  if (args.rules.empty()) return ss::RulesRegistry::LoadDirectory(ss::DefaultRulesDir());
  CRADLE_ASSIGN_OR_RETURN(ss::RuleSet rules, ss::LoadRules(args.rules));
  ss::RulesRegistry registry;
  CRADLE_RETURN_IF_ERROR(registry.Add(std::move(rules)));
  return registry;
}

// The message of `status` with `path: ` in front, keeping its code.
Status InFile(const std::string& path, const Status& status) {
  std::string message = path + ": " + status.message();
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
      return Status::InvalidArgument(message);
    case StatusCode::kNotFound:
      return Status::NotFound(message);
    case StatusCode::kInvalidData:
      return Status::InvalidData(message);
    default:
      return status;
  }
}

Result<ss::Assessment> ReadAnswers(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open the answers file");
  json root = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return Status::InvalidData(path + ": is not valid JSON");
  auto assessment = ss::AssessmentFromJson(root);
  if (!assessment.ok()) return InFile(path, assessment.status());
  return assessment;
}

void PrintOutcome(const ss::RuleSet& rules, const ss::Assessment& assessment,
                  const ss::Outcome& outcome, std::ostream& out) {
  const ss::Level& level = rules.LevelOf(outcome.level);
  out << "Safer sleep risk: " << level.title << "\n"
      << "Rules version " << outcome.rules_version << ": " << rules.title << "\n";
  if (const ss::Touchpoint* touchpoint = rules.FindTouchpoint(assessment.touchpoint)) {
    out << "Touchpoint: " << touchpoint->label << "\n";
  }
  out << "\nWhy\n";
  if (outcome.reasons.empty()) out << "  No risk factor was found in the answers.\n";
  int number = 0;
  for (const ss::Reason& reason : outcome.reasons) {
    out << "  " << ++number << ". " << rules.LevelOf(reason.level).title << " (" << reason.rule
        << "): " << reason.text << "\n";
    for (const ss::TriggeringAnswer& answer : reason.answers) {
      out << "       " << answer.question << " " << answer.text << "\n";
    }
  }
  out << "\nActions\n";
  for (const ss::OutcomeAction& action : outcome.actions) {
    out << "  " << action.code << ": " << action.text << "\n";
  }
  out << "\n";
  if (outcome.reassessment_due) {
    for (const ss::Reassessment& due : outcome.reassessment) {
      out << "Reassessment due: " << due.text << "\n";
    }
  } else {
    out << "Reassess at the next routine contact or any change in circumstances.\n";
  }
  out << "\nA basis for conversation with the family, not a score. Items and thresholds are a "
         "draft to be agreed with LLR (rules: "
      << rules.path << ").\n";
}

Status RunAssess(const SafeSleepArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(ss::RulesRegistry registry, OpenRules(args));
  CRADLE_ASSIGN_OR_RETURN(ss::Assessment assessment, ReadAnswers(args.answers));
  // With --rules, the file given is the version used unless the answers name another.
  if (!args.rules.empty() && assessment.rules_version.empty()) {
    assessment.rules_version = registry.Current().version;
  }
  auto outcome = registry.Assess(assessment);
  if (!outcome.ok()) return InFile(args.answers, outcome.status());
  CRADLE_ASSIGN_OR_RETURN(const ss::RuleSet* rules, registry.Find(outcome->rules_version));
  if (args.format == "json") {
    out << ss::OutcomeToJson(*outcome).dump(2) << "\n";
    return Status::Ok();
  }
  PrintOutcome(*rules, assessment, *outcome, out);
  return Status::Ok();
}

std::string Range(const ss::Item& item) {
  auto number = [](double value) {
    return ss::DescribeAnswer(ss::Item{}, ss::AnswerValue(std::in_place_type<double>, value));
  };
  if (item.type == ss::ItemType::kNumber) {
    return "a number in " + item.unit + ", " + number(item.min) + " to " + number(item.max);
  }
  return "weeks+days, " + number(item.min) + "+0 to " + number(item.max) + "+6";
}

json ItemJson(const ss::Item& item) {
  json entry = {{"id", item.id},
                {"group", item.group},
                {"question", item.question},
                {"type", ss::ItemTypeName(item.type)},
                {"required", item.required}};
  if (item.type == ss::ItemType::kChoice) {
    entry["options"] = json::array();
    for (const ss::Option& option : item.options) {
      entry["options"].push_back({{"value", option.value}, {"label", option.label}});
    }
  }
  if (item.type == ss::ItemType::kNumber) entry["unit"] = item.unit;
  if (item.type == ss::ItemType::kNumber || item.type == ss::ItemType::kWeeksDays) {
    entry["min"] = item.min;
    entry["max"] = item.max;
  }
  return entry;
}

Status RunItems(const SafeSleepArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(ss::RulesRegistry registry, OpenRules(args));
  const ss::RuleSet& rules = registry.Current();
  if (args.format == "json") {
    json items = json::array();
    for (const ss::Item& item : rules.items) items.push_back(ItemJson(item));
    out << json{{"rules_version", rules.version}, {"items", items}}.dump(2) << "\n";
    return Status::Ok();
  }
  out << "Safer sleep item bank, rules version " << rules.version << " (" << rules.path << ")\n"
      << "Record separately for day and night sleeps, and for the usual routine and away from "
         "home.\n";
  for (const ss::Group& group : rules.groups) {
    out << "\n" << group.title << "\n";
    for (const ss::Item& item : rules.items) {
      if (item.group != group.id) continue;
      out << "  " << item.id << (item.required ? " (required)" : "") << ": " << item.question
          << "\n";
      switch (item.type) {
        case ss::ItemType::kYesNo:
          out << "      yes or no (true or false)\n";
          break;
        case ss::ItemType::kChoice:
          for (const ss::Option& option : item.options) {
            out << "      " << option.value << ": " << option.label << "\n";
          }
          break;
        default:
          out << "      " << Range(item) << "\n";
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Command AddSafeSleepCommand(CLI::App& parent) {
  auto args = std::make_shared<SafeSleepArgs>();
  CLI::App* app = parent.add_subcommand(
      "safesleep", "The safer-sleep risk assessment: assess a family's answers, list the items");
  app->require_subcommand(1);
  args->assess = app->add_subcommand(
      "assess", "The risk level, the reasons and the actions for one assessment's answers");
  args->assess
      ->add_option("--answers", args->answers,
                   "JSON answers: {\"rules_version\": \"1\", \"touchpoint\": \"new_birth_visit\", "
                   "\"answers\": {\"item\": value, ...}}")
      ->type_name("FILE")
      ->required();
  args->items = app->add_subcommand("items", "The item bank the answers are checked against");
  for (CLI::App* sub : {args->assess, args->items}) {
    sub->add_option("--rules", args->rules,
                    "A rules file to use instead of the bundled versions in data/safesleep")
        ->type_name("FILE");
    sub->add_option("--format", args->format, "text (default) or json")
        ->check(CLI::IsMember({"text", "json"}));
  }
  return {app, [args](std::ostream& out) {
            if (args->assess->parsed()) return RunAssess(*args, out);
            return RunItems(*args, out);
          }};
}

}  // namespace cradle::cli
