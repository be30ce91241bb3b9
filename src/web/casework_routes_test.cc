// The practitioners' casework pages (casework_routes.h) through
// WebApp::Handle over a real SQLite store: who may open them, recording an
// assessment and seeing its outcome, forms refused with the field named and
// nothing stored, referrals with consent answered by the receiving
// organisation only, CSRF, and the audit of every read.
#include <gtest/gtest.h>

#include <regex>

#include "accounts/pseudonym.h"
#include "web/request_context.h"
#include "web/web_session_fixture.h"

namespace cradle::web::session_testing {
namespace {

constexpr const char* kFamily = "9434765919";  // valid synthetic NHS numbers
constexpr const char* kOtherFamily = "4010232137";
// Baby Basics in data/directory/seed.json, run by kBabyBasics.
constexpr const char* kBabyBasicsService = "b1e49d51-2048-5b75-8875-ce58be3133ee";

// Adult bed, planned bed-sharing with a mother who smokes, no safe sleep
// space of the baby's own: high (a "never" combination).
constexpr const char* kHighRiskAnswers =
    "&a.sleep_place_night=adult_bed&a.bed_sharing=planned&a.has_safe_sleep_space=no"
    "&a.smoker_mother=yes&a.birth_weight=3100&a.gestation_at_birth.weeks=39"
    "&a.gestation_at_birth.days=2";

bool Has(const Response& response, const std::string& text) {
  return response.body->find(text) != std::string::npos;
}

class CaseworkRoutesTest : public WebSessionTest {
 protected:
  // The assessment form posted as `session`; `answers` starts with '&'.
  Response PostAssessment(const std::string& session, const std::string& nhs_number,
                          const std::string& answers) {
    return Post("/assessments/new", session,
                "csrf=" + CsrfOf(session) + "&rules_version=1&touchpoint=new_birth_visit" +
                    "&nhs_number=" + Encode(nhs_number) + answers);
  }
  // Records the high-risk assessment as hana; its id.
  std::string RecordHighRisk() {
    std::string hana = LogIn("hana");
    Response response = PostAssessment(hana, kFamily, kHighRiskAnswers);
    EXPECT_EQ(response.status, 303) << *response.body;
    std::string location = HeaderOf(response, "Location");
    EXPECT_EQ(location.rfind("/assessments/", 0), 0u) << location;
    return location.substr(std::string("/assessments/").size());
  }
  Response PostReferral(const std::string& session, const std::string& fields) {
    return Post("/referrals/new", session, "csrf=" + CsrfOf(session) + fields);
  }
  // hana refers kFamily to Baby Basics with verbal consent; the referral's id.
  std::string Refer(const std::string& assessment = "") {
    std::string hana = LogIn("hana");
    Response response = PostReferral(
        hana, "&nhs_number=" + std::string(kFamily) + "&service=" + kBabyBasicsService +
                  "&reason=No+safe+sleep+space" + "&consent=yes&consent_how=verbal" +
                  (assessment.empty() ? "" : "&assessment=" + assessment));
    EXPECT_EQ(response.status, 303) << *response.body;
    std::string location = HeaderOf(response, "Location");
    EXPECT_EQ(location.rfind("/referrals/", 0), 0u) << location;
    return location.substr(std::string("/referrals/").size());
  }
  // The first 8 hex digits of kFamily's pseudonym, as the pages show it.
  std::string ShortPseudonym() {
    auto pseudonymiser =
        accounts::Pseudonymiser::FromKeyFile((dir_ / "keys" / "pseudonym.key").string());
    EXPECT_TRUE(pseudonymiser.ok());
    auto pseudonym = pseudonymiser->Pseudonym(kFamily);
    EXPECT_TRUE(pseudonym.ok());
    return pseudonym->substr(0, 8);
  }
  int CountAudit(const std::string& action, const std::string& object_type) {
    int count = 0;
    for (const auto& row : Audit()) count += row.action == action && row.object_type == object_type;
    return count;
  }
};

TEST_F(CaseworkRoutesTest, ThePublicIsSentToLogInAndItsPostsAreRefused) {
  for (std::string target :
       {"/assessments", "/assessments/new?touchpoint=booking", "/assessments/1", "/referrals",
        "/referrals/new", "/referrals/1", "/referrals/timing"}) {
    Response response = Get(target);
    EXPECT_EQ(response.status, 303) << target;
    EXPECT_EQ(HeaderOf(response, "Location").rfind("/login?next=/", 0), 0u) << target;
  }
  for (std::string target : {"/assessments/new", "/referrals/new", "/referrals/1/status"}) {
    Response response = Send("POST", target, "nhs_number=" + std::string(kFamily));
    EXPECT_EQ(response.status, 403) << target;
  }
  EXPECT_EQ(CountAssessments(), 0);
  EXPECT_EQ(CountReferrals(), 0);
}

TEST_F(CaseworkRoutesTest, OtherRolesAreRefusedWithNoRecordInTheAnswer) {
  std::string assessment = RecordHighRisk();
  std::string referral = Refer(assessment);
  std::string family = ShortPseudonym();
  for (std::string user : {"ada", "ali", "cody"}) {
    std::string session = LogIn(user);
    std::string csrf = CsrfOf(session);
    for (Response response :
         {Get("/assessments", session), Get("/assessments/" + assessment, session),
          Get("/assessments/new?touchpoint=booking", session), Get("/referrals", session),
          Get("/referrals/" + referral, session), Get("/referrals/new", session),
          Post("/assessments/new", session,
               "csrf=" + csrf + "&rules_version=1&touchpoint=booking&nhs_number=" + kFamily +
                   kHighRiskAnswers),
          Post("/referrals/" + referral + "/status", session, "csrf=" + csrf + "&to=accepted")}) {
      EXPECT_EQ(response.status, 403) << user;
      EXPECT_TRUE(Has(response, kForbiddenPage)) << user;
      EXPECT_FALSE(Has(response, family)) << user;
      EXPECT_FALSE(Has(response, "bed")) << user;
      EXPECT_FALSE(Has(response, "Baby Basics")) << user;
      EXPECT_FALSE(Has(response, "No safe sleep space")) << user;
    }
  }
  EXPECT_EQ(CountAssessments(), 1);
  // The aggregate is for those who plan services too, but not for CDOP.
  EXPECT_EQ(Get("/referrals/timing", LogIn("ali")).status, 200);
  EXPECT_EQ(Get("/referrals/timing", LogIn("ada")).status, 200);
  EXPECT_EQ(Get("/referrals/timing", LogIn("cody")).status, 403);
}

TEST_F(CaseworkRoutesTest, APractitionerRecordsAnAssessmentAndSeesItsOutcome) {
  std::string hana = LogIn("hana");
  Response picker = Get("/assessments/new", hana);
  ASSERT_EQ(picker.status, 200);
  EXPECT_TRUE(Has(picker, "name=\"touchpoint\" value=\"new_birth_visit\""));
  Response form = Get("/assessments/new?touchpoint=new_birth_visit", hana);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form, "<legend>Sleep place</legend>"));
  EXPECT_TRUE(Has(form, "name=\"nhs_number\""));
  EXPECT_TRUE(Has(form, "name=\"csrf\" value=\"" + CsrfOf(hana) + "\""));
  EXPECT_TRUE(Has(form, "name=\"a.birth_weight\""));
  EXPECT_FALSE(Has(form, "style=")) << "the CSP allows no inline style";

