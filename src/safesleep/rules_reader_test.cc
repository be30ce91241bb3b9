// The bundled rules file loads; a malformed one is refused at load with the
// file and the JSON path of the fault (asserted verbatim). Each bad case is
// the bundled file with one change, written to a temporary file.
#include "safesleep/rules_reader.h"

#include <gtest/gtest.h>

#include <functional>

#include "safesleep/testing.h"

namespace cradle::safesleep {
namespace {

using nlohmann::json;

TEST(RulesReaderTest, TheBundledRulesLoad) {
  auto rules = LoadRules(testing::BundledRulesPath());
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  EXPECT_EQ(rules->version, "1");
  EXPECT_EQ(rules->path, testing::BundledRulesPath());
  EXPECT_NE(rules->source.find("to be agreed with LLR"), std::string::npos);
  EXPECT_EQ(rules->groups.size(), 6u);
  EXPECT_EQ(rules->items.size(), 47u);
  EXPECT_EQ(rules->touchpoints.size(), 8u);
  EXPECT_EQ(rules->actions.size(), 10u);
  EXPECT_EQ(rules->rules.size(), 25u);
  EXPECT_EQ(rules->reassessment_triggers.size(), 2u);
  for (const char* code :
       {"ADV_UNIVERSAL", "ADV_TARGETED", "PLAN_AGREED", "REF_SAFE_SLEEP_SPACE", "REF_STOP_SMOKING",
        "REF_SUBSTANCE", "REF_EARLY_HELP", "REF_CSC", "INFO_SHARE_HV_MW_GP", "FOLLOW_UP"}) {
    EXPECT_NE(rules->FindAction(code), nullptr) << code;
  }
  const Item* gestation = rules->FindItem("gestation_at_birth");
  ASSERT_NE(gestation, nullptr);
  EXPECT_EQ(gestation->type, ItemType::kWeeksDays);
  EXPECT_EQ(rules->LevelOf(RiskLevel::kIncreased).follow_up_days, 14);
  EXPECT_EQ(rules->LevelOf(RiskLevel::kUniversal).follow_up_days, std::nullopt);
}

json RuleAt(const json& root, const std::string& id) {
  for (const json& rule : root["rules"]) {
    if (rule["id"] == id) return rule;
  }
  return json();
}

struct Malformed {
  std::string name;
  std::function<void(json&)> change;
  std::string error;  // after "<path>: "
};

void PrintTo(const Malformed& test_case, std::ostream* out) { *out << test_case.name; }

class MalformedRulesTest : public ::testing::TestWithParam<Malformed> {};

TEST_P(MalformedRulesTest, IsRefusedWithTheJsonPath) {
  json root = testing::BundledRulesJson();
  GetParam().change(root);
  std::string path = testing::WriteTempJson("rules-" + GetParam().name + ".json", root);
  auto rules = LoadRules(path);
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().code(), StatusCode::kInvalidData);
  EXPECT_EQ(rules.status().message(), path + ": " + GetParam().error);
}

INSTANTIATE_TEST_SUITE_P(
    OneChange, MalformedRulesTest,
    ::testing::Values(
        Malformed{"UnknownItem",
                  [](json& r) {
                    r["rules"][3]["when"] = {{"item", "sofa"}, {"is", true}};
                  },
                  "rules[3].when.item: 'sofa' is not an item"},
        Malformed{"UnknownItemDeepInside",
                  [](json& r) { r["rules"][0]["when"]["any"][2]["item"] = "smoker_cat"; },
                  "rules[0].when.any[2].item: 'smoker_cat' is not an item"},
        Malformed{"OptionNotAChoice",
                  [](json& r) {
                    r["rules"][2]["when"]["in"] = {"planned", "sometimes"};
                  },
                  "rules[2].when.in[1]: 'sometimes' is not an option of 'bed_sharing'"},
        Malformed{"TestDoesNotFitType",
                  [](json& r) {
                    r["rules"][1]["when"] = {{"item", "smoking_in_pregnancy"}, {"lt", 3}};
                  },
                  "rules[1].when.lt: 'smoking_in_pregnancy' is a yes_no item: use is"},
        Malformed{"InOnANumber",
                  [](json& r) {
                    r["rules"][7]["when"] = {{"item", "birth_weight"}, {"in", {"low"}}};
                  },
                  "rules[7].when.in: 'birth_weight' is a number item: use lt, le, gt or ge"},
        Malformed{"MisspeltTest",
                  [](json& r) {
                    r["rules"][7]["when"] = {{"item", "birth_weight"}, {"lte", 2500}};
                  },
                  "rules[7].when.lte: is not a known field"},
        Malformed{"TwoTests", [](json& r) { r["rules"][7]["when"]["gt"] = 100; },
                  "rules[7].when: an item test needs exactly one of in, is, lt, le, gt or ge"},
        Malformed{"NoConditionKind",
                  [](json& r) {
                    r["rules"][0]["when"] = {{"every", json::array()}};
                  },
                  "rules[0].when: a condition needs one of all, any, count_of, item or rule"},
        Malformed{"LaterRuleCited",
                  [](json& r) {
                    r["rules"][0]["when"] = {{"rule", "sofa_armchair"}};
                  },
                  "rules[0].when.rule: 'sofa_armchair' is not an earlier rule"},
        Malformed{"CountTooHigh", [](json& r) { r["rules"][14]["when"]["at_least"] = 8; },
                  "rules[14].when.at_least: must be a whole number from 1 to 7"},
        Malformed{"DuplicateItem", [](json& r) { r["items"][1]["id"] = "baby_age_weeks"; },
                  "items[1].id: 'baby_age_weeks' is used twice"},
        Malformed{"DuplicateRule", [](json& r) { r["rules"][4]["id"] = "household_smoker"; },
                  "rules[4].id: 'household_smoker' is used twice"},
        Malformed{"DuplicateOption",
                  [](json& r) { r["items"][5]["options"][1]["value"] = "breast"; },
                  "items[5].options[1].value: 'breast' is used twice"},
        Malformed{"UnknownActionInRule",
                  [](json& r) { r["rules"][0]["actions"] = {"REF_NOWHERE"}; },
                  "rules[0].actions[0]: 'REF_NOWHERE' is not an action code"},
        Malformed{"UnknownActionInLevel",
                  [](json& r) { r["levels"]["high"]["actions"][1] = "PLAN"; },
                  "levels.high.actions[1]: 'PLAN' is not an action code"},
        Malformed{"RuleAtUniversal", [](json& r) { r["rules"][0]["level"] = "universal"; },
                  "rules[0].level: 'universal' must be increased or high"},
        Malformed{"NoFollowUpDays", [](json& r) { r["levels"]["high"].erase("follow_up_days"); },
                  "levels.high.follow_up_days: is required"},
        Malformed{"UnknownGroup", [](json& r) { r["items"][0]["group"] = "mother"; },
                  "items[0].group: 'mother' is not a group"},
        Malformed{"UnknownType", [](json& r) { r["items"][0]["type"] = "date"; },
                  "items[0].type: 'date' is not yes_no, choice, number or weeks_days"},
        Malformed{"EmptyRange", [](json& r) { r["items"][2]["max"] = 300; },
                  "items[2].max: must be greater than min"},
        Malformed{"OptionsOnYesNo", [](json& r) { r["items"][3]["options"] = json::array(); },
                  "items[3].options: is not a known field"},
        Malformed{"NoVersion", [](json& r) { r.erase("version"); }, "version: is required"},
        Malformed{"NumericVersion", [](json& r) { r["version"] = 1; },
                  "version: must be non-empty text"},
        Malformed{"UnknownTopField", [](json& r) { r["scores"] = json::array(); },
                  "scores: is not a known field"},
        Malformed{"UnknownTriggerItem",
                  [](json& r) { r["reassessment_triggers"][0]["when"]["item"] = "move"; },
                  "reassessment_triggers[0].when.item: 'move' is not an item"},
        Malformed{"UnknownActionKind", [](json& r) { r["actions"][0]["kind"] = "leaflet"; },
                  "actions[0].kind: 'leaflet' is not advice, plan, referral, "
                  "information_sharing or follow_up"}),
    [](const auto& case_info) { return case_info.param.name; });

TEST(RulesReaderTest, TheMalformedCasesPointAtTheRulesTheyMeanTo) {
  // The cases above address rules by position: keep them honest.
  json root = testing::BundledRulesJson();
  EXPECT_EQ(root["rules"][0]["id"], "household_smoker");
  EXPECT_EQ(root["rules"][2]["id"], "planned_bed_sharing");
  EXPECT_EQ(root["rules"][7]["id"], "low_birth_weight");
  EXPECT_EQ(root["rules"][14]["id"], "vulnerability");
  EXPECT_EQ(root["items"][2]["id"], "birth_weight");
  EXPECT_EQ(root["items"][5]["id"], "feeding");
  EXPECT_FALSE(RuleAt(root, "sofa_armchair").is_null());
}

TEST(RulesReaderTest, NotJsonIsRefused) {
  std::string path = testing::WriteTempFile("rules-broken.json", "{\"version\": \"1\",");
  EXPECT_EQ(LoadRules(path).status().message(), path + ": is not valid JSON");
}

TEST(RulesReaderTest, AMissingFileIsAnIoError) {
  auto rules = LoadRules("/nonexistent/rules-v9.json");
  EXPECT_EQ(rules.status().code(), StatusCode::kIoError);
  EXPECT_EQ(rules.status().message(),
            "/nonexistent/rules-v9.json: cannot open the safer-sleep rules file");
}

}  // namespace
}  // namespace cradle::safesleep
