// The bundled rules, rule by rule: each case gives the answers that make one
// rule fire on top of a safe baseline, and the level, reasons, triggering
// answers and actions that must follow. The expectations are written from
// DOMAIN.md §2.4, not read back from the rules file.
#include "safesleep/evaluator.h"

#include <gtest/gtest.h>

#include <set>

#include "safesleep/rules_reader.h"
#include "safesleep/testing.h"

namespace cradle::safesleep {
namespace {

using nlohmann::json;

class EvaluatorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = LoadRules(testing::BundledRulesPath());
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    rules_ = new RuleSet(std::move(*loaded));
  }
  static void TearDownTestSuite() {
    delete rules_;
    rules_ = nullptr;
  }

  static Outcome Assess(const json& extra) {
    auto outcome = Evaluate(*rules_, testing::SafeAssessment(extra));
    EXPECT_TRUE(outcome.ok()) << outcome.status().message();
    return outcome.ok() ? *outcome : Outcome{};
  }

  static RuleSet* rules_;
};

RuleSet* EvaluatorTest::rules_ = nullptr;

std::vector<std::string> Codes(const Outcome& outcome) {
  std::vector<std::string> codes;
  for (const OutcomeAction& action : outcome.actions) codes.push_back(action.code);
  return codes;
}

std::vector<std::string> FiredRules(const Outcome& outcome) {
  std::vector<std::string> ids;
  for (const Reason& reason : outcome.reasons) ids.push_back(reason.rule);
  return ids;
}

struct RuleCase {
  std::string rule;
  json answers;  // on top of the safe baseline
  RiskLevel level;
  std::vector<std::string> fired;  // every rule that fires, in outcome order
  std::vector<std::string> items;  // the answers cited by `rule`'s reason
  std::vector<std::string> actions;
};

const std::vector<std::string> kIncreased = {"ADV_TARGETED", "PLAN_AGREED", "FOLLOW_UP"};

std::vector<std::string> With(std::vector<std::string> codes) { return codes; }

