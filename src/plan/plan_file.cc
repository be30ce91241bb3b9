#include "plan/plan_file.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "plan/measures.h"
#include "records/cdop_codes.h"

namespace cradle::plan {
namespace {

using nlohmann::json;

// Reads fields of JSON objects, naming the path of the first problem.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  void Fail(const std::string& path, const std::string& reason) {
    if (error_.empty()) error_ = file_ + ": " + path + ": " + reason;
  }

  std::string Text(const json& object, const std::string& path, const char* key,
                   bool required = true) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      if (required) Fail(path + "." + key, "is missing");
      return "";
    }
    if (!it->is_string()) {
      Fail(path + "." + key, "is not text");
      return "";
    }
    std::string text = it->get<std::string>();
    if (required && text.empty()) Fail(path + "." + key, "is empty");
    return text;
  }

  std::vector<std::string> List(const json& object, const std::string& path, const char* key) {
    std::vector<std::string> out;
    auto it = object.find(key);
    if (it == object.end()) return out;
    if (!it->is_array()) {
      Fail(path + "." + key, "is not a list");
      return out;
    }
    for (size_t idx = 0; idx < it->size(); ++idx) {
      if (!(*it)[idx].is_string()) {
        Fail(path + "." + key + "[" + std::to_string(idx) + "]", "is not text");
      } else {
        out.push_back((*it)[idx].get<std::string>());
      }
    }
    return out;
  }

  std::optional<records::Date> Date(const json& object, const std::string& path, const char* key) {
    std::string text = Text(object, path, key, false);
    if (text.empty()) return std::nullopt;
    auto date = records::Date::Parse(text);
    if (!date) Fail(path + "." + key, "'" + text + "' is not a date written YYYY-MM-DD");
    return date;
  }

  // The array at `key` of the top-level object, each element an object.
  const json& Array(const json& top, const char* key) {
    static const json kEmpty = json::array();
    auto it = top.find(key);
    if (it == top.end() || !it->is_array()) {
      Fail(key, "is missing or not a list");
      return kEmpty;
    }
    for (size_t idx = 0; idx < it->size(); ++idx) {
      if (!(*it)[idx].is_object())
        Fail(std::string(key) + "[" + std::to_string(idx) + "]", "is not an object");
    }
    return *it;
  }

 private:
  std::string file_;
  std::string error_;
};

template <size_t N>
std::string Allowed(const char* const (&allowed)[N]) {
  std::string out;
  for (size_t idx = 0; idx < N; ++idx) out += (idx ? ", " : "") + std::string(allowed[idx]);
  return out;
}

std::string Path(const char* array, size_t index) {
  return std::string(array) + "[" + std::to_string(index) + "]";
}

}  // namespace

std::string BundledPlanPath(const std::string& data_dir) {
  return data_dir + "/plan/leicester.json";
}

std::string RagName(std::string_view rag) {
  if (rag == "R") return "Red";
  if (rag == "A") return "Amber";
  if (rag == "G") return "Green";
  if (rag == "B") return "Blue (complete)";
  return std::string(rag);
}

std::string StageLabel(std::string_view stage) {
  if (stage == "input") return "Inputs";
  if (stage == "activity") return "Activities";
  if (stage == "output") return "Outputs";
  if (stage == "outcome_short") return "Short-term outcomes";
  if (stage == "outcome_medium") return "Medium-term outcomes";
  if (stage == "outcome_long") return "Long-term outcomes";
  if (stage == "impact") return "Impact";
  return std::string(stage);
}

std::string StatusLabel(std::string_view status) {
  std::string label(status);
  std::replace(label.begin(), label.end(), '_', ' ');
  return label;
}

