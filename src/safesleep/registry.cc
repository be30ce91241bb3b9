#include "safesleep/registry.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "base/strings.h"
#include "safesleep/rules_reader.h"

namespace cradle::safesleep {
namespace {

// Orders versions: whole numbers by value, then anything else as text.
bool OlderVersion(const std::string& a, const std::string& b) {
  auto number_a = ParseInt64(a);
  auto number_b = ParseInt64(b);
  if (number_a && number_b) return *number_a < *number_b;
  if (number_a || number_b) return number_a.has_value();
  return a < b;
}

}  // namespace

Result<RulesRegistry> RulesRegistry::LoadDirectory(const std::string& dir) {
  std::error_code error;
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    std::string name = entry.path().filename().string();
    if (StartsWith(name, "rules-v") && name.size() > 5 &&
        name.compare(name.size() - 5, 5, ".json") == 0) {
      paths.push_back(entry.path().string());
    }
  }
  if (error) return Status::IoError(dir + ": cannot read the safer-sleep rules folder");
  if (paths.empty())
    return Status::IoError(dir + ": holds no safer-sleep rules file (rules-v*.json)");
  std::sort(paths.begin(), paths.end());
  RulesRegistry registry;
  for (const std::string& path : paths) {
    CRADLE_ASSIGN_OR_RETURN(RuleSet rules, LoadRules(path));
    CRADLE_RETURN_IF_ERROR(registry.Add(std::move(rules)));
  }
  return registry;
}

Status RulesRegistry::Add(RuleSet rules) {
  auto existing = by_version_.find(rules.version);
  if (existing != by_version_.end()) {
    return Status::InvalidData(rules.path + ": safer-sleep rules version " + rules.version +
                               " is already loaded from " + existing->second.path);
  }
  std::string version = rules.version;
  by_version_.emplace(std::move(version), std::move(rules));
  return Status::Ok();
}

Result<const RuleSet*> RulesRegistry::Find(std::string_view version) const {
  auto it = by_version_.find(std::string(version));
  if (it != by_version_.end()) return &it->second;
  std::string loaded;
  for (const auto& [name, unused] : by_version_) loaded += (loaded.empty() ? "" : ", ") + name;
  return Status::NotFound("no safer-sleep rules version '" + std::string(version) +
                          "' (loaded: " + (loaded.empty() ? "none" : loaded) + ")");
}

const RuleSet& RulesRegistry::Current() const {
  auto newest = by_version_.begin();
  for (auto it = by_version_.begin(); it != by_version_.end(); ++it) {
    if (OlderVersion(newest->first, it->first)) newest = it;
  }
  return newest->second;
}

Result<Outcome> RulesRegistry::Assess(const Assessment& assessment) const {
  if (empty()) return Status::NotFound("no safer-sleep rules are loaded");
  if (assessment.rules_version.empty()) return Evaluate(Current(), assessment);
  CRADLE_ASSIGN_OR_RETURN(const RuleSet* rules, Find(assessment.rules_version));
  return Evaluate(*rules, assessment);
}

std::string DefaultRulesDir() { return std::string(CRADLE_DATA_DIR) + "/safesleep"; }

}  // namespace cradle::safesleep
