// The casework tables through store::CaseworkStore: a write that fails at
// any point leaves nothing behind (not the referral, its event or the audit
// entry), a status changed by someone else first is not overwritten, and a
// referral's history cannot be edited.
#include "store/casework_store.h"

#include <gtest/gtest.h>

#include "casework/test_fixture.h"
#include "store/sqlite.h"

namespace cradle::casework {
namespace {

using CaseworkStoreTest = testing::CaseworkTest;

store::ReferralRow Row(int64_t user_id, const std::string& pseudonym) {
  store::ReferralRow row;
  row.family_pseudonym = pseudonym;
  row.from_organisation = testing::kMidwifery;
  row.from_user_id = user_id;
  row.to_service_id = testing::kBabyBasicsService;
  row.to_organization_id = "org-bb";
  row.to_organisation = testing::kBabyBasics;
  row.reason = "synthetic";
  row.consent_recorded = true;
  row.consent_by_user_id = user_id;
  row.consent_at = testing::kStart;
  row.consent_how = "written";
  row.status = "sent";
  row.created_at = row.updated_at = testing::kStart;
  row.events.push_back({"sent", testing::kStart, user_id, "", ""});
  return row;
}

TEST_F(CaseworkStoreTest, AFailedWriteLeavesNothingBehind) {
  auto casework = store_->Casework();
  const std::string pseudonym = *pseudonymiser_.Pseudonym(testing::kFamilyA);
  audit::Event event{ActorOf(ann_), audit::kCreate, "referral", "", ""};
  auto good_seal = [&](int64_t id) {
    event.object_id = std::to_string(id);
    return log_->SealNow(event);
  };

  // Fails after the referral row is inserted: its first event names no user.
  store::ReferralRow bad_event = Row(ann_.user.id, pseudonym);
  bad_event.events[0].by_user_id = 999;
  auto failed = casework->AddReferral(bad_event, good_seal);
  EXPECT_EQ(failed.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(failed.status().message(), "the referral's sent event: no user has id 999");

  // Fails at the very end: the audit seal does not follow the log's head.
  auto broken_seal = [&](int64_t id) -> store::AuditSeal {
    return [&, id](const store::AuditHead& head) {
      store::AuditRow row = log_->SealNow(event)(head);
      row.sequence = head.sequence + 7;
      row.object_id = std::to_string(id);
      return row;
    };
  };
  EXPECT_FALSE(casework->AddReferral(Row(ann_.user.id, pseudonym), broken_seal).ok());
  EXPECT_FALSE(casework
                   ->ChangeReferralStatus(1, "sent", {"accepted", 1, bob_.user.id, "", ""},
                                          log_->SealNow(event))
                   .ok());  // there is no referral 1: nothing was kept

  EXPECT_EQ(CountRows("referral"), 0);
  EXPECT_EQ(CountRows("referral_event"), 0);
  EXPECT_TRUE(NewAuditRows().empty());

  // Its unknown service refuses an assessment's link the same way.
  store::ReferralRow unknown_service = Row(ann_.user.id, pseudonym);
  unknown_service.to_service_id = "nope";
  EXPECT_EQ(casework->AddReferral(unknown_service, good_seal).status().message(),
            "no service nope run by organisation org-bb is in the directory");
  EXPECT_EQ(CountRows("referral"), 0);

  auto stored = casework->AddReferral(Row(ann_.user.id, pseudonym), good_seal);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(CountRows("referral"), 1);
  EXPECT_EQ(CountRows("referral_event"), 1);
  EXPECT_EQ(NewAuditRows().size(), 1u);
}

TEST_F(CaseworkStoreTest, AStatusChangedFirstByAnotherIsNotOverwritten) {
  int64_t id = Refer();
  auto casework = store_->Casework();
  audit::Event event{ActorOf(bob_), audit::kUpdate, "referral", std::to_string(id), ""};
  ASSERT_TRUE(casework
                  ->ChangeReferralStatus(id, "sent",
                                         {"accepted", testing::kStart, bob_.user.id, "", ""},
                                         log_->SealNow(event))
                  .ok());
  // A second worker still thinks it is sent.
  Status stale = casework->ChangeReferralStatus(
      id, "sent", {"declined", testing::kStart, bob_.user.id, "", ""}, log_->SealNow(event));
  EXPECT_EQ(stale.message(), "referral " + std::to_string(id) +
                                 " is now accepted, no longer sent: someone changed it first");
  auto row = casework->FindReferral(id);
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_EQ((*row)->status, "accepted");
  EXPECT_EQ((*row)->events.size(), 2u);
}

TEST_F(CaseworkStoreTest, AReferralsHistoryCannotBeEdited) {
  Refer();
  auto db = store::Database::Open((dir_ / "cradle.db").string());
  ASSERT_TRUE(db.ok());
  Status update = (*db)->Exec("UPDATE referral_event SET at = 0");
  EXPECT_NE(update.message().find("a referral's history cannot be changed"), std::string::npos)
      << update.message();
  Status remove = (*db)->Exec("DELETE FROM referral_event");
  EXPECT_NE(remove.message().find("a referral's history cannot be deleted"), std::string::npos)
      << remove.message();
  Status no_consent =
      (*db)->Exec("UPDATE referral SET consent_how = '' WHERE consent_recorded = 1");
  EXPECT_FALSE(no_consent.ok());
}

}  // namespace
}  // namespace cradle::casework
