// Every version of the safer-sleep rules loaded side by side, keyed by
// version, so an assessment is always evaluated under the version it was
// made with, and a new version (a new rules-v<N>.json) needs no recompiling.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "base/result.h"
#include "safesleep/evaluator.h"
#include "safesleep/rule_set.h"

namespace cradle::safesleep {

class RulesRegistry {
 public:
  // Loads every rules-v*.json in `dir`. IoError if the folder cannot be read
  // or holds no rules file; the first file's error (rules_reader.h) if one is
  // malformed; InvalidData if two files give the same version.
  static Result<RulesRegistry> LoadDirectory(const std::string& dir);

  // InvalidData naming both files if the version is already loaded.
  Status Add(RuleSet rules);

  // NotFound listing the versions loaded.
  Result<const RuleSet*> Find(std::string_view version) const;

  // The newest version: the highest number ("10" after "9"); versions that
  // are not whole numbers sort after them, as text. REQUIRES: !empty().
  const RuleSet& Current() const;

  bool empty() const { return by_version_.empty(); }
  const std::map<std::string, RuleSet>& versions() const { return by_version_; }

  // Evaluates under the assessment's own rules version, or Current() when it
  // names none; the outcome records which.
  Result<Outcome> Assess(const Assessment& assessment) const;

 private:
  std::map<std::string, RuleSet> by_version_;
};

// data/safesleep under the compiled-in data directory (as for data/web).
std::string DefaultRulesDir();

}  // namespace cradle::safesleep
