// The CDOP register and the action plan through the web app, as their users
// use them: a CDOP member enters a review and reads it back, a refused form
// keeps its answers and stores nothing, the public sees the factors with
// small counts hidden, an officer adds an update to an action, and the plan
// downloads as a workbook.
#include <gtest/gtest.h>

#include "web/records_test_fixture.h"

namespace cradle::web::testing {
namespace {

class CdopPlanRoutesTest : public RoutesTest {};

std::string Body(const Response& response) { return response.body ? *response.body : ""; }

// A complete review as the form posts it.
std::string ReviewForm(const std::string& id) {
  return "review_id=" + id +
         "&birth_id=&date_of_death=2026-02-01&age_at_death_days=45&notified_on=2026-02-02"
         "&cdrm_on=2026-04-01&panel_on=2026-07-01&category_of_death=10&sudden_unexpected=Y"
         "&overseas_ivf=N&outcome=modifiable_factors&relevance_C.SLEEP_ENVIRONMENT=2"
         "&modifiable_C.SLEEP_ENVIRONMENT=Y&relevance_B.SMOKE_HOUSEHOLD=1"
         "&learning_points=" +
         UrlEncode("Sofa sleeping after a night feed.") + "&rec_REC-SAFER-SLEEP=yes";
}

TEST_F(CdopPlanRoutesTest, ACdopMemberEntersAReviewAndReadsItBack) {
  const std::string cid = LogIn("cid");
  Response saved = Post("/cdop/reviews/new", cid, ReviewForm("CDR-W1"));
  ASSERT_EQ(saved.status, 303) << Body(saved);
  EXPECT_EQ(HeaderOf(saved, "Location"), "/cdop/reviews/CDR-W1?saved=1");
  Response page = Get("/cdop/reviews/CDR-W1", cid);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(Body(page).find("Sofa sleeping after a night feed."), std::string::npos);
  EXPECT_NE(Body(page).find("name=\"rec_REC-SAFER-SLEEP\" value=\"yes\" checked"),
            std::string::npos);
  auto store = OpenStore();
  auto review = store->Reviews()->FindReview("CDR-W1");
  ASSERT_TRUE(review.ok() && review->has_value());
  EXPECT_EQ(records::FormatFactors((*review)->factors),
            "B.SMOKE_HOUSEHOLD:1:N;C.SLEEP_ENVIRONMENT:2:Y");
  EXPECT_EQ((*review)->recommendations, std::vector<std::string>{"REC-SAFER-SLEEP"});
  std::vector<store::AuditRow> audit = Audit();
  ASSERT_GE(audit.size(), 2u);
  EXPECT_EQ(audit[audit.size() - 2].action, "create");
  EXPECT_EQ(audit.back().action, "read");
  EXPECT_EQ(audit.back().object_id, "CDR-W1");

  // A change is stored over it; the list shows it.
  std::string changed = ReviewForm("CDR-W1");
  changed.replace(changed.find("category_of_death=10"), 20, "category_of_death=8");
  ASSERT_EQ(Post("/cdop/reviews/CDR-W1", cid, changed).status, 303);
  review = store->Reviews()->FindReview("CDR-W1");
  EXPECT_EQ((*review)->category_of_death, 8);
  EXPECT_NE(Body(Get("/cdop/reviews", cid)).find("8 Perinatal/neonatal event"), std::string::npos);
}

TEST_F(CdopPlanRoutesTest, ARefusedReviewKeepsItsAnswersAndStoresNothing) {
  const std::string cid = LogIn("cid");
  std::string form = ReviewForm("CDR-W2");
  form.replace(form.find("outcome=modifiable_factors"), 26, "outcome=no_modifiable_factors");
  Response refused = Post("/cdop/reviews/new", cid, form);
  EXPECT_EQ(refused.status, 400);
  const std::string body = Body(refused);
  EXPECT_NE(body.find("The review was not saved"), std::string::npos);
  EXPECT_NE(body.find("outcome: is no_modifiable_factors, but a factor is marked modifiable"),
            std::string::npos);
  EXPECT_NE(body.find(HtmlEscaped("Sofa sleeping after a night feed.")), std::string::npos);
  auto store = OpenStore();
  auto held = store->Reviews()->Reviews();
  ASSERT_TRUE(held.ok());
  EXPECT_TRUE(held->empty());
}

TEST_F(CdopPlanRoutesTest, ThePublicSeesTheFactorsWithSmallCountsHidden) {
  auto store = OpenStore();
  std::vector<records::ReviewRecord> reviews;
  for (int idx = 0; idx < 12; ++idx) {
    records::ReviewRecord review;
    review.review_id = "CDR-P" + std::to_string(idx);
    review.date_of_death = *records::Date::Parse("2025-01-10");
    review.notified_on = review.date_of_death;
    review.panel_on = records::Date::Parse("2025-07-01");
    review.category_of_death = 8;
    review.outcome = "modifiable_factors";
    review.factors.push_back({"B.SMOKING_PREG", 2, true});
    if (idx < 2) review.factors.push_back({"D.INTERPRETER", 2, true});
    reviews.push_back(review);
  }
  ASSERT_TRUE(store->Reviews()->PutReviews(reviews).ok());
  const std::string public_page = Body(Get("/cdop/factors"));
  EXPECT_NE(public_page.find("Smoking in pregnancy"), std::string::npos);
  EXPECT_NE(public_page.find("fewer than 5"), std::string::npos);
  EXPECT_EQ(public_page.find("CDR-P"), std::string::npos);
  const std::string cdop_page = Body(Get("/cdop/factors", LogIn("cid")));
  EXPECT_EQ(cdop_page.find("fewer than 5"), std::string::npos);
  EXPECT_NE(cdop_page.find("Timeliness of the review process"), std::string::npos);
  const std::string json = Body(Get("/api/v1/cdop/factors"));
  EXPECT_NE(json.find("\"small_number_rule_min_count\":5"), std::string::npos) << json;
  EXPECT_NE(json.find("\"code\":\"D.INTERPRETER\",\"domain\":\"D\",\"hidden\":true"),
            std::string::npos)
      << json;
}

TEST_F(CdopPlanRoutesTest, OfficersUpdateActionsAndRecommendationsAndTheLogsKeepThem) {
  const std::string ana = LogIn("ana");
  Response refused = Post("/plan/actions/A2", ana, "on=2026-09-21&rag=B&status=in_progress&text=x");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(Body(refused).find("blue means complete"), std::string::npos);
  Response added = Post("/plan/actions/A2", ana,
                        "on=2026-09-21&rag=R&status=in_progress&text=" +
                            UrlEncode("Household referrals fell again."));
  ASSERT_EQ(added.status, 303) << Body(added).substr(0, 500);
  const std::string page = Body(Get("/plan/actions/A2"));
  EXPECT_NE(page.find("Household referrals fell again."), std::string::npos);
  EXPECT_NE(page.find("<span class=\"rag rag-R\">R</span> Red"), std::string::npos);
  EXPECT_EQ(page.find("Add the update"), std::string::npos);  // the public has no form
  auto store = OpenStore();
  auto log = store->Plan()->ActionUpdates("A2");
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].author, "ana");
  EXPECT_EQ(Post("/plan/actions/A2", LogIn("ann"), "rag=G").status, 403);

  // A CDOP member notes progress on a recommendation; an analyst may not.
  EXPECT_EQ(Post("/plan/recommendations/REC-SMOKE-FREE", ana, "status=implemented").status, 403);
  const std::string cid = LogIn("cid");
  Response noted = Post(
      "/plan/recommendations/REC-SMOKE-FREE", cid,
      "on=2026-09-20&status=implemented&text=" + UrlEncode("Opt-out referral live in both units."));
  ASSERT_EQ(noted.status, 303) << Body(noted).substr(0, 500);
  const std::string rec = Body(Get("/plan/recommendations/REC-SMOKE-FREE"));
  EXPECT_NE(rec.find("Opt-out referral live in both units."), std::string::npos);
  EXPECT_NE(rec.find("Status: <strong>implemented</strong>"), std::string::npos);

  Response xlsx = Get("/plan.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(Body(xlsx).substr(0, 2), "PK");
  const std::string overview = Body(Get("/plan"));
  EXPECT_NE(overview.find("Targeting risk and reducing inequalities"), std::string::npos);
  EXPECT_NE(overview.find("Is the needle moving?"), std::string::npos);
}

}  // namespace
}  // namespace cradle::web::testing