const std::vector<RuleCase>& RuleCases() {
  static const std::vector<RuleCase> cases = {
      // Increased: any single modifiable risk.
      {"household_smoker",
       {{"smoker_other_household", true}},
       RiskLevel::kIncreased,
       {"household_smoker"},
       {"smoker_other_household"},
       With({"ADV_TARGETED", "PLAN_AGREED", "REF_STOP_SMOKING", "FOLLOW_UP"})},
      {"smoking_in_pregnancy",
       {{"smoking_in_pregnancy", true}},
       RiskLevel::kIncreased,
       {"smoking_in_pregnancy"},
       {"smoking_in_pregnancy"},
       With({"ADV_TARGETED", "PLAN_AGREED", "REF_STOP_SMOKING", "FOLLOW_UP"})},
      {"planned_bed_sharing",
       {{"bed_sharing", "planned"}},
       RiskLevel::kIncreased,
       {"planned_bed_sharing"},
       {"bed_sharing"},
       kIncreased},
      {"unplanned_bed_sharing",
       {{"bed_sharing", "unplanned"}},
       RiskLevel::kIncreased,
       {"unplanned_bed_sharing"},
       {"bed_sharing"},
       kIncreased},
      {"others_in_bed",
       {{"others_in_bed", true}},
       RiskLevel::kIncreased,
       {"others_in_bed"},
       {"others_in_bed"},
       kIncreased},
      {"no_safe_sleep_space",
       {{"has_safe_sleep_space", false}},
       RiskLevel::kIncreased,
       {"no_safe_sleep_space"},
       {"has_safe_sleep_space"},
       With({"ADV_TARGETED", "PLAN_AGREED", "REF_SAFE_SLEEP_SPACE", "FOLLOW_UP"})},
      {"preterm",
       {{"gestation_at_birth", {{"weeks", 36}, {"days", 6}}}},
       RiskLevel::kIncreased,
       {"preterm"},
       {"gestation_at_birth"},
       kIncreased},
      {"low_birth_weight",
       {{"birth_weight", 2499}},
       RiskLevel::kIncreased,
       {"low_birth_weight"},
       {"birth_weight"},
       kIncreased},
      {"out_of_routine_event",
       {{"upcoming_routine_change", true}},
       RiskLevel::kIncreased,
       {"out_of_routine_event"},
       {"upcoming_routine_change"},
       kIncreased},
      {"unsafe_sleep_position",
       {{"position_placed", "front"}},
       RiskLevel::kIncreased,
       {"unsafe_sleep_position"},
       {"position_placed"},
       kIncreased},
      {"unsafe_sleep_surface",
       {{"sleep_place_day", "pod_nest_inclined"}},
       RiskLevel::kIncreased,
       {"unsafe_sleep_surface"},
       {"sleep_place_day"},
       kIncreased},
      {"loose_bedding_or_head_covered",
       {{"head_covered", true}},
       RiskLevel::kIncreased,
       {"loose_bedding_or_head_covered"},
       {"head_covered"},
       kIncreased},
      {"overheating",
       {{"room_temperature", 22}},
       RiskLevel::kIncreased,
       {"overheating"},
       {"room_temperature"},
       kIncreased},
      {"carer_substance_use",
       {{"carer_sedating_medication", true}},
       RiskLevel::kIncreased,
       {"carer_substance_use"},
       {"carer_sedating_medication"},
       With({"ADV_TARGETED", "PLAN_AGREED", "REF_SUBSTANCE", "FOLLOW_UP"})},
      {"vulnerability",
       {{"domestic_abuse", true}, {"housing", "temporary"}},
       RiskLevel::kIncreased,
       {"vulnerability"},
       {"domestic_abuse", "housing"},
       With({"ADV_TARGETED", "PLAN_AGREED", "REF_EARLY_HELP", "FOLLOW_UP"})},
      {"parent_cannot_explain_abc",
       {{"can_explain_abc", false}},
       RiskLevel::kIncreased,
       {"parent_cannot_explain_abc"},
       {"can_explain_abc"},
       kIncreased},
      // High: a "never" combination. Its parts fire too, as increased.
      {"sofa_armchair",
       {{"sleep_place_night", "sofa_armchair"}},
       RiskLevel::kHigh,
       {"sofa_armchair"},
       {"sleep_place_night"},
       With({"ADV_TARGETED", "PLAN_AGREED", "REF_SAFE_SLEEP_SPACE", "INFO_SHARE_HV_MW_GP",
             "FOLLOW_UP"})},
      {"bed_sharing_with_smoker",
       {{"bed_sharing", "planned"}, {"smoker_mother", true}},
       RiskLevel::kHigh,
       {"bed_sharing_with_smoker", "household_smoker", "planned_bed_sharing"},
       {"bed_sharing", "smoker_mother"},
       With({"ADV_TARGETED", "PLAN_AGREED", "REF_STOP_SMOKING", "INFO_SHARE_HV_MW_GP",
             "FOLLOW_UP"})},
      {"bed_sharing_with_alcohol",
       {{"bed_sharing", "unplanned"}, {"carer_alcohol", true}},
       RiskLevel::kHigh,
       {"bed_sharing_with_alcohol", "unplanned_bed_sharing", "carer_substance_use"},
       {"bed_sharing", "carer_alcohol"},
       With({"ADV_TARGETED", "PLAN_AGREED", "REF_SUBSTANCE", "INFO_SHARE_HV_MW_GP", "FOLLOW_UP"})},
      {"bed_sharing_with_drugs",
       {{"bed_sharing", "planned"}, {"carer_drugs", true}},
       RiskLevel::kHigh,
       {"bed_sharing_with_drugs", "planned_bed_sharing", "carer_substance_use"},
       {"bed_sharing", "carer_drugs"},
       With({"ADV_TARGETED", "PLAN_AGREED", "REF_SUBSTANCE", "INFO_SHARE_HV_MW_GP", "FOLLOW_UP"})},
      {"bed_sharing_with_sedation",
       {{"bed_sharing", "planned"}, {"carer_sedating_medication", true}},
       RiskLevel::kHigh,
       {"bed_sharing_with_sedation", "planned_bed_sharing", "carer_substance_use"},
       {"bed_sharing", "carer_sedating_medication"},
       With({"ADV_TARGETED", "PLAN_AGREED", "REF_SUBSTANCE", "INFO_SHARE_HV_MW_GP", "FOLLOW_UP"})},
      {"bed_sharing_preterm",
       {{"bed_sharing", "planned"}, {"gestation_at_birth", {{"weeks", 34}, {"days", 0}}}},
       RiskLevel::kHigh,
       {"bed_sharing_preterm", "planned_bed_sharing", "preterm"},
       {"bed_sharing", "gestation_at_birth"},
       With({"ADV_TARGETED", "PLAN_AGREED", "INFO_SHARE_HV_MW_GP", "FOLLOW_UP"})},
      {"bed_sharing_low_birth_weight",
       {{"bed_sharing", "unplanned"}, {"birth_weight", 2100}},
       RiskLevel::kHigh,
       {"bed_sharing_low_birth_weight", "unplanned_bed_sharing", "low_birth_weight"},
       {"bed_sharing", "birth_weight"},
       With({"ADV_TARGETED", "PLAN_AGREED", "INFO_SHARE_HV_MW_GP", "FOLLOW_UP"})},
      {"no_safe_sleep_space_and_other_risk",
       {{"has_safe_sleep_space", false}, {"room_temperature", 23}},
       RiskLevel::kHigh,
       {"no_safe_sleep_space_and_other_risk", "no_safe_sleep_space", "overheating"},
       {"has_safe_sleep_space", "room_temperature"},
       With({"ADV_TARGETED", "PLAN_AGREED", "REF_SAFE_SLEEP_SPACE", "INFO_SHARE_HV_MW_GP",
             "FOLLOW_UP"})},
      {"concern_persists_after_advice",
       {{"parent_acts_on_advice", "unwilling"}, {"concern_persists", true}},
       RiskLevel::kHigh,
       {"concern_persists_after_advice"},
       {"parent_acts_on_advice", "concern_persists"},
       With({"ADV_TARGETED", "PLAN_AGREED", "REF_EARLY_HELP", "REF_CSC", "INFO_SHARE_HV_MW_GP",
             "FOLLOW_UP"})},
  };
  return cases;
}