Result<store::Plan> ReadPlanFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read the action plan " + path);
  json top = json::parse(in, nullptr, /*allow_exceptions=*/false);
  const std::string file = path.substr(path.find_last_of('/') + 1);
  if (top.is_discarded() || !top.is_object()) {
    return Status::InvalidData(file + ": not a JSON object");
  }
  Reader r(file);
  store::Plan plan;
  plan.title = r.Text(top, "$", "title");
  const json& themes = r.Array(top, "themes");
  for (size_t idx = 0; idx < themes.size() && r.ok(); ++idx) {
    const std::string at = Path("themes", idx);
    plan.themes.push_back({r.Text(themes[idx], at, "id"), r.Text(themes[idx], at, "name"),
                           r.Text(themes[idx], at, "outcome")});
  }
  const json& groups = r.Array(top, "working_groups");
  for (size_t idx = 0; idx < groups.size() && r.ok(); ++idx) {
    const std::string at = Path("working_groups", idx);
    plan.working_groups.push_back({r.Text(groups[idx], at, "id"), r.Text(groups[idx], at, "name"),
                                   r.Text(groups[idx], at, "chair"),
                                   r.List(groups[idx], at, "members")});
  }
  const json& priorities = r.Array(top, "priorities");
  for (size_t idx = 0; idx < priorities.size() && r.ok(); ++idx) {
    const std::string at = Path("priorities", idx);
    plan.priorities.push_back({r.Text(priorities[idx], at, "id"),
                               r.Text(priorities[idx], at, "theme"),
                               r.Text(priorities[idx], at, "title"),
                               r.Text(priorities[idx], at, "working_group", false)});
  }
  const json& recommendations = r.Array(top, "recommendations");
  for (size_t idx = 0; idx < recommendations.size() && r.ok(); ++idx) {
    const std::string at = Path("recommendations", idx);
    const json& item = recommendations[idx];
    plan.recommendations.push_back({r.Text(item, at, "id"), r.Text(item, at, "title"),
                                    r.Text(item, at, "text"), r.Text(item, at, "owner"),
                                    r.Text(item, at, "addressed_to"),
                                    r.Date(item, at, "notified_on"), r.Text(item, at, "status"),
                                    r.List(item, at, "factors"), r.List(item, at, "measures")});
  }
  const json& actions = r.Array(top, "actions");
  for (size_t idx = 0; idx < actions.size() && r.ok(); ++idx) {
    const std::string at = Path("actions", idx);
    const json& item = actions[idx];
    plan.actions.push_back(
        {r.Text(item, at, "id"), r.Text(item, at, "priority"), r.Text(item, at, "title"),
         r.Text(item, at, "owner"), r.Text(item, at, "lead_organisation"), r.Date(item, at, "due"),
         r.Text(item, at, "status"), r.Text(item, at, "rag"), r.Text(item, at, "rag_reason", false),
         r.List(item, at, "recommendations"), r.List(item, at, "factors"),
         r.List(item, at, "measures")});
  }
  const json& nodes = r.Array(top, "logic_model");
  for (size_t idx = 0; idx < nodes.size() && r.ok(); ++idx) {
    const std::string at = Path("logic_model", idx);
    const json& item = nodes[idx];
    plan.logic_model.push_back({r.Text(item, at, "id"), r.Text(item, at, "priority"),
                                r.Text(item, at, "stage"), r.Text(item, at, "text"),
                                r.List(item, at, "contributes_to"), r.List(item, at, "measures")});
  }
  if (!r.ok()) return Status::InvalidData(r.error());
  CRADLE_RETURN_IF_ERROR(CheckPlan(plan, file));
  return plan;
}

