// Every role against every endpoint of the web app, from one table: each
// request is either answered (the role may use it) or refused — 303 to the
// login page for the public asking for a page, 403 for everyone else — and no
// answer carries record-level data the role may not see: the family's
// pseudonym and the referral's reason (casework of one organisation), the
// pseudonymous ids of birth records (analysts only), other users' names
// (admins only). One test per role, each on a fresh store, so a change one
// request makes (a referral accepted) cannot hide a refusal from another.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "accounts/pseudonym.h"
#include "accounts/users.h"
#include "audit/log.h"
#include "casework/assessments.h"
#include "casework/referrals.h"
#include "safesleep/assessment.h"
#include "safesleep/registry.h"
#include "web/pages.h"
#include "web/records_test_fixture.h"

namespace cradle::web::testing {
namespace {

// The users, by what they are to the casework below.
enum class Who {
  kPublic,     // no session
  kReferrer,   // practitioner of the organisation that assessed and referred
  kReceiver,   // practitioner of the organisation the referral is addressed to
  kOtherPrac,  // practitioner of a third organisation
  kAnalyst,
  kCdop,
  kAdmin,
};

const char* Name(Who who) {
  switch (who) {
    case Who::kPublic:
      return "public";
    case Who::kReferrer:
      return "practitioner (referrer)";
    case Who::kReceiver:
      return "practitioner (receiver)";
    case Who::kOtherPrac:
      return "practitioner (other organisation)";
    case Who::kAnalyst:
      return "analyst";
    case Who::kCdop:
      return "cdop_member";
    case Who::kAdmin:
      return "admin";
  }
  return "?";
}

const std::set<Who> kEveryone = {Who::kPublic,  Who::kReferrer, Who::kReceiver, Who::kOtherPrac,
                                 Who::kAnalyst, Who::kCdop,     Who::kAdmin};
const std::set<Who> kPractitioners = {Who::kReferrer, Who::kReceiver, Who::kOtherPrac};

// What a page may show: the casework of the referrer's family, the birth
// records, or other users' accounts.
enum class Secret { kFamily, kReason, kRecords, kUsers };

struct Endpoint {
  std::string method;
  std::string target;  // {assessment}, {referral}, {service} are filled in
  std::set<Who> allowed;
  std::set<Who> sees_family;       // may see the referred family's pseudonym
  std::set<Who> sees_reason;       // may see the referral's reason
  std::set<Who> sees_records;      // may see birth record ids
  std::set<Who> sees_users;        // may see other users' names
  std::string body;                // for a POST, without the csrf field
  std::set<Who> sees_review = {};  // may see a child death review (CDOP members)
};

// The marker written into the referral's reason: it must appear only where
// the referral may be read.
constexpr const char* kReasonMarker = "Reason marker 7f3a: cot needed";
// The id and learning point of the one child death review in the store.
constexpr const char* kReviewId = "CDR-MARK-1";
constexpr const char* kReviewMarker = "Review marker 9c2e: cot not used";

std::vector<Endpoint> Table() {
  std::vector<Endpoint> table;
  auto open = [&](const std::string& target) {
    table.push_back({"GET", target, kEveryone, {}, {}, {}, {}, ""});
  };
  // The public, aggregate pages and their downloads, the APIs and the files.
  for (const PageSpec& page : Pages()) open("/" + std::string(page.slug));
  open("/data/overview-headline.csv");
  open("/api/v1/areas");
  open("/api/v1/openapi.json");
  open("/api/v1/indicators");
  open("/oruk/");
  open("/oruk/services?page=1");
  open("/oruk/services/{service}");
  open("/oruk/taxonomies");
  open("/oruk/taxonomy_terms");
  open("/oruk/service_at_locations");
  open("/static/cradle.css");
  open("/login");
  const std::set<Who> referrer = {Who::kReferrer};
  const std::set<Who> both_ends = {Who::kReferrer, Who::kReceiver};
  const std::set<Who> analyst = {Who::kAnalyst};
  const std::set<Who> admin = {Who::kAdmin};
  // Casework: practitioners, each seeing their own organisation's only.
  table.push_back({"GET", "/assessments", kPractitioners, referrer, {}, {}, {}, ""});
  table.push_back({"GET", "/assessments/new", kPractitioners, {}, {}, {}, {}, ""});
  table.push_back(
      {"GET", "/assessments/new?touchpoint=new_birth_visit", kPractitioners, {}, {}, {}, {}, ""});
  table.push_back({"GET", "/assessments/{assessment}", referrer, referrer, {}, {}, {}, ""});
  // An empty form: refused for want of answers, not of the role.
  table.push_back(
      {"POST", "/assessments/new", kPractitioners, {}, {}, {}, {}, "touchpoint=new_birth_visit"});
  table.push_back({"GET", "/referrals", kPractitioners, both_ends, both_ends, {}, {}, ""});
  table.push_back({"GET", "/referrals/new", kPractitioners, {}, {}, {}, {}, ""});
  table.push_back({"GET", "/referrals/{referral}", both_ends, both_ends, both_ends, {}, {}, ""});
  table.push_back({"POST", "/referrals/new", kPractitioners, {}, {}, {}, {}, "reason=x"});
  table.push_back({"POST",
                   "/referrals/{referral}/status",
                   {Who::kReceiver},
                   both_ends,
                   both_ends,
                   {},
                   {},
                   "to=accepted"});
  table.push_back({"GET",
                   "/referrals/timing",
                   {Who::kReferrer, Who::kReceiver, Who::kOtherPrac, Who::kAnalyst, Who::kAdmin},
                   {},
                   {},
                   {},
                   {},
                   ""});
  // Pseudonymised records: analysts.
  table.push_back({"GET", "/records", analyst, {}, {}, analyst, {}, ""});
  table.push_back({"GET", "/records?page=2", analyst, {}, {}, analyst, {}, ""});
  table.push_back({"GET", "/records.csv", analyst, {}, {}, analyst, {}, ""});
  // Administration.
  table.push_back({"GET", "/admin/users", admin, {}, {}, {}, admin, ""});
  table.push_back({"POST", "/admin/users", admin, {}, {}, {}, admin, "action=add"});
  table.push_back({"GET", "/admin/directory", admin, {}, {}, {}, {}, ""});
  table.push_back({"GET", "/admin/directory/services/{service}", admin, {}, {}, {}, {}, ""});
  table.push_back({"POST", "/admin/directory/services/{service}", admin, {}, {}, {}, {}, "name="});
  table.push_back({"POST", "/admin/directory/services", admin, {}, {}, {}, {}, "name="});
  // What child death reviews say: aggregates for anyone, cases for CDOP members.
  const std::set<Who> cdop = {Who::kCdop};
  open("/cdop/factors");
  open("/api/v1/cdop/factors");
  table.push_back({"GET", "/cdop/reviews", cdop, {}, {}, {}, {}, "", cdop});
  table.push_back(
      {"GET", std::string("/cdop/reviews/") + kReviewId, cdop, {}, {}, {}, {}, "", cdop});
  table.push_back({"GET", "/cdop/reviews/new", cdop, {}, {}, {}, {}, ""});
  // Refused for want of answers, not of the role.
  table.push_back({"POST", "/cdop/reviews/new", cdop, {}, {}, {}, {}, "review_id="});
  table.push_back(
      {"POST", std::string("/cdop/reviews/") + kReviewId, cdop, {}, {}, {}, {}, "outcome=x", cdop});
  // The action plan: public; its officers add to it.
  open("/plan");
  open("/plan.xlsx");
  open("/api/v1/plan");
  open("/plan/priorities/P1.1");
  open("/plan/actions/A1");
  open("/plan/recommendations/REC-SMOKE-FREE");
  table.push_back({"POST",
                   "/plan/actions/A1",
                   {Who::kAnalyst, Who::kCdop, Who::kAdmin},
                   {},
                   {},
                   {},
                   {},
                   "rag=Q"});
  table.push_back({"POST",
                   "/plan/recommendations/REC-SMOKE-FREE",
                   {Who::kCdop, Who::kAdmin},
                   {},
                   {},
                   {},
                   {},
                   "status=x"});
  return table;
}

void Fill(std::string& text, const std::string& name, const std::string& value) {
  for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at)) {
    text.replace(at, name.size(), value);
    at += value.size();
  }
}