// Names the case in test listings instead of dumping its bytes.
void PrintTo(const RuleCase& test_case, std::ostream* out) { *out << test_case.rule; }

class RuleFiresTest : public EvaluatorTest, public ::testing::WithParamInterface<RuleCase> {};

TEST_P(RuleFiresTest, GivesItsLevelReasonAndActions) {
  const RuleCase& test_case = GetParam();
  Outcome outcome = Assess(test_case.answers);
  EXPECT_EQ(outcome.level, test_case.level);
  EXPECT_EQ(FiredRules(outcome), test_case.fired);
  ASSERT_FALSE(outcome.reasons.empty());
  const Reason& reason = outcome.reasons.front();
  EXPECT_EQ(reason.rule, test_case.rule);
  EXPECT_EQ(reason.level, test_case.level);
  std::vector<std::string> items;
  for (const TriggeringAnswer& answer : reason.answers) items.push_back(answer.item);
  EXPECT_EQ(items, test_case.items);
  EXPECT_FALSE(reason.text.empty());
  EXPECT_EQ(Codes(outcome), test_case.actions);
  EXPECT_EQ(outcome.actions.back().follow_up_days, test_case.level == RiskLevel::kHigh ? 2 : 14);
  EXPECT_EQ(outcome.rules_version, "1");
}

INSTANTIATE_TEST_SUITE_P(BundledRules, RuleFiresTest, ::testing::ValuesIn(RuleCases()),
                         [](const auto& case_info) { return case_info.param.rule; });

TEST_F(EvaluatorTest, EveryBundledRuleHasACase) {
  std::set<std::string> tested;
  for (const RuleCase& test_case : RuleCases()) tested.insert(test_case.rule);
  for (const Rule& rule : rules_->rules) EXPECT_TRUE(tested.contains(rule.id)) << rule.id;
  EXPECT_EQ(tested.size(), rules_->rules.size());
}

TEST_F(EvaluatorTest, NothingRiskyIsUniversal) {
  Outcome outcome = Assess({{"baby_age_weeks", 6},
                            {"gestation_at_birth", {{"weeks", 40}, {"days", 1}}},
                            {"birth_weight", 3400},
                            {"feeding", "breast"},
                            {"sleep_place_day", "own_space_parents_room"},
                            {"sleep_place_away", "own_space_parents_room"},
                            {"mattress_firm_flat_fitted", true},
                            {"position_placed", "back"},
                            {"room_temperature", 18},
                            {"smoker_mother", false},
                            {"smoker_partner", false},
                            {"carer_alcohol", false},
                            {"housing", "settled"},
                            {"upcoming_routine_change", false},
                            {"can_explain_abc", true},
                            {"parent_acts_on_advice", "able_and_willing"},
                            {"concern_persists", false}});
  EXPECT_EQ(outcome.level, RiskLevel::kUniversal);
  EXPECT_TRUE(outcome.reasons.empty());
  EXPECT_EQ(Codes(outcome), std::vector<std::string>{"ADV_UNIVERSAL"});
  EXPECT_EQ(outcome.actions[0].follow_up_days, std::nullopt);
  EXPECT_FALSE(outcome.reassessment_due);
}

TEST_F(EvaluatorTest, OnlyTheRequiredItemsAnsweredIsUniversal) {
  EXPECT_EQ(Assess(json::object()).level, RiskLevel::kUniversal);
}

TEST_F(EvaluatorTest, ThresholdsAreStrict) {
  // 37+0 weeks is term and 2,500 g is not low birth weight (DOMAIN.md §2.1).
  EXPECT_EQ(
      Assess({{"gestation_at_birth", {{"weeks", 37}, {"days", 0}}}, {"birth_weight", 2500}}).level,
      RiskLevel::kUniversal);
  EXPECT_EQ(Assess({{"room_temperature", 20}}).level, RiskLevel::kUniversal);
  // One vulnerability alone is not enough; two are.
  EXPECT_EQ(Assess({{"domestic_abuse", true}}).level, RiskLevel::kUniversal);
}

