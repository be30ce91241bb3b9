// Several versions of the rules side by side: each assessment is evaluated
// under the version it names, and one that names none gets the newest.
#include "safesleep/registry.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "safesleep/rules_reader.h"
#include "safesleep/testing.h"

namespace cradle::safesleep {
namespace {

using nlohmann::json;

// A version 2 that lowers the low-birth-weight threshold to 2,000 g and
// makes planned bed-sharing on its own a high risk.
json VersionTwo() {
  json root = testing::BundledRulesJson();
  root["version"] = "2";
  for (json& rule : root["rules"]) {
    if (rule["id"] == "low_birth_weight") rule["when"]["lt"] = 2000;
    if (rule["id"] == "planned_bed_sharing") rule["level"] = "high";
  }
  return root;
}

std::string TwoVersionsDir() {
  std::string v1 = testing::WriteTempJson("two/rules-v1.json", testing::BundledRulesJson());
  testing::WriteTempJson("two/rules-v2.json", VersionTwo());
  testing::WriteTempFile("two/notes.txt", "not a rules file");
  return std::filesystem::path(v1).parent_path().string();
}

Assessment Made(const std::string& version, const json& extra) {
  Assessment assessment = testing::SafeAssessment(extra);
  assessment.rules_version = version;
  return assessment;
}

TEST(RegistryTest, EachAssessmentGetsItsOwnVersionsOutcome) {
  auto registry = RulesRegistry::LoadDirectory(TwoVersionsDir());
  ASSERT_TRUE(registry.ok()) << registry.status().message();
  EXPECT_EQ(registry->versions().size(), 2u);
  EXPECT_EQ(registry->Current().version, "2");

  json small_baby = {{"birth_weight", 2300}};
  auto under_one = registry->Assess(Made("1", small_baby));
  auto under_two = registry->Assess(Made("2", small_baby));
  ASSERT_TRUE(under_one.ok() && under_two.ok());
  EXPECT_EQ(under_one->level, RiskLevel::kIncreased);
  EXPECT_EQ(under_one->rules_version, "1");
  EXPECT_EQ(under_two->level, RiskLevel::kUniversal);
  EXPECT_EQ(under_two->rules_version, "2");

  json planned = {{"bed_sharing", "planned"}};
  EXPECT_EQ(registry->Assess(Made("1", planned))->level, RiskLevel::kIncreased);
  EXPECT_EQ(registry->Assess(Made("2", planned))->level, RiskLevel::kHigh);

  // No version named: the newest, and the outcome records which.
  auto unnamed = registry->Assess(Made("", planned));
  ASSERT_TRUE(unnamed.ok());
  EXPECT_EQ(unnamed->rules_version, "2");
}

TEST(RegistryTest, AnUnknownVersionIsNotFound) {
  RulesRegistry registry;
  auto rules = LoadRules(testing::BundledRulesPath());
  ASSERT_TRUE(rules.ok());
  ASSERT_TRUE(registry.Add(std::move(*rules)).ok());
  auto outcome = registry.Assess(Made("7", json::object()));
  EXPECT_EQ(outcome.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(outcome.status().message(), "no safer-sleep rules version '7' (loaded: 1)");
}

TEST(RegistryTest, AVersionLoadedTwiceIsRefused) {
  RulesRegistry registry;
  auto first = LoadRules(testing::BundledRulesPath());
  std::string copy = testing::WriteTempJson("rules-v1-copy.json", testing::BundledRulesJson());
  auto second = LoadRules(copy);
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_TRUE(registry.Add(std::move(*first)).ok());
  EXPECT_EQ(
      registry.Add(std::move(*second)).message(),
      copy + ": safer-sleep rules version 1 is already loaded from " + testing::BundledRulesPath());
}

TEST(RegistryTest, VersionTenIsNewerThanVersionNine) {
  RulesRegistry registry;
  for (const char* version : {"9", "10"}) {
    json root = testing::BundledRulesJson();
    root["version"] = version;
    auto rules = ReadRules(root, std::string("rules-v") + version + ".json");
    ASSERT_TRUE(rules.ok());
    ASSERT_TRUE(registry.Add(std::move(*rules)).ok());
  }
  EXPECT_EQ(registry.Current().version, "10");
}

TEST(RegistryTest, TheBundledFolderLoads) {
  auto registry = RulesRegistry::LoadDirectory(DefaultRulesDir());
  ASSERT_TRUE(registry.ok()) << registry.status().message();
  EXPECT_EQ(registry->Current().version, "1");
}

TEST(RegistryTest, AFolderWithoutRulesIsAnIoError) {
  std::string empty = testing::WriteTempFile("empty/readme.txt", "");
  auto registry = RulesRegistry::LoadDirectory(std::filesystem::path(empty).parent_path().string());
  EXPECT_EQ(registry.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace cradle::safesleep