// A user no request here concerns: only the admin's user list names them.
constexpr const char* kBystander = "Zed Bystander";
constexpr const char* kBabyBasicsService = "b1e49d51-2048-5b75-8875-ce58be3133ee";
constexpr const char* kBabyBasicsOrganisation =
    "Baby Basics Leicester";  // data/directory/seed.json

class RoleMatrixTest : public RoutesTest {
 protected:
  void SetUp() override {
    RoutesTest::SetUp();
    if (HasFatalFailure()) return;
    // Two more practitioners, and a family assessed by one and referred to
    // the other, written as the casework layer writes them (the app reads
    // the store on every request).
    auto store = OpenStore();
    ASSERT_TRUE(store);
    auto log = audit::Log::Open(*store, dir_.string(), clock_);
    ASSERT_TRUE(log.ok()) << log.status().message();
    accounts::AccountOptions options;
    options.password_cost = accounts::PasswordCost::Minimum();
    accounts::Users users(*store, **log, options);
    auto cli = audit::Actor::System("cli");
    auto hal = users.Add(
        {"hal", "Hal Visitor", "practitioner", "Leicester Health Visiting", kTestPassword}, cli);
    ASSERT_TRUE(hal.ok()) << hal.status().message();
    auto bea = users.Add(
        {"bea", "Bea Basics", "practitioner", kBabyBasicsOrganisation, kTestPassword}, cli);
    ASSERT_TRUE(bea.ok()) << bea.status().message();
    ASSERT_TRUE(
        users.Add({"zed", kBystander, "analyst", "Leicester City Council", kTestPassword}, cli)
            .ok());

    auto rules = safesleep::RulesRegistry::LoadDirectory(safesleep::DefaultRulesDir());
    ASSERT_TRUE(rules.ok()) << rules.status().message();
    accounts::Pseudonymiser pseudonymiser(accounts::Pseudonymiser::Key{7});
    casework::Caller caller{*hal, "192.0.2.30"};
    auto answers = safesleep::AssessmentFromJson({{"touchpoint", "new_birth_visit"},
                                                  {"answers",
                                                   {{"sleep_place_night", "own_space_parents_room"},
                                                    {"bed_sharing", "never"},
                                                    {"has_safe_sleep_space", false}}}});
    ASSERT_TRUE(answers.ok()) << answers.status().message();
    casework::Assessments assessments(*store, **log, *rules, pseudonymiser);
    auto assessment = assessments.Record(caller, {"943 476 5919", *answers, std::nullopt});
    ASSERT_TRUE(assessment.ok()) << assessment.status().message();
    assessment_id_ = std::to_string(assessment->row.id);
    // Pages show its first 8 hex digits (CaseworkRoutes::ShortPseudonym).
    family_marker_ = assessment->row.family_pseudonym.substr(0, 8);
    casework::Referrals referrals(*store, **log, pseudonymiser);
    casework::NewReferral referral;
    referral.nhs_number = "9434765919";
    referral.service_id = kBabyBasicsService;
    referral.reason = kReasonMarker;
    referral.assessment_id = assessment->row.id;
    referral.consent = {true, "verbal", std::nullopt};
    auto made = referrals.Make(caller, referral);
    ASSERT_TRUE(made.ok()) << made.status().message();
    referral_id_ = std::to_string(made->id);

    records::ReviewRecord review;
    review.review_id = kReviewId;
    review.date_of_death = *records::Date::Parse("2025-03-01");
    review.age_at_death_days = 40;
    review.notified_on = review.date_of_death;
    review.learning_points = kReviewMarker;
    ASSERT_TRUE(store->Reviews()->PutReviews({review}).ok());
  }

