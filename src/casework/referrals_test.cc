// Referrals through the public header: consent required, the family kept by
// pseudonym only, every status move allowed and refused as the lifecycle
// says, organisation scoping (a third organisation sees nothing) and an
// audit entry for every write and read.
#include "casework/referrals.h"

#include <gtest/gtest.h>

#include "casework/test_fixture.h"

namespace cradle::casework {
namespace {

using testing::kBabyBasics;
using testing::kBabyBasicsService;
using testing::kDay;
using testing::kFamilyA;
using testing::kFamilyB;
using testing::kMidwifery;
using testing::kStart;
using ReferralsTest = testing::CaseworkTest;

TEST_F(ReferralsTest, SendsAReferralWithConsentAndThePseudonymOnly) {
  auto referral = referrals_->Make(ann_, ConsentedReferral());
  ASSERT_TRUE(referral.ok()) << referral.status().ToString();
  EXPECT_GT(referral->id, 0);
  EXPECT_EQ(referral->family_pseudonym, *pseudonymiser_.Pseudonym(kFamilyA));
  EXPECT_EQ(referral->family_pseudonym.size(), 64u);
  EXPECT_EQ(referral->from_organisation, kMidwifery);
  EXPECT_EQ(referral->from_user, "ann");
  EXPECT_EQ(referral->to_service_id, kBabyBasicsService);
  EXPECT_EQ(referral->to_service, "Baby Basics");
  EXPECT_EQ(referral->to_organization_id, "org-bb");
  EXPECT_EQ(referral->to_organisation, kBabyBasics);
  EXPECT_TRUE(referral->consent_recorded);
  EXPECT_EQ(referral->consent_how, "verbal");
  EXPECT_EQ(referral->consent_by_user_id, ann_.user.id);
  EXPECT_EQ(referral->consent_at, kStart);
  EXPECT_EQ(referral->status, "sent");
  ASSERT_EQ(referral->events.size(), 1u);
  EXPECT_EQ(referral->events[0].status, "sent");
  EXPECT_EQ(referral->events[0].at, kStart);
  EXPECT_EQ(referral->events[0].by_user, "ann");

  auto audit = NewAuditRows();
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "create");
  EXPECT_EQ(audit[0].object_type, "referral");
  EXPECT_EQ(audit[0].object_id, std::to_string(referral->id));
  EXPECT_EQ(audit[0].user, "ann");
  EXPECT_EQ(audit[0].organisation, kMidwifery);
  EXPECT_EQ(audit[0].source, "10.0.0.1");
  EXPECT_EQ(audit[0].detail,
            std::string("to service svc-baby-basics (") + kBabyBasics + "), consent verbal");
  // Neither the number nor its digits reach the log.
  EXPECT_EQ(audit[0].detail.find("9434765919"), std::string::npos);
}

TEST_F(ReferralsTest, RefusesWithoutRecordedConsentAndStoresNothing) {
  NewReferral no_consent = ConsentedReferral();
  no_consent.consent = {};
  EXPECT_EQ(referrals_->Make(ann_, no_consent).status().message(),
            "a referral needs the family's consent: ask them, then record that they gave it and "
            "how (verbal or written)");
  NewReferral no_how = ConsentedReferral();
  no_how.consent.how = "implied";
  EXPECT_EQ(referrals_->Make(ann_, no_how).status().message(),
            "consent.how must be verbal or written, not 'implied'");
  NewReferral future = ConsentedReferral();
  future.consent.at = kStart + kDay;
  EXPECT_EQ(referrals_->Make(ann_, future).status().message(),
            "consent.at must not be in the future");
  EXPECT_EQ(CountRows("referral"), 0);
  EXPECT_TRUE(NewAuditRows().empty());
}

TEST_F(ReferralsTest, RefusesBadFieldsNamingThem) {
  NewReferral bad_number = ConsentedReferral("943 476 5918");
  EXPECT_EQ(referrals_->Make(ann_, bad_number).status().message(),
            "the NHS number's check digit is wrong (Modulus 11)");
  NewReferral no_reason = ConsentedReferral();
  no_reason.reason = "  ";
  EXPECT_EQ(referrals_->Make(ann_, no_reason).status().message(), "the reason must not be empty");
  EXPECT_EQ(referrals_->Make(ann_, ConsentedReferral(kFamilyA, "nope")).status().message(),
            "no service has id 'nope' in the directory");
  EXPECT_EQ(referrals_->Make(ann_, ConsentedReferral(kFamilyA, testing::kClosedService))
                .status()
                .message(),
            "service 'Old cot bank' is defunct and takes no referrals");
  auto analyst = referrals_->Make(dan_, ConsentedReferral());
  EXPECT_EQ(analyst.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(analyst.status().message(), "only practitioners can make a referral: dan is analyst");
  EXPECT_EQ(CountRows("referral"), 0);
  EXPECT_TRUE(NewAuditRows().empty());
}

TEST_F(ReferralsTest, MovesSentAcceptedCompletedWithTimesAndWho) {
  int64_t id = Refer();
  clock_.Advance(kDay);
  auto accepted = referrals_->Move(bob_, id, ReferralStatus::kAccepted, "cot on order");
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(accepted->status, "accepted");
  clock_.Advance(2 * kDay);
  auto completed = referrals_->Move(bob_, id, ReferralStatus::kCompleted);
  ASSERT_TRUE(completed.ok()) << completed.status().ToString();
  EXPECT_EQ(completed->status, "completed");
  EXPECT_EQ(completed->updated_at, kStart + 3 * kDay);
  ASSERT_EQ(completed->events.size(), 3u);
  EXPECT_EQ(completed->events[1].status, "accepted");
  EXPECT_EQ(completed->events[1].at, kStart + kDay);
  EXPECT_EQ(completed->events[1].by_user, "bob");
  EXPECT_EQ(completed->events[1].note, "cot on order");
  EXPECT_EQ(completed->events[2].status, "completed");
  EXPECT_EQ(completed->events[2].at, kStart + 3 * kDay);

  auto audit = NewAuditRows();
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_EQ(audit[1].action, "update");
  EXPECT_EQ(audit[1].detail, "sent -> accepted");
  EXPECT_EQ(audit[1].user, "bob");
  EXPECT_EQ(audit[2].detail, "accepted -> completed");
}

TEST_F(ReferralsTest, DeclinedAndNotContactableFromSentOrAccepted) {
  int64_t declined_sent = Refer();
  int64_t unreachable_sent = Refer();
  int64_t declined_accepted = Refer();
  int64_t unreachable_accepted = Refer();
  EXPECT_TRUE(referrals_->Move(bob_, declined_sent, ReferralStatus::kDeclined).ok());
  EXPECT_TRUE(referrals_->Move(bob_, unreachable_sent, ReferralStatus::kNotContactable).ok());
  for (int64_t id : {declined_accepted, unreachable_accepted}) {
    ASSERT_TRUE(referrals_->Move(bob_, id, ReferralStatus::kAccepted).ok());
  }
  EXPECT_TRUE(referrals_->Move(bob_, declined_accepted, ReferralStatus::kDeclined).ok());
  EXPECT_TRUE(referrals_->Move(bob_, unreachable_accepted, ReferralStatus::kNotContactable).ok());
  auto row = referrals_->Find(bob_, unreachable_accepted);
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(row->status, "not_contactable");
}

TEST_F(ReferralsTest, RefusesEveryOtherMoveAndChangesNothing) {
  int64_t sent = Refer();
  int64_t completed = Refer();
  ASSERT_TRUE(referrals_->Move(bob_, completed, ReferralStatus::kAccepted).ok());
  ASSERT_TRUE(referrals_->Move(bob_, completed, ReferralStatus::kCompleted).ok());
  auto before = NewAuditRows().size();

  auto skip = referrals_->Move(bob_, sent, ReferralStatus::kCompleted);
  EXPECT_EQ(skip.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(skip.status().message(),
            "referral " + std::to_string(sent) +
                ": a sent referral cannot become completed: it can become accepted, declined "
                "or not_contactable");
  EXPECT_EQ(referrals_->Move(bob_, sent, ReferralStatus::kSent).status().code(),
            StatusCode::kInvalidArgument);
  for (ReferralStatus to :
       {ReferralStatus::kSent, ReferralStatus::kAccepted, ReferralStatus::kCompleted,
        ReferralStatus::kDeclined, ReferralStatus::kNotContactable}) {
    auto again = referrals_->Move(bob_, completed, to);
    EXPECT_EQ(again.status().code(), StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(referrals_->Move(bob_, completed, ReferralStatus::kDeclined).status().message(),
            "referral " + std::to_string(completed) +
                ": a completed referral cannot become declined: nothing follows completed");
  EXPECT_EQ(referrals_->Move(bob_, 999, ReferralStatus::kAccepted).status().message(),
            "no referral has id 999");
  EXPECT_EQ(NewAuditRows().size(), before);
  EXPECT_EQ(CountRows("referral_event"), 1 + 3);
}

TEST_F(ReferralsTest, OnlyTheReceivingOrganisationMovesIt) {
  int64_t id = Refer();
  auto by_referrer = referrals_->Move(ann_, id, ReferralStatus::kAccepted);
  EXPECT_EQ(by_referrer.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(by_referrer.status().message(), std::string("only ") + kBabyBasics +
                                                ", which received referral " + std::to_string(id) +
                                                ", can mark it accepted");
  auto by_third = referrals_->Move(cat_, id, ReferralStatus::kAccepted);
  EXPECT_EQ(by_third.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(by_third.status().message(), "referral " + std::to_string(id) +
                                             " was neither made by nor addressed to Step Outside");
  auto row = referrals_->Find(ann_, id);
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(row->status, "sent");
}

TEST_F(ReferralsTest, EachOrganisationSeesOnlyWhatItSentOrReceived) {
  int64_t to_baby_basics = Refer(kFamilyA);
  int64_t to_step_outside = Refer(kFamilyB, testing::kStepOutsideService);
  const int64_t from = kStart - kDay, to = kStart + kDay;

  auto sent = referrals_->Sent(ann_, from, to);
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(sent->size(), 2u);
  auto received = referrals_->Received(bob_, from, to);
  ASSERT_TRUE(received.ok());
  ASSERT_EQ(received->size(), 1u);
  EXPECT_EQ((*received)[0].id, to_baby_basics);
  auto bob_sent = referrals_->Sent(bob_, from, to);
  ASSERT_TRUE(bob_sent.ok());
  EXPECT_TRUE(bob_sent->empty());
  // The third organisation receives the other one, and sees nothing of the first.
  auto cat_received = referrals_->Received(cat_, from, to);
  ASSERT_TRUE(cat_received.ok());
  ASSERT_EQ(cat_received->size(), 1u);
  EXPECT_EQ((*cat_received)[0].id, to_step_outside);
  EXPECT_EQ(referrals_->Find(cat_, to_baby_basics).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(referrals_->Find(bob_, to_step_outside).status().code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(referrals_->Find(bob_, to_baby_basics).ok());
  EXPECT_TRUE(referrals_->Find(ann_, to_step_outside).ok());
  EXPECT_EQ(referrals_->Sent(dan_, from, to).status().code(), StatusCode::kPermissionDenied);
}

TEST_F(ReferralsTest, ReadsAreAudited) {
  int64_t id = Refer();
  ASSERT_TRUE(referrals_->Find(bob_, id).ok());
  ASSERT_TRUE(referrals_->Received(bob_, kStart - kDay, kStart + kDay).ok());
  auto audit = NewAuditRows();
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_EQ(audit[1].action, "read");
  EXPECT_EQ(audit[1].object_id, std::to_string(id));
  EXPECT_EQ(audit[1].user, "bob");
  EXPECT_EQ(audit[2].action, "read");
  EXPECT_EQ(audit[2].detail.rfind("list of 1 received from ", 0), 0u) << audit[2].detail;
  // A refused read writes nothing.
  EXPECT_FALSE(referrals_->Find(cat_, id).ok());
  EXPECT_EQ(NewAuditRows().size(), 3u);
}

TEST_F(ReferralsTest, AReferralFromAnAssessmentMustBeOfTheSameFamilyAndOrganisation) {
  auto assessment = assessments_->Record(ann_, {kFamilyA, SafeAssessment(), std::nullopt});
  ASSERT_TRUE(assessment.ok()) << assessment.status().ToString();
  NewReferral linked = ConsentedReferral();
  linked.assessment_id = assessment->row.id;
  auto made = referrals_->Make(ann_, linked);
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_EQ(made->assessment_id, assessment->row.id);

  NewReferral other_family = ConsentedReferral(kFamilyB);
  other_family.assessment_id = assessment->row.id;
  EXPECT_EQ(referrals_->Make(ann_, other_family).status().message(),
            "assessment " + std::to_string(assessment->row.id) +
                " is of another family than the one referred");
  NewReferral other_org = ConsentedReferral();
  other_org.assessment_id = assessment->row.id;
  EXPECT_EQ(referrals_->Make(cat_, other_org).status().code(), StatusCode::kPermissionDenied);
  NewReferral unknown = ConsentedReferral();
  unknown.assessment_id = 404;
  EXPECT_EQ(referrals_->Make(ann_, unknown).status().message(), "no assessment has id 404");
  EXPECT_EQ(CountRows("referral"), 1);
}

}  // namespace
}  // namespace cradle::casework