  Response saved = PostAssessment(hana, "943 476 5919", kHighRiskAnswers);
  ASSERT_EQ(saved.status, 303) << *saved.body;
  std::string location = HeaderOf(saved, "Location");
  Response outcome = Get(location, hana);
  ASSERT_EQ(outcome.status, 200);
  EXPECT_TRUE(Has(outcome, "<strong>High</strong> level of risk"));
  EXPECT_TRUE(Has(outcome, "The baby shares a bed and a parent smokes"));
  EXPECT_TRUE(Has(outcome, "Does the mother smoke? <strong>yes</strong>"));
  std::string id = location.substr(std::string("/assessments/").size());
  EXPECT_TRUE(
      Has(outcome, "/referrals/new?assessment=" + id + "&amp;service=" + kBabyBasicsService));
  EXPECT_TRUE(Has(outcome, "/assessments/new?follows=" + id));
  EXPECT_FALSE(Has(outcome, "9434765919"));

  // A reassessment of the same family follows it; another family's may not.
  Response reassessed =
      PostAssessment(hana, kFamily,
                     "&a.sleep_place_night=own_space_parents_room&a.bed_sharing=never"
                     "&a.has_safe_sleep_space=yes&follows=" +
                         id);
  ASSERT_EQ(reassessed.status, 303) << *reassessed.body;
  Response second = Get(HeaderOf(reassessed, "Location"), hana);
  EXPECT_TRUE(Has(second, "<strong>Universal</strong> level of risk"));
  EXPECT_TRUE(Has(second, "<a href=\"/assessments/" + id + "\">assessment " + id + "</a>"));
  Response other_family =
      PostAssessment(hana, kOtherFamily,
                     "&a.sleep_place_night=own_space_parents_room&a.bed_sharing=never"
                     "&a.has_safe_sleep_space=yes&follows=" +
                         id);
  EXPECT_EQ(other_family.status, 400);
  EXPECT_TRUE(Has(other_family, "is of another family"));
  EXPECT_EQ(CountAssessments(), 2);

