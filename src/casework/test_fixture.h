// For the casework tests only: a fresh store with its audit log
// (audit/logged_store_test.h), a pseudonymiser with a fixed key, the bundled
// safer-sleep rules, three organisations' practitioners and an analyst, and
// a directory with a service of each receiving organisation. Synthetic data.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "accounts/pseudonym.h"
#include "accounts/users.h"
#include "audit/logged_store_test.h"
#include "casework/assessments.h"
#include "casework/caller.h"
#include "casework/referrals.h"
#include "safesleep/registry.h"
#include "store/store.h"

namespace cradle::casework::testing {

inline constexpr const char* kMidwifery = "Leicester Midwifery";     // refers
inline constexpr const char* kBabyBasics = "Baby Basics Leicester";  // receives
inline constexpr const char* kThird = "Step Outside";                // neither
inline constexpr const char* kBabyBasicsService = "svc-baby-basics";
inline constexpr const char* kStepOutsideService = "svc-step-outside";
inline constexpr const char* kClosedService = "svc-closed";
inline constexpr const char* kFamilyA = "943 476 5919";  // valid synthetic NHS numbers
inline constexpr const char* kFamilyB = "4010232137";
inline constexpr int64_t kStart = audit::LoggedStoreTest::kClockStart;
inline constexpr int64_t kDay = 86'400;

class CaseworkTest : public audit::LoggedStoreTest {
 protected:
  CaseworkTest() : LoggedStoreTest("cradle_casework_") {}
  void SetUp() override;
  void TearDown() override;

  // A safe assessment (nothing risky), with `extra` answers overriding.
  static safesleep::Assessment SafeAssessment(
      const nlohmann::json& extra = nlohmann::json::object());
  // A referral of `nhs_number` to `service` with verbal consent.
  static NewReferral ConsentedReferral(const std::string& nhs_number = kFamilyA,
                                       const std::string& service = kBabyBasicsService);
  // Makes a referral as ann; fails the test if refused.
  int64_t Refer(const std::string& nhs_number = kFamilyA,
                const std::string& service = kBabyBasicsService);

  // The audit entries after the setup's, oldest first.
  std::vector<store::AuditRow> NewAuditRows();
  int64_t CountRows(const std::string& table);

  safesleep::RulesRegistry rules_;
  accounts::Pseudonymiser pseudonymiser_{accounts::Pseudonymiser::Key{}};
  std::unique_ptr<Assessments> assessments_;
  std::unique_ptr<Referrals> referrals_;
  Caller ann_;  // practitioner, kMidwifery
  Caller bob_;  // practitioner, kBabyBasics
  Caller cat_;  // practitioner, kThird
  Caller dan_;  // analyst, kMidwifery
  int64_t setup_audit_rows_ = 0;
};

}  // namespace cradle::casework::testing