  // The session of `who` ("" for the public).
  std::string SessionOf(Who who) {
    switch (who) {
      case Who::kPublic:
        return "";
      case Who::kReferrer:
        return LogIn("hal");
      case Who::kReceiver:
        return LogIn("bea");
      case Who::kOtherPrac:
        return LogIn("ann");
      case Who::kAnalyst:
        return LogIn("ana");
      case Who::kCdop:
        return LogIn("cid");
      case Who::kAdmin:
        return LogIn("ada");
    }
    return "";
  }

  // Runs the whole table as `who`; the failures name the request.
  void Check(Who who) {
    std::string session = SessionOf(who);
    int allowed = 0;
    int refused = 0;
    std::map<std::string, int> seen;  // per marker its role may see: the pages showing it
    for (Endpoint endpoint : Table()) {
      Fill(endpoint.target, "{assessment}", assessment_id_);
      Fill(endpoint.target, "{referral}", referral_id_);
      Fill(endpoint.target, "{service}", kBabyBasicsService);
      Response response = endpoint.method == "GET" ? Get(endpoint.target, session)
                                                   : Post(endpoint.target, session, endpoint.body);
      const std::string what = std::string(Name(who)) + " " + endpoint.method + " " +
                               endpoint.target + " -> " + std::to_string(response.status);
      const std::string& body = response.body ? *response.body : std::string();
      const std::string location = HeaderOf(response, "Location");
      const bool to_login = response.status == 303 && location.rfind("/login", 0) == 0;
      if (endpoint.allowed.count(who)) {
        ++allowed;
        EXPECT_NE(response.status, 403) << what << "\n" << body.substr(0, 400);
        EXPECT_FALSE(to_login) << what;
        EXPECT_NE(response.status, 404) << what;
        EXPECT_LT(response.status, 500) << what << "\n" << body.substr(0, 400);
      } else {
        ++refused;
        if (who == Who::kPublic && endpoint.method == "GET") {
          EXPECT_TRUE(to_login) << what << " (Location: " << location << ")";
        } else {
          EXPECT_EQ(response.status, 403) << what;
        }
      }
      // Hidden from who may not see it; and shown somewhere to who may, or
      // the markers would prove nothing.
      auto expect_hidden = [&](const std::set<Who>& may_see, const std::string& marker,
                               const char* label) {
        const bool shown = body.find(marker) != std::string::npos;
        if (may_see.count(who)) {
          if (endpoint.method == "GET" && endpoint.allowed.count(who)) {
            seen[label] += shown ? 1 : 0;
            seen.try_emplace(label, 0);
          }
          return;
        }
        EXPECT_FALSE(shown) << what << " shows " << label;
      };
      expect_hidden(endpoint.sees_family, family_marker_, "the family's pseudonym");
      expect_hidden(endpoint.sees_reason, kReasonMarker, "the referral's reason");
      expect_hidden(endpoint.sees_records, "SYN-T-", "birth record ids");
      expect_hidden(endpoint.sees_users, kBystander, "another user's name");
      expect_hidden(endpoint.sees_review, kReviewMarker, "a child death review");
      expect_hidden(endpoint.sees_review, kReviewId, "a child death review's id");
    }
    for (const auto& [label, pages] : seen) {
      EXPECT_GT(pages, 0) << Name(who) << " may see " << label << " but no page showed it";
    }
    std::printf("%s: %d endpoints answered, %d refused\n", Name(who), allowed, refused);
    EXPECT_GT(allowed, 0);
  }

  std::string assessment_id_;
  std::string referral_id_;
  std::string family_marker_;
};

TEST_F(RoleMatrixTest, Public) { Check(Who::kPublic); }
TEST_F(RoleMatrixTest, ReferringPractitioner) { Check(Who::kReferrer); }
TEST_F(RoleMatrixTest, ReceivingPractitioner) { Check(Who::kReceiver); }
TEST_F(RoleMatrixTest, PractitionerOfAnotherOrganisation) { Check(Who::kOtherPrac); }
TEST_F(RoleMatrixTest, Analyst) { Check(Who::kAnalyst); }
TEST_F(RoleMatrixTest, CdopMember) { Check(Who::kCdop); }
TEST_F(RoleMatrixTest, Admin) { Check(Who::kAdmin); }

}  // namespace
}  // namespace cradle::web::testing