  Response list = Get("/assessments", hana);
  EXPECT_TRUE(Has(list, "href=\"/assessments/" + id + "\""));
  EXPECT_TRUE(Has(list, ShortPseudonym()));
  EXPECT_TRUE(Has(list, "New birth visit"));
}

TEST_F(CaseworkRoutesTest, AnotherOrganisationCannotSeeAnAssessment) {
  std::string id = RecordHighRisk();
  for (std::string user : {"finn", "bea"}) {
    std::string session = LogIn(user);
    Response response = Get("/assessments/" + id, session);
    EXPECT_EQ(response.status, 403) << user;
    EXPECT_FALSE(Has(response, "bed")) << user;
    EXPECT_FALSE(Has(response, ShortPseudonym())) << user;
    Response list = Get("/assessments", session);
    EXPECT_EQ(list.status, 200);
    EXPECT_FALSE(Has(list, "/assessments/" + id + "\"")) << user;
    // Nor can they hang a reassessment or a referral on it.
    Response reassess =
        PostAssessment(session, kFamily, kHighRiskAnswers + std::string("&follows=") + id);
    EXPECT_EQ(reassess.status, 403) << user;
  }
  EXPECT_EQ(Get("/assessments/999", LogIn("hana")).status, 404);
  EXPECT_EQ(CountAssessments(), 1);
}

TEST_F(CaseworkRoutesTest, ABadFormComesBackWithTheFieldsNamedAndStoresNothing) {
  std::string hana = LogIn("hana");
  int64_t before = CountAssessments();
  Response refused = PostAssessment(
      hana, "943 476 5918",
      "&a.sleep_place_night=sofa_armchair&a.has_safe_sleep_space=yes&a.birth_weight=12000");
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(Has(refused, "The assessment was not saved"));
  EXPECT_TRUE(Has(refused, "NHS number: the NHS number") && Has(refused, "check digit is wrong"))
      << *refused.body;
  EXPECT_TRUE(Has(refused,
                  "\u201CDoes the baby ever share a bed with an adult?\u201D: an answer "
                  "is needed."));
  // The answers come back as given, the NHS number too (the page is no-store).
  EXPECT_TRUE(Has(refused, "value=\"sofa_armchair\" selected"));
  EXPECT_TRUE(Has(refused, "value=\"12000\""));
  EXPECT_TRUE(Has(refused, "value=\"943 476 5918\""));
  EXPECT_EQ(HeaderOf(refused, "Cache-Control"), "no-store");
  // Once those are right, the range of birth weight is the item bank's to refuse.
  Response range = PostAssessment(
      hana, kFamily,
      "&a.sleep_place_night=sofa_armchair&a.bed_sharing=never&a.has_safe_sleep_space=yes"
      "&a.birth_weight=12000");
  EXPECT_EQ(range.status, 400);
  EXPECT_TRUE(Has(range, "\u201CBirth weight\u201D: 12,000 g is outside the range")) << *range.body;
  EXPECT_TRUE(Has(range, "href=\"#item-birth_weight\""));
  Response not_a_number = PostAssessment(
      hana, kFamily,
      "&a.sleep_place_night=sofa_armchair&a.bed_sharing=never&a.has_safe_sleep_space=yes"
      "&a.birth_weight=heavy&a.invented=yes");
  EXPECT_EQ(not_a_number.status, 400);
  EXPECT_TRUE(Has(not_a_number, "is not a number (g)"));
  EXPECT_TRUE(Has(not_a_number, "not a question of safer-sleep rules version 1"));
  EXPECT_EQ(CountAssessments(), before);
}

