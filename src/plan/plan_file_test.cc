// The bundled plan against the plan file's rules, and broken copies of it
// refused with the JSON path of what is wrong.
#include "plan/plan_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

namespace cradle::plan {
namespace {

nlohmann::json Bundled() {
  std::ifstream in(BundledPlanPath(CRADLE_DATA_DIR));
  return nlohmann::json::parse(in);
}

Status Read(const nlohmann::json& plan) {
  // Named as the bundled file, so messages read the same.
  auto dir = std::filesystem::temp_directory_path() / ("cradle_plan_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = dir / "leicester.json";
  std::ofstream(path) << plan.dump();
  return ReadPlanFile(path.string()).status();
}

TEST(PlanFileTest, TheBundledPlanHasTheFourThemesAndTheFourRecommendations) {
  auto plan = ReadPlanFile(BundledPlanPath(CRADLE_DATA_DIR));
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  ASSERT_EQ(plan->themes.size(), 4u);
  EXPECT_EQ(plan->themes[0].name, "Targeting risk and reducing inequalities");
  EXPECT_EQ(plan->themes[3].name, "Joined-up systems, information and intelligence");
  std::vector<std::string> recommendations;
  for (const auto& rec : plan->recommendations) recommendations.push_back(rec.title);
  EXPECT_EQ(recommendations, (std::vector<std::string>{
                                 "Breastfeeding", "The Safer Sleeping Risk Assessment Tool",
                                 "Smoking in pregnancy and smoke-free homes", "Healthy weight"}));
  for (const auto& priority : plan->priorities) {
    const bool modelled = std::any_of(
        plan->logic_model.begin(), plan->logic_model.end(),
        [&](const store::LogicModelNode& node) { return node.priority_id == priority.id; });
    EXPECT_TRUE(modelled) << priority.id << " has no logic model";
  }
}

TEST(PlanFileTest, BrokenPlansAreRefusedWithThePath) {
  struct Case {
    std::function<void(nlohmann::json&)> breaks;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {[](auto& j) { j["actions"][2]["priority"] = "P9"; },
       "leicester.json: actions[2].priority: 'P9' is not a priority id"},
      {[](auto& j) { j["actions"][0]["rag"] = "B"; },
       "actions[0].rag: is B but the status is in_progress; blue (B) is for a complete action, "
       "and only for one"},
      {[](auto& j) { j["actions"][1]["measures"][0] = "smoking"; },
       "actions[1].measures[0]: 'smoking' is not a measure"},
      {[](auto& j) { j["recommendations"][0]["factors"][0] = "B.SMOKING"; },
       "recommendations[0].factors[0]: 'B.SMOKING' is not a factor code"},
      {[](auto& j) { j["logic_model"][1]["contributes_to"][0] = "P1.1-I"; },
       "logic_model[1].contributes_to[0]: 'P1.1-I' is not at a later stage"},
      {[](auto& j) { j["priorities"][0]["id"] = "T1"; },
       "priorities[0].id: 'T1' is the id of another part"},
      {[](auto& j) { j["themes"][2].erase("outcome"); }, "themes[2].outcome: is missing"},
      {[](auto& j) { j["actions"][3]["due"] = "31/03/2026"; },
       "actions[3].due: '31/03/2026' is not a date written YYYY-MM-DD"},
  };
  for (const Case& c : cases) {
    nlohmann::json plan = Bundled();
    c.breaks(plan);
    Status status = Read(plan);
    ASSERT_FALSE(status.ok()) << c.expected;
    EXPECT_NE(status.message().find(c.expected), std::string::npos) << status.message();
  }
}

}  // namespace
}  // namespace cradle::plan