TEST_F(EvaluatorTest, TheHighestLevelWinsAndEveryReasonIsKept) {
  Outcome outcome = Assess({{"smoker_other_household", true},
                            {"sleep_place_away", "sofa_armchair"},
                            {"position_placed", "side"}});
  EXPECT_EQ(outcome.level, RiskLevel::kHigh);
  EXPECT_EQ(FiredRules(outcome), (std::vector<std::string>{"sofa_armchair", "household_smoker",
                                                           "unsafe_sleep_position"}));
  EXPECT_EQ(Codes(outcome),
            (std::vector<std::string>{"ADV_TARGETED", "PLAN_AGREED", "REF_SAFE_SLEEP_SPACE",
                                      "REF_STOP_SMOKING", "INFO_SHARE_HV_MW_GP", "FOLLOW_UP"}));
  EXPECT_EQ(outcome.actions.back().text, "Follow up within 2 days.");
}

TEST_F(EvaluatorTest, ReasonsShowTheAnswersInWords) {
  Outcome outcome = Assess({{"bed_sharing", "planned"}, {"birth_weight", 2300}});
  const Reason& reason = outcome.reasons.front();
  ASSERT_EQ(reason.rule, "bed_sharing_low_birth_weight");
  ASSERT_EQ(reason.answers.size(), 2u);
  EXPECT_EQ(reason.answers[0].question, "Does the baby ever share a bed with an adult?");
  EXPECT_EQ(reason.answers[0].text, "Yes, planned");
  EXPECT_EQ(reason.answers[1].text, "2,300 g");
  EXPECT_EQ(std::get<double>(reason.answers[1].value), 2300);
}

TEST_F(EvaluatorTest, AFollowUpCarriesTheLevelsDays) {
  Outcome outcome = Assess({{"position_placed", "front"}});
  ASSERT_EQ(outcome.actions.back().code, "FOLLOW_UP");
  EXPECT_EQ(outcome.actions.back().follow_up_days, 14);
  EXPECT_EQ(outcome.actions.back().text, "Follow up within 14 days.");
}

TEST_F(EvaluatorTest, ARoutineChangeMakesReassessmentDue) {
  Outcome outcome = Assess({{"upcoming_routine_change", true}});
  EXPECT_TRUE(outcome.reassessment_due);
  ASSERT_EQ(outcome.reassessment.size(), 1u);
  EXPECT_EQ(outcome.reassessment[0].trigger, "routine_change");

  // No plan yet for sleeping away from home: reassess, though nothing is risky yet.
  Outcome unplanned = Assess({{"sleep_place_away", "not_planned"}});
  EXPECT_EQ(unplanned.level, RiskLevel::kUniversal);
  EXPECT_TRUE(unplanned.reassessment_due);
  EXPECT_EQ(unplanned.reassessment[0].trigger, "no_plan_for_away");
}

TEST_F(EvaluatorTest, BadAnswersAreRefusedBeforeEvaluation) {
  auto outcome = Evaluate(*rules_, testing::SafeAssessment({{"birth_weight", "heavy"}}));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().message(), "answers.birth_weight: must be a number (g)");
}

TEST_F(EvaluatorTest, AnotherVersionsAssessmentIsRefused) {
  Assessment assessment = testing::SafeAssessment();
  assessment.rules_version = "2";
  auto outcome = Evaluate(*rules_, assessment);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(outcome.status().message(),
            "the assessment was made under safer-sleep rules version 2, not version 1 (" +
                testing::BundledRulesPath() + ")");
}

TEST_F(EvaluatorTest, TheOutcomeRoundTripsThroughJson) {
  Outcome outcome = Assess({{"bed_sharing", "planned"},
                            {"gestation_at_birth", {{"weeks", 35}, {"days", 4}}},
                            {"upcoming_routine_change", true}});
  json written = OutcomeToJson(outcome);
  auto read = OutcomeFromJson(written);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(OutcomeToJson(*read), written);
  EXPECT_EQ(written["level"], "high");
  EXPECT_EQ(written["reasons"][0]["answers"][1]["value"], json({{"weeks", 35}, {"days", 4}}));
  EXPECT_EQ(written["reasons"][0]["answers"][1]["text"], "35+4 weeks");
  EXPECT_EQ(written["actions"][0]["follow_up_days"], nullptr);

  json broken = written;
  broken["reasons"][0]["level"] = "severe";
  auto refused = OutcomeFromJson(broken);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(), "reasons[0].level: must be universal, increased or high");
}

}  // namespace
}  // namespace cradle::safesleep
