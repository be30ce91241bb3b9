#include "safesleep/testing.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "safesleep/registry.h"

namespace cradle::safesleep::testing {

std::string BundledRulesPath() { return DefaultRulesDir() + "/rules-v1.json"; }

nlohmann::json BundledRulesJson() {
  std::ifstream in(BundledRulesPath());
  return nlohmann::json::parse(in);
}

std::string WriteTempFile(const std::string& name, const std::string& text) {
  auto dir =
      std::filesystem::temp_directory_path() / ("cradle_safesleep_" + std::to_string(::getpid()));
  auto path = dir / name;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << text;
  return path.string();
}

std::string WriteTempJson(const std::string& name, const nlohmann::json& json) {
  return WriteTempFile(name, json.dump(2));
}

Assessment SafeAssessment(const nlohmann::json& extra) {
  nlohmann::json answers = {{"sleep_place_night", "own_space_parents_room"},
                            {"bed_sharing", "never"},
                            {"has_safe_sleep_space", true}};
  for (const auto& [item, value] : extra.items()) answers[item] = value;
  Result<Assessment> assessment = AssessmentFromJson({{"answers", answers}});
  return assessment.ok() ? *assessment : Assessment{};
}

}  // namespace cradle::safesleep::testing
