// Answers checked against the bundled item bank: every error names the item
// (asserted verbatim), and an assessment survives a trip through JSON.
#include "safesleep/assessment.h"

#include <gtest/gtest.h>

#include "safesleep/rules_reader.h"
#include "safesleep/testing.h"

namespace cradle::safesleep {
namespace {

using nlohmann::json;

struct BadAnswer {
  std::string name;
  json answers;  // on top of the safe baseline; null removes an answer
  std::string message;
};

void PrintTo(const BadAnswer& test_case, std::ostream* out) { *out << test_case.name; }

class BadAnswerTest : public ::testing::TestWithParam<BadAnswer> {};

TEST_P(BadAnswerTest, IsRefusedNamingTheItem) {
  auto rules = LoadRules(testing::BundledRulesPath());
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  Assessment assessment = testing::SafeAssessment(GetParam().answers);
  Status status = ValidateAnswers(*rules, assessment);
  EXPECT_EQ(status.code(), StatusCode::kInvalidData);
  EXPECT_EQ(status.message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    BundledItems, BadAnswerTest,
    ::testing::Values(
        BadAnswer{"UnknownItem",
                  {{"sofa", true}},
                  "answers.sofa: is not an item of the safer-sleep rules version 1"},
        BadAnswer{"TextForYesNo",
                  {{"smoker_mother", "yes"}},
                  "answers.smoker_mother: must be yes or no (true or false)"},
        BadAnswer{"NumberForChoice",
                  {{"feeding", 2}},
                  "answers.feeding: must be one of breast, mixed, formula"},
        BadAnswer{"NotAnOption",
                  {{"position_placed", "sitting"}},
                  "answers.position_placed: 'sitting' is not one of back, side, front"},
        BadAnswer{"YesNoForNumber",
                  {{"birth_weight", true}},
                  "answers.birth_weight: must be a number (g)"},
        BadAnswer{"NumberOutOfRange",
                  {{"birth_weight", 9000}},
                  "answers.birth_weight: 9,000 g is outside the range 300 g to 6,500 g"},
        BadAnswer{"TemperatureOutOfRange",
                  {{"room_temperature", 45.5}},
                  "answers.room_temperature: 45.5 °C is outside the range 5 °C to 40 °C"},
        BadAnswer{"NumberForWeeksDays",
                  {{"gestation_at_birth", 38}},
                  "answers.gestation_at_birth: must be weeks and days, {\"weeks\": W, "
                  "\"days\": D}"},
        BadAnswer{"SevenDays",
                  {{"gestation_at_birth", {{"weeks", 38}, {"days", 7}}}},
                  "answers.gestation_at_birth: days must be 0 to 6, not 7"},
        BadAnswer{"WeeksOutOfRange",
                  {{"gestation_at_birth", {{"weeks", 50}, {"days", 0}}}},
                  "answers.gestation_at_birth: 50+0 weeks is outside the range 22 to 44 weeks"},
        BadAnswer{"MissingRequired",
                  {{"has_safe_sleep_space", nullptr}},
                  "answers.has_safe_sleep_space: is required: Does the baby have a safe sleep "
                  "space of their own (cot, Moses basket or crib)?"}),
    [](const auto& case_info) { return case_info.param.name; });

TEST(AssessmentTest, AnUnknownTouchpointIsRefused) {
  auto rules = LoadRules(testing::BundledRulesPath());
  ASSERT_TRUE(rules.ok());
  Assessment assessment = testing::SafeAssessment();
  assessment.touchpoint = "school_run";
  EXPECT_EQ(ValidateAnswers(*rules, assessment).message(),
            "touchpoint: 'school_run' is not one of booking, antenatal_28_weeks, "
            "antenatal_34_36_weeks, birth_discharge, new_birth_visit, six_to_eight_weeks, "
            "change_in_circumstances, non_health_contact");
  assessment.touchpoint = "new_birth_visit";
  EXPECT_TRUE(ValidateAnswers(*rules, assessment).ok());
}

TEST(AssessmentTest, MalformedJsonIsRefusedNamingTheField) {
  EXPECT_EQ(AssessmentFromJson(json::array()).status().message(),
            "an assessment must be a JSON object");
  EXPECT_EQ(AssessmentFromJson({{"answers", json::array()}}).status().message(),
            "answers: must be an object of answers by item id");
  EXPECT_EQ(
      AssessmentFromJson({{"answers", {{"birth_weight", json::array({1, 2})}}}}).status().message(),
      "answers.birth_weight: must be true or false, a number, text or {\"weeks\": W, "
      "\"days\": D}");
  EXPECT_EQ(
      AssessmentFromJson({{"answers", json::object()}, {"rules_version", 1}}).status().message(),
      "rules_version: must be text");
  EXPECT_EQ(
      AssessmentFromJson({{"answers", json::object()}, {"date", "2026-01-01"}}).status().message(),
      "date: is not a field of an assessment (rules_version, touchpoint, answers)");
}

TEST(AssessmentTest, RoundTripsThroughJson) {
  json written = {{"rules_version", "1"},
                  {"touchpoint", "six_to_eight_weeks"},
                  {"answers",
                   {{"bed_sharing", "unplanned"},
                    {"birth_weight", 2950},
                    {"room_temperature", 18.5},
                    {"gestation_at_birth", {{"weeks", 39}, {"days", 3}}},
                    {"has_safe_sleep_space", true},
                    {"sleep_place_night", "own_space_parents_room"}}}};
  auto assessment = AssessmentFromJson(written);
  ASSERT_TRUE(assessment.ok()) << assessment.status().message();
  EXPECT_EQ(assessment->rules_version, "1");
  EXPECT_EQ(assessment->touchpoint, "six_to_eight_weeks");
  EXPECT_EQ(std::get<WeeksDays>(assessment->answers.at("gestation_at_birth")), (WeeksDays{39, 3}));
  EXPECT_EQ(AssessmentToJson(*assessment), written);
}

TEST(AssessmentTest, ANullAnswerIsNotAnswered) {
  auto assessment = AssessmentFromJson({{"answers", {{"smoker_mother", nullptr}}}});
  ASSERT_TRUE(assessment.ok());
  EXPECT_TRUE(assessment->answers.empty());
}

}  // namespace
}  // namespace cradle::safesleep
