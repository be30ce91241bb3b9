// Recording assessments: evaluated under their rules version and stored with
// answers and outcome, the family by pseudonym, reassessments linked, other
// organisations refused, every write and read audited.
#include "casework/assessments.h"

#include <gtest/gtest.h>

#include "casework/test_fixture.h"

namespace cradle::casework {
namespace {

using testing::kDay;
using testing::kFamilyA;
using testing::kFamilyB;
using testing::kMidwifery;
using testing::kStart;
using AssessmentsTest = testing::CaseworkTest;

TEST_F(AssessmentsTest, StoresAnswersOutcomeAndTheVersionUsed) {
  auto recorded = assessments_->Record(
      ann_, {kFamilyA, SafeAssessment({{"sleep_place_night", "sofa_armchair"}}), std::nullopt});
  ASSERT_TRUE(recorded.ok()) << recorded.status().ToString();
  const store::AssessmentRow& row = recorded->row;
  EXPECT_EQ(row.level, "high");
  EXPECT_EQ(recorded->outcome.level, safesleep::RiskLevel::kHigh);
  EXPECT_EQ(row.rules_version, "1");
  EXPECT_EQ(row.touchpoint, "new_birth_visit");
  EXPECT_EQ(row.organisation, kMidwifery);
  EXPECT_EQ(row.practitioner, "ann");
  EXPECT_EQ(row.created_at, kStart);
  EXPECT_EQ(row.family_pseudonym, *pseudonymiser_.Pseudonym(kFamilyA));
  EXPECT_EQ(row.answers_json.find("9434765919"), std::string::npos);
  auto answers = nlohmann::json::parse(row.answers_json);
  EXPECT_EQ(answers["rules_version"], "1");  // kept even though none was asked for
  EXPECT_EQ(answers["answers"]["sleep_place_night"], "sofa_armchair");
  auto outcome = StoredOutcome(row);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(outcome->level, safesleep::RiskLevel::kHigh);
  EXPECT_FALSE(outcome->reasons.empty());

  auto audit = NewAuditRows();
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "create");
  EXPECT_EQ(audit[0].object_type, "safer_sleep_assessment");
  EXPECT_EQ(audit[0].object_id, std::to_string(row.id));
  EXPECT_EQ(audit[0].detail, "level high, rules version 1, touchpoint new_birth_visit");
}

TEST_F(AssessmentsTest, LinksAReassessmentToTheOneItFollows) {
  auto first = assessments_->Record(
      ann_, {kFamilyA, SafeAssessment({{"smoker_mother", true}}), std::nullopt});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->row.level, "increased");
  clock_.Advance(30 * kDay);
  auto again = assessments_->Record(ann_, {kFamilyA, SafeAssessment(), first->row.id});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->row.follows_id, first->row.id);
  EXPECT_EQ(again->row.level, "universal");
  EXPECT_EQ(again->row.created_at, kStart + 30 * kDay);

  EXPECT_EQ(
      assessments_->Record(ann_, {kFamilyB, SafeAssessment(), first->row.id}).status().message(),
      "assessment " + std::to_string(first->row.id) +
          " is of another family: a reassessment follows an assessment of the same family");
  EXPECT_EQ(assessments_->Record(cat_, {kFamilyA, SafeAssessment(), first->row.id}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(assessments_->Record(ann_, {kFamilyA, SafeAssessment(), 404}).status().message(),
            "no assessment has id 404 to reassess");
  EXPECT_EQ(CountRows("safer_sleep_assessment"), 2);
}

TEST_F(AssessmentsTest, RefusesBadAnswersVersionsAndCallersStoringNothing) {
  auto bad_answer = assessments_->Record(
      ann_, {kFamilyA, SafeAssessment({{"birth_weight", 9000}}), std::nullopt});
  EXPECT_EQ(bad_answer.status().code(), StatusCode::kInvalidData);
  EXPECT_NE(bad_answer.status().message().find("answers.birth_weight"), std::string::npos)
      << bad_answer.status().message();
  safesleep::Assessment unknown_version = SafeAssessment();
  unknown_version.rules_version = "99";
  EXPECT_EQ(assessments_->Record(ann_, {kFamilyA, unknown_version, std::nullopt}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(assessments_->Record(ann_, {"123", SafeAssessment(), std::nullopt}).status().message(),
            "an NHS number has 10 digits (this one has 3)");
  EXPECT_EQ(
      assessments_->Record(dan_, {kFamilyA, SafeAssessment(), std::nullopt}).status().message(),
      "only practitioners can record a safer-sleep assessment: dan is analyst");
  EXPECT_EQ(CountRows("safer_sleep_assessment"), 0);
  EXPECT_TRUE(NewAuditRows().empty());
}

TEST_F(AssessmentsTest, OnlyTheOrganisationThatMadeItSeesIt) {
  auto made = assessments_->Record(ann_, {kFamilyA, SafeAssessment(), std::nullopt});
  ASSERT_TRUE(made.ok());
  auto found = assessments_->Find(ann_, made->row.id);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->outcome.level, safesleep::RiskLevel::kUniversal);
  auto other = assessments_->Find(bob_, made->row.id);
  EXPECT_EQ(other.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(other.status().message(), "assessment " + std::to_string(made->row.id) +
                                          " was not made by Baby Basics Leicester");
  auto mine = assessments_->List(ann_, kStart, kStart + kDay);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->size(), 1u);
  auto theirs = assessments_->List(cat_, kStart, kStart + kDay);
  ASSERT_TRUE(theirs.ok());
  EXPECT_TRUE(theirs->empty());
  auto audit = NewAuditRows();
  ASSERT_EQ(audit.size(), 4u);  // create, read, two lists; the refused read wrote nothing
  EXPECT_EQ(audit[1].action, "read");
  EXPECT_EQ(audit[1].object_id, std::to_string(made->row.id));
  EXPECT_EQ(audit[3].user, "cat");
}

}  // namespace
}  // namespace cradle::casework