Status CheckPlan(const store::Plan& plan, const std::string& file) {
  Reader r(file);
  std::set<std::string> ids;
  auto unique = [&](const std::string& path, const std::string& id) {
    if (!ids.insert(id).second) r.Fail(path + ".id", "'" + id + "' is the id of another part");
  };
  std::set<std::string> themes, groups, priorities, recommendations;
  std::map<std::string, size_t> stage_of;
  for (size_t idx = 0; idx < plan.themes.size(); ++idx) {
    unique(Path("themes", idx), plan.themes[idx].id);
    themes.insert(plan.themes[idx].id);
  }
  for (size_t idx = 0; idx < plan.working_groups.size(); ++idx) {
    unique(Path("working_groups", idx), plan.working_groups[idx].id);
    groups.insert(plan.working_groups[idx].id);
  }
  auto known_measures = [&](const std::string& path, const std::vector<std::string>& measures) {
    for (size_t idx = 0; idx < measures.size(); ++idx) {
      if (FindMeasure(measures[idx]) == nullptr) {
        r.Fail(path + ".measures[" + std::to_string(idx) + "]",
               "'" + measures[idx] +
                   "' is not a measure of plan/measures.h (e.g. "
                   "smoking-at-delivery, infant-mortality)");
      }
    }
  };
  auto known_factors = [&](const std::string& path, const std::vector<std::string>& factors) {
    for (size_t idx = 0; idx < factors.size(); ++idx) {
      if (records::FindContributoryFactor(factors[idx]) == nullptr) {
        r.Fail(path + ".factors[" + std::to_string(idx) + "]",
               "'" + factors[idx] + "' is not a factor code of docs/data-formats.md");
      }
    }
  };
  for (size_t idx = 0; idx < plan.priorities.size(); ++idx) {
    const store::PlanPriority& priority = plan.priorities[idx];
    const std::string at = Path("priorities", idx);
    unique(at, priority.id);
    priorities.insert(priority.id);
    if (!themes.count(priority.theme_id)) {
      r.Fail(at + ".theme", "'" + priority.theme_id + "' is not a theme id");
    }
    if (!priority.working_group_id.empty() && !groups.count(priority.working_group_id)) {
      r.Fail(at + ".working_group",
             "'" + priority.working_group_id + "' is not a working group id");
    }
  }
  for (size_t idx = 0; idx < plan.recommendations.size(); ++idx) {
    const store::Recommendation& rec = plan.recommendations[idx];
    const std::string at = Path("recommendations", idx);
    unique(at, rec.id);
    recommendations.insert(rec.id);
    if (!OneOf(rec.status, kRecommendationStatuses)) {
      r.Fail(at + ".status",
             "'" + rec.status + "' is not one of " + Allowed(kRecommendationStatuses));
    }
    known_factors(at, rec.factor_codes);
    known_measures(at, rec.measures);
  }
  for (size_t idx = 0; idx < plan.actions.size(); ++idx) {
    const store::PlanAction& action = plan.actions[idx];
    const std::string at = Path("actions", idx);
    unique(at, action.id);
    if (!priorities.count(action.priority_id)) {
      r.Fail(at + ".priority", "'" + action.priority_id + "' is not a priority id");
    }
    if (!OneOf(action.status, kActionStatuses)) {
      r.Fail(at + ".status", "'" + action.status + "' is not one of " + Allowed(kActionStatuses));
    }
    if (!OneOf(action.rag, kRags)) {
      r.Fail(at + ".rag", "'" + action.rag + "' is not one of " + Allowed(kRags));
    } else if ((action.rag == "B") != (action.status == "complete")) {
      r.Fail(at + ".rag", "is " + action.rag + " but the status is " + action.status +
                              "; blue (B) is for a complete action, and only for one");
    }
    for (size_t link = 0; link < action.recommendations.size(); ++link) {
      if (!recommendations.count(action.recommendations[link])) {
        r.Fail(at + ".recommendations[" + std::to_string(link) + "]",
               "'" + action.recommendations[link] + "' is not a recommendation id");
      }
    }
    known_factors(at, action.factor_codes);
    known_measures(at, action.measures);
  }
  for (size_t idx = 0; idx < plan.logic_model.size(); ++idx) {
    const store::LogicModelNode& node = plan.logic_model[idx];
    const std::string at = Path("logic_model", idx);
    unique(at, node.id);
    if (!priorities.count(node.priority_id)) {
      r.Fail(at + ".priority", "'" + node.priority_id + "' is not a priority id");
    }
    auto stage = std::find(std::begin(kStages), std::end(kStages), node.stage);
    if (stage == std::end(kStages)) {
      r.Fail(at + ".stage", "'" + node.stage + "' is not one of " + Allowed(kStages));
    } else {
      stage_of[node.id] = static_cast<size_t>(stage - std::begin(kStages));
    }
    known_measures(at, node.measures);
  }
  for (size_t idx = 0; idx < plan.logic_model.size(); ++idx) {
    const store::LogicModelNode& node = plan.logic_model[idx];
    for (size_t arrow = 0; arrow < node.contributes_to.size(); ++arrow) {
      const std::string at =
          Path("logic_model", idx) + ".contributes_to[" + std::to_string(arrow) + "]";
      auto to = stage_of.find(node.contributes_to[arrow]);
      if (to == stage_of.end()) {
        r.Fail(at, "'" + node.contributes_to[arrow] + "' is not a logic-model node id");
      } else if (stage_of.count(node.id) && to->second <= stage_of[node.id]) {
        r.Fail(at, "'" + node.contributes_to[arrow] +
                       "' is not at a later stage; an arrow runs from inputs towards impact");
      }
    }
  }
  if (!r.ok()) return Status::InvalidData(r.error());
  return Status::Ok();
}

}  // namespace cradle::plan
