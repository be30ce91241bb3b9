#include "casework/test_fixture.h"

namespace cradle::casework::testing {
namespace {

store::Organization Organisation(const std::string& id, const std::string& name) {
  store::Organization organisation;
  organisation.id = id;
  organisation.name = name;
  return organisation;
}

store::Service Service(const std::string& id, const std::string& organisation_id,
                       const std::string& name, const std::string& status) {
  store::Service service;
  service.id = id;
  service.organization_id = organisation_id;
  service.name = name;
  service.status = status;
  return service;
}

}  // namespace

void CaseworkTest::SetUp() {
  LoggedStoreTest::SetUp();
  if (HasFatalFailure()) return;
  auto rules = safesleep::RulesRegistry::LoadDirectory(safesleep::DefaultRulesDir());
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  rules_ = std::move(*rules);

  accounts::AccountOptions options;
  options.password_cost = accounts::PasswordCost::Minimum();
  accounts::Users users(*store_, *log_, options);
  auto add = [&](const char* username, const char* role, const char* organisation) {
    auto user = users.Add({username, username, role, organisation, "a long passphrase"},
                          audit::Actor::System("cli"));
    EXPECT_TRUE(user.ok()) << user.status().ToString();
    return Caller{user.ok() ? *user : accounts::User{}, "10.0.0.1"};
  };
  ann_ = add("ann", "practitioner", kMidwifery);
  bob_ = add("bob", "practitioner", kBabyBasics);
  cat_ = add("cat", "practitioner", kThird);
  dan_ = add("dan", "analyst", kMidwifery);

  auto directory = store_->Directory();
  ASSERT_TRUE(directory->UpsertOrganization(Organisation("org-bb", kBabyBasics)).ok());
  ASSERT_TRUE(directory->UpsertOrganization(Organisation("org-so", kThird)).ok());
  for (const auto& service : {Service(kBabyBasicsService, "org-bb", "Baby Basics", "active"),
                              Service(kStepOutsideService, "org-so", "Step Outside", "active"),
                              Service(kClosedService, "org-bb", "Old cot bank", "defunct")}) {
    Status created = directory->CreateService(service, "2026-11-01T00:00:00.000Z");
    ASSERT_TRUE(created.ok()) << created.ToString();
  }
  assessments_ = std::make_unique<Assessments>(*store_, *log_, rules_, pseudonymiser_);
  referrals_ = std::make_unique<Referrals>(*store_, *log_, pseudonymiser_);
  auto head = log_->Last(1);
  ASSERT_TRUE(head.ok());
  setup_audit_rows_ = head->empty() ? 0 : head->back().sequence;
}

void CaseworkTest::TearDown() {
  referrals_.reset();
  assessments_.reset();
  LoggedStoreTest::TearDown();
}

safesleep::Assessment CaseworkTest::SafeAssessment(const nlohmann::json& extra) {
  nlohmann::json answers = {{"sleep_place_night", "own_space_parents_room"},
                            {"bed_sharing", "never"},
                            {"has_safe_sleep_space", true}};
  for (const auto& [item, value] : extra.items()) answers[item] = value;
  auto assessment =
      safesleep::AssessmentFromJson({{"touchpoint", "new_birth_visit"}, {"answers", answers}});
  EXPECT_TRUE(assessment.ok()) << assessment.status().ToString();
  return assessment.ok() ? *assessment : safesleep::Assessment{};
}

NewReferral CaseworkTest::ConsentedReferral(const std::string& nhs_number,
                                            const std::string& service) {
  NewReferral referral;
  referral.nhs_number = nhs_number;
  referral.service_id = service;
  referral.reason = "No safe sleep space for the baby";
  referral.consent = {true, "verbal", std::nullopt};
  return referral;
}

int64_t CaseworkTest::Refer(const std::string& nhs_number, const std::string& service) {
  auto referral = referrals_->Make(ann_, ConsentedReferral(nhs_number, service));
  EXPECT_TRUE(referral.ok()) << referral.status().ToString();
  return referral.ok() ? referral->id : 0;
}

std::vector<store::AuditRow> CaseworkTest::NewAuditRows() {
  std::vector<store::AuditRow> rows;
  auto all = log_->Last(100000);
  EXPECT_TRUE(all.ok());
  if (!all.ok()) return rows;
  for (const auto& row : *all) {
    if (row.sequence > setup_audit_rows_) rows.push_back(row);
  }
  return rows;
}

int64_t CaseworkTest::CountRows(const std::string& table) {
  store::ReferralFilter all;
  if (table == "referral") {
    auto rows = store_->Casework()->Referrals(all);
    return rows.ok() ? static_cast<int64_t>(rows->size()) : -1;
  }
  if (table == "referral_event") {
    auto rows = store_->Casework()->Referrals(all);
    if (!rows.ok()) return -1;
    int64_t events = 0;
    for (const auto& row : *rows) events += static_cast<int64_t>(row.events.size());
    return events;
  }
  auto rows = store_->Casework()->Assessments("", 0, INT64_MAX);
  return rows.ok() ? static_cast<int64_t>(rows->size()) : -1;
}

}  // namespace cradle::casework::testing
