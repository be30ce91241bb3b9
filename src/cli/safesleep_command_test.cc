// `cradle safesleep` as a practitioner's tools would run it: the real binary
// on answers files in a temporary folder, with the bundled rules or a rules
// file given, checking what it prints and its exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_testing.h"

namespace {

using nlohmann::json;

using cradle::cli::testing::CommandRun;
using cradle::cli::testing::Contains;
using cradle::cli::testing::Cradle;

std::string WriteFile(const std::string& name, const std::string& text) {
  auto dir = std::filesystem::temp_directory_path() /
             ("cradle_cli_safesleep_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

std::string Answers(const std::string& name, json answers, const std::string& version = "") {
  answers["sleep_place_night"] = answers.value("sleep_place_night", "own_space_parents_room");
  answers["bed_sharing"] = answers.value("bed_sharing", "never");
  answers["has_safe_sleep_space"] = answers.value("has_safe_sleep_space", true);
  json root = {{"touchpoint", "new_birth_visit"}, {"answers", answers}};
  if (!version.empty()) root["rules_version"] = version;
  return WriteFile(name, root.dump(2));
}

std::string BundledRules() { return std::string(CRADLE_DATA_DIR) + "/safesleep/rules-v1.json"; }

TEST(SafeSleepCommandTest, AssessPrintsTheLevelReasonsAndActions) {
  std::string answers =
      Answers("high.json", {{"bed_sharing", "planned"}, {"smoker_partner", true}}, "1");
  CommandRun run = Cradle("safesleep assess --answers " + answers);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_TRUE(Contains(run.out, "Safer sleep risk: High\n")) << run.out;
  EXPECT_TRUE(Contains(run.out, "Touchpoint: New birth visit\n"));
  EXPECT_TRUE(Contains(run.out, "  1. High (bed_sharing_with_smoker): The baby shares a bed"));
  EXPECT_TRUE(Contains(run.out, "       Does the partner smoke? yes\n"));
  EXPECT_TRUE(
      Contains(run.out, "       Does the baby ever share a bed with an adult? Yes, planned\n"));
  EXPECT_TRUE(Contains(run.out, "  REF_STOP_SMOKING: Refer the smokers in the household"));
  EXPECT_TRUE(Contains(run.out, "  FOLLOW_UP: Follow up within 2 days.\n"));
  EXPECT_TRUE(Contains(run.out, "to be agreed with LLR"));
}

TEST(SafeSleepCommandTest, AssessAsJsonIsTheOutcome) {
  std::string answers = Answers("increased.json", {{"upcoming_routine_change", true}});
  CommandRun run = Cradle("safesleep assess --format json --answers " + answers);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  json outcome = json::parse(run.out, nullptr, false);
  ASSERT_FALSE(outcome.is_discarded()) << run.out;
  EXPECT_EQ(outcome["level"], "increased");
  EXPECT_EQ(outcome["rules_version"], "1");
  EXPECT_EQ(outcome["reasons"][0]["rule"], "out_of_routine_event");
  EXPECT_EQ(outcome["reassessment_due"], true);
  EXPECT_EQ(outcome["actions"].back()["follow_up_days"], 14);
}

TEST(SafeSleepCommandTest, NothingRiskyIsUniversal) {
  CommandRun run =
      Cradle("safesleep assess --answers " + Answers("universal.json", json::object()));
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_TRUE(Contains(run.out, "Safer sleep risk: Universal\n"));
  EXPECT_TRUE(Contains(run.out, "No risk factor was found in the answers."));
  EXPECT_TRUE(Contains(run.out, "  ADV_UNIVERSAL: "));
  EXPECT_FALSE(Contains(run.out, "FOLLOW_UP"));
}

TEST(SafeSleepCommandTest, ABadAnswerNamesTheFileAndItem) {
  std::string answers = Answers("bad.json", {{"birth_weight", 12000}});
  CommandRun run = Cradle("safesleep assess --answers " + answers);
  EXPECT_EQ(run.exit_code, 65);
  EXPECT_EQ(run.out, "cradle safesleep: " + answers +
                         ": answers.birth_weight: 12,000 g is outside the range 300 g to "
                         "6,500 g\n");
}

TEST(SafeSleepCommandTest, AnUnknownRulesVersionIsNotFound) {
  std::string answers = Answers("v7.json", json::object(), "7");
  CommandRun run = Cradle("safesleep assess --answers " + answers);
  EXPECT_EQ(run.exit_code, 66);
  EXPECT_TRUE(Contains(run.out, "no safer-sleep rules version '7' (loaded: 1)")) << run.out;
}

TEST(SafeSleepCommandTest, ARulesFileCanBeGiven) {
  // A version 2 in which a room above 20 °C is a high risk.
  std::ifstream in(BundledRules());
  json rules = json::parse(in);
  rules["version"] = "2";
  for (json& rule : rules["rules"]) {
    if (rule["id"] == "overheating") rule["level"] = "high";
  }
  std::string rules_path = WriteFile("rules-v2.json", rules.dump());
  std::string answers = Answers("warm.json", {{"room_temperature", 24}});
  CommandRun run = Cradle("safesleep assess --rules " + rules_path + " --answers " + answers);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_TRUE(Contains(run.out, "Safer sleep risk: High\n")) << run.out;
  EXPECT_TRUE(Contains(run.out, "Rules version 2: "));

  cradle::cli::testing::CommandRun bundled = Cradle("safesleep assess --answers " + answers);
  EXPECT_TRUE(Contains(bundled.out, "Safer sleep risk: Increased\n")) << bundled.out;

  // Answers made under version 1 are not evaluated under the file's version 2.
  std::string old = Answers("old.json", {{"room_temperature", 24}}, "1");
  cradle::cli::testing::CommandRun refused =
      Cradle("safesleep assess --rules " + rules_path + " --answers " + old);
  EXPECT_EQ(refused.exit_code, 66) << refused.out;
}

TEST(SafeSleepCommandTest, AMalformedRulesFileIsRefusedWithThePath) {
  std::ifstream in(BundledRules());
  json rules = json::parse(in);
  rules["rules"][3]["when"] = {{"item", "sofa"}, {"is", true}};
  std::string rules_path = WriteFile("rules-bad.json", rules.dump());
  CommandRun run = Cradle("safesleep items --rules " + rules_path);
  EXPECT_EQ(run.exit_code, 65);
  EXPECT_EQ(run.out,
            "cradle safesleep: " + rules_path + ": rules[3].when.item: 'sofa' is not an item\n");
}

TEST(SafeSleepCommandTest, MissingAnswersFileIsAnIoError) {
  CommandRun run = Cradle("safesleep assess --answers /nonexistent/answers.json");
  EXPECT_EQ(run.exit_code, 74);
  EXPECT_TRUE(Contains(run.out, "/nonexistent/answers.json: cannot open the answers file"));
  EXPECT_NE(Cradle("safesleep assess").exit_code, 0);  // --answers is required
}

TEST(SafeSleepCommandTest, ItemsListsTheItemBank) {
  CommandRun run = Cradle("safesleep items");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_TRUE(Contains(run.out, "Safer sleep item bank, rules version 1"));
  EXPECT_TRUE(Contains(run.out, "\nSleep place\n"));
  EXPECT_TRUE(Contains(run.out,
                       "  has_safe_sleep_space (required): Does the baby have a safe sleep space"));
  EXPECT_TRUE(Contains(run.out, "      sofa_armchair: A sofa or armchair\n"));
  EXPECT_TRUE(Contains(run.out, "      a number in g, 300 to 6,500\n"));
  EXPECT_TRUE(Contains(run.out, "      weeks+days, 22+0 to 44+6\n"));

  cradle::cli::testing::CommandRun as_json = Cradle("safesleep items --format json");
  json items = json::parse(as_json.out, nullptr, false);
  ASSERT_FALSE(items.is_discarded()) << as_json.out;
  EXPECT_EQ(items["rules_version"], "1");
  EXPECT_EQ(items["items"].size(), 47u);
}

}  // namespace