TEST_F(CaseworkRoutesTest, AReferralIsRefusedWithoutConsentOrForAnotherFamily) {
  std::string assessment = RecordHighRisk();
  std::string hana = LogIn("hana");
  Response form =
      Get("/referrals/new?assessment=" + assessment + "&service=" + kBabyBasicsService, hana);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form, "value=\"" + std::string(kBabyBasicsService) + "\" selected"));
  EXPECT_TRUE(Has(form, "name=\"consent\""));
  std::string fields = "&nhs_number=" + std::string(kFamily) + "&service=" + kBabyBasicsService +
                       "&reason=No+safe+sleep+space&assessment=" + assessment;
  Response no_consent = PostReferral(hana, fields);
  EXPECT_EQ(no_consent.status, 400);
  EXPECT_TRUE(Has(no_consent, "A referral needs the family") &&
              Has(no_consent, "consent: ask them"))
      << *no_consent.body;
  EXPECT_TRUE(Has(no_consent, "No safe sleep space</textarea>"));
  Response no_how = PostReferral(hana, fields + "&consent=yes");
  EXPECT_EQ(no_how.status, 400);
  EXPECT_TRUE(Has(no_how, "Consent: say how the family gave it (verbal or written)."));
  Response other_family = PostReferral(
      hana, "&nhs_number=" + std::string(kOtherFamily) + "&service=" + kBabyBasicsService +
                "&reason=x&consent=yes&consent_how=written&assessment=" + assessment);
  EXPECT_EQ(other_family.status, 400);
  EXPECT_TRUE(Has(other_family, "is of another family than the one referred"));
  EXPECT_EQ(CountReferrals(), 0);
}

TEST_F(CaseworkRoutesTest, TheReceiverAcceptsAndCompletesAndTheSenderCannotMoveIt) {
  std::string id = Refer(RecordHighRisk());
  std::string hana = LogIn("hana");
  Response sent = Get("/referrals/" + id, hana);
  ASSERT_EQ(sent.status, 200);
  EXPECT_TRUE(Has(sent, "Status: <strong>Sent</strong>"));
  EXPECT_FALSE(Has(sent, "name=\"to\""));
  EXPECT_TRUE(Has(Get("/referrals", hana), "href=\"/referrals/" + id + "\""));
  Response by_sender =
      Post("/referrals/" + id + "/status", hana, "csrf=" + CsrfOf(hana) + "&to=accepted");
  EXPECT_EQ(by_sender.status, 403);
  EXPECT_TRUE(Has(by_sender, "Only Baby Basics Leicester, which received referral " + id +
                                 ", can mark it accepted."));
  EXPECT_EQ(Get("/referrals/" + id, LogIn("finn")).status, 403);

  std::string bea = LogIn("bea");
  std::string csrf = CsrfOf(bea);
  Response received = Get("/referrals", bea);
  EXPECT_TRUE(Has(received, "Received by Baby Basics Leicester"));
  EXPECT_TRUE(Has(received, "Referral " + id));
  Response detail = Get("/referrals/" + id, bea);
  EXPECT_TRUE(Has(detail, "value=\"accepted\""));
  EXPECT_TRUE(Has(detail, "value=\"declined\""));
  EXPECT_TRUE(Has(detail, "value=\"not_contactable\""));
  EXPECT_FALSE(Has(detail, "value=\"completed\"")) << "only allowed moves are offered";
  // The receiver has no link to the referrer's assessment.
  EXPECT_FALSE(Has(detail, "href=\"/assessments/"));
  Response skipped = Post("/referrals/" + id + "/status", bea, "csrf=" + csrf + "&to=completed");
  EXPECT_EQ(skipped.status, 400);
  EXPECT_TRUE(Has(skipped, "Referral " + id + ": a sent referral cannot become completed"))
      << *skipped.body;
  Response accepted = Post("/referrals/" + id + "/status", bea,
                           "csrf=" + csrf + "&to=accepted&note=Cot+to+deliver+Tuesday");
  ASSERT_EQ(accepted.status, 303) << *accepted.body;
  EXPECT_TRUE(Has(Get(HeaderOf(accepted, "Location"), bea), "Marked accepted."));
  clock_.Advance(3 * 86'400);
  bea = LogIn("bea");  // the last session ended while idle
  csrf = CsrfOf(bea);
  hana = LogIn("hana");
  ASSERT_EQ(Post("/referrals/" + id + "/status", bea, "csrf=" + csrf + "&to=completed").status,
            303);
  Response done = Get("/referrals/" + id, hana);
  EXPECT_TRUE(Has(done, "Status: <strong>Completed</strong>"));
  EXPECT_TRUE(Has(done, "Cot to deliver Tuesday"));
  EXPECT_EQ(
      std::regex_search(*done.body, std::regex("<td>Completed</td><td>[^<]+</td><td>bea</td>")),
      true);
  Response again = Post("/referrals/" + id + "/status", bea, "csrf=" + csrf + "&to=declined");
  EXPECT_EQ(again.status, 400);
  EXPECT_TRUE(Has(again, "nothing follows completed"));

  // One completed referral: a count of 1 is hidden, and the days with it.
  Response timing = Get("/referrals/timing", LogIn("ali"));
  ASSERT_EQ(timing.status, 200);
  EXPECT_TRUE(Has(timing,
                  "<th scope=\"row\">Baby Basics: a safe sleep space for every baby "
                  "referred</th><td>Baby Basics Leicester</td><td class=\"num\">hidden"))
      << *timing.body;
  EXPECT_FALSE(Has(timing, "3.0"));
}

TEST_F(CaseworkRoutesTest, TimingsShowFiguresOnceCountsAreLargeEnough) {
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(Refer());
  std::string bea;
  std::string csrf;
  for (size_t i = 0; i < ids.size(); ++i) {
    clock_.Advance(86'400);  // accepted a day apart; sessions end while idle
    bea = LogIn("bea");
    csrf = CsrfOf(bea);
    ASSERT_EQ(Post("/referrals/" + ids[i] + "/status", bea, "csrf=" + csrf + "&to=accepted").status,
              303);
  }
  for (const std::string& id : ids) {
    ASSERT_EQ(Post("/referrals/" + id + "/status", bea, "csrf=" + csrf + "&to=completed").status,
              303);
  }
  // All five sent at the same time and completed together, 5 days later.
  Response timing = Get("/referrals/timing", bea);
  ASSERT_EQ(timing.status, 200);
  EXPECT_TRUE(Has(timing, "<td class=\"num\">5</td><td class=\"num\">5</td>")) << *timing.body;
  EXPECT_TRUE(Has(timing,
                  "<td class=\"num\">5.0</td><td class=\"num\">5.0</td><td "
                  "class=\"num\">100%</td>"))
      << *timing.body;
}

TEST_F(CaseworkRoutesTest, APostWithoutTheCsrfTokenIsRefused) {
  std::string hana = LogIn("hana");
  std::string body =
      "rules_version=1&touchpoint=new_birth_visit&nhs_number=" + std::string(kFamily) +
      kHighRiskAnswers;
  EXPECT_EQ(Post("/assessments/new", hana, body).status, 403);
  EXPECT_EQ(Post("/assessments/new", hana, "csrf=" + std::string(64, '0') + "&" + body).status,
            403);
  EXPECT_EQ(Post("/referrals/new", hana,
                 "nhs_number=" + std::string(kFamily) + "&service=" + kBabyBasicsService +
                     "&reason=x&consent=yes&consent_how=verbal")
                .status,
            403);
  EXPECT_EQ(CountAssessments(), 0);
  EXPECT_EQ(CountReferrals(), 0);
}

TEST_F(CaseworkRoutesTest, EveryReadIsAudited) {
  std::string id = RecordHighRisk();
  std::string referral = Refer(id);
  std::string hana = LogIn("hana");
  int assessment_reads = CountAudit("read", "safer_sleep_assessment");
  int referral_reads = CountAudit("read", "referral");
  EXPECT_EQ(CountAudit("create", "safer_sleep_assessment"), 1);
  EXPECT_EQ(CountAudit("create", "referral"), 1);
  ASSERT_EQ(Get("/assessments/" + id, hana).status, 200);
  ASSERT_EQ(Get("/assessments", hana).status, 200);
  EXPECT_EQ(CountAudit("read", "safer_sleep_assessment"), assessment_reads + 2);
  ASSERT_EQ(Get("/referrals/" + referral, hana).status, 200);
  ASSERT_EQ(Get("/referrals", hana).status, 200);  // sent and received: two lists
  EXPECT_EQ(CountAudit("read", "referral"), referral_reads + 3);
  bool from_hana = false;
  for (const auto& row : Audit()) {
    from_hana |= row.user == "hana" && row.object_id == id && row.source == kClientAddress;
    EXPECT_EQ(row.detail.find(kFamily), std::string::npos);
    EXPECT_EQ(row.detail.find(ShortPseudonym()), std::string::npos);
  }
  EXPECT_TRUE(from_hana);
}

}  // namespace
}  // namespace cradle::web::session_testing
