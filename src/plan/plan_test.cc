// The plan in a real store: loaded once, updates appended (never edited)
// with their audit entries, each update the action's current RAG and status,
// the steering-group view's counts, and the measures from what the store
// holds.
#include <gtest/gtest.h>

#include <fstream>

#include "accounts/testing.h"
#include "audit/logged_store_test.h"
#include "imports/review_import.h"
#include "plan/plan_file.h"
#include "plan/progress.h"
#include "plan/steering_view.h"
#include "store/sqlite.h"

namespace cradle::plan {
namespace {

using accounts::testing::UserWith;

class PlanTest : public audit::LoggedStoreTest {
 protected:
  PlanTest() : LoggedStoreTest("cradle_plan_") {}
  void SetUp() override {
    LoggedStoreTest::SetUp();
    if (HasFatalFailure()) return;
    auto plan = ReadPlanFile(BundledPlanPath(CRADLE_DATA_DIR));
    ASSERT_TRUE(plan.ok()) << plan.status().message();
    ASSERT_TRUE(store_->Plan()->LoadPlan(*plan).ok());
  }
  records::Date Today() const {
    return records::Date::FromDays(static_cast<int>(kClockStart / 86400));
  }
};

TEST_F(PlanTest, APlanIsLoadedOnceAndReadBackWhole) {
  auto again = ReadPlanFile(BundledPlanPath(CRADLE_DATA_DIR));
  ASSERT_TRUE(again.ok());
  Status second = store_->Plan()->LoadPlan(*again);
  EXPECT_EQ(second.message(), "the store already holds an action plan");
  auto plan = store_->Plan()->ReadPlan();
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_EQ(plan->themes.size(), again->themes.size());
  EXPECT_EQ(plan->actions.size(), again->actions.size());
  EXPECT_EQ(plan->actions[0].recommendations, again->actions[0].recommendations);
  EXPECT_EQ(plan->actions[0].due, again->actions[0].due);
  EXPECT_EQ(plan->working_groups[0].members, again->working_groups[0].members);
  EXPECT_EQ(plan->logic_model[0].contributes_to, again->logic_model[0].contributes_to);
  EXPECT_EQ(plan->recommendations[2].measures, again->recommendations[2].measures);
}

TEST_F(PlanTest, AnUpdateIsAppendedAuditedAndBecomesTheActionsRag) {
  Progress progress(*store_, *log_);
  const accounts::User analyst = UserWith("ana", accounts::Role::kAnalyst);
  auto update = progress.UpdateAction(analyst, "10.0.0.1",
                                      {"A2", Today(), "R", "in_progress", "Uptake fell again."});
  ASSERT_TRUE(update.ok()) << update.status().message();
  auto plan = store_->Plan()->ReadPlan();
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->actions[1].rag, "R");
  EXPECT_EQ(plan->actions[1].rag_reason, "Uptake fell again.");
  auto log = store_->Plan()->ActionUpdates("A2");
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].author, "ana");

  auto audit = store_->Audit()->Last(1);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->back().object_type, "plan_action");
  EXPECT_EQ(audit->back().object_id, "A2");

  // The log is append-only, whatever writes to the database.
  auto db = store::Database::Open((dir_ / "cradle.db").string());
  ASSERT_TRUE(db.ok());
  Status edit = (*db)->Exec("UPDATE plan_action_update SET text = 'edited'");
  EXPECT_NE(edit.message().find("append-only"), std::string::npos) << edit.message();
  Status erase = (*db)->Exec("DELETE FROM plan_action_update");
  EXPECT_NE(erase.message().find("append-only"), std::string::npos) << erase.message();
}

TEST_F(PlanTest, UpdatesAreCheckedAndOnlyTheOfficersMayMakeThem) {
  Progress progress(*store_, *log_);
  const accounts::User analyst = UserWith("ana", accounts::Role::kAnalyst);
  auto refused = [&](const accounts::User& user, ActionUpdateRequest request) {
    auto result = progress.UpdateAction(user, "cli", request);
    return result.ok() ? std::string("accepted") : result.status().message();
  };
  const ActionUpdateRequest good{"A1", Today(), "G", "in_progress", "On track."};
  EXPECT_NE(refused(UserWith("ann", accounts::Role::kPractitioner), good).find("only analysts"),
            std::string::npos);
  ActionUpdateRequest blue = good;
  blue.rag = "B";
  EXPECT_NE(refused(analyst, blue).find("blue means complete"), std::string::npos);
  ActionUpdateRequest empty = good;
  empty.text = "  ";
  EXPECT_NE(refused(analyst, empty).find("write what has happened"), std::string::npos);
  ActionUpdateRequest future = good;
  future.on = Today() + 1;
  EXPECT_NE(refused(analyst, future).find("is after today"), std::string::npos);
  ActionUpdateRequest unknown = good;
  unknown.action_id = "A99";
  EXPECT_EQ(refused(analyst, unknown), "there is no action 'A99'");
  auto notes = progress.NoteRecommendation(analyst, "cli",
                                           {"REC-SMOKE-FREE", Today(), "implemented", "Done."});
  EXPECT_FALSE(notes.ok());
  auto cdop = progress.NoteRecommendation(UserWith("cid", accounts::Role::kCdopMember), "cli",
                                          {"REC-SMOKE-FREE", Today(), "implemented", "Done."});
  ASSERT_TRUE(cdop.ok()) << cdop.status().message();
  auto log = store_->Plan()->ActionUpdates("");
  ASSERT_TRUE(log.ok());
  EXPECT_TRUE(log->empty());  // nothing refused was stored
}

TEST_F(PlanTest, TheSteeringViewCountsEachThemesActions) {
  auto view = BuildSteeringView(*store_, Today(), 1);
  ASSERT_TRUE(view.ok()) << view.status().message();
  ASSERT_EQ(view->themes.size(), 4u);
  int actions = 0;
  for (const ThemeView& theme : view->themes) {
    const StatusCounts& c = theme.counts;
    EXPECT_EQ(c.red + c.amber + c.green + c.blue, static_cast<int>(theme.actions.size()));
    EXPECT_EQ(c.not_started + c.in_progress + c.complete + c.closed,
              static_cast<int>(theme.actions.size()));
    actions += static_cast<int>(theme.actions.size());
  }
  EXPECT_EQ(actions, 12);
  EXPECT_EQ(view->counts.blue, 1);
  EXPECT_EQ(view->counts.red, 2);
  // The smoking recommendation is cited by A1, A2 and A9.
  EXPECT_EQ(view->recommendations[2].action_ids, (std::vector<std::string>{"A1", "A2", "A9"}));
  // No records yet: the measures say so rather than invent a trend.
  EXPECT_EQ(view->measures.at("smoking-at-delivery").needle, "Not enough data");
  EXPECT_EQ(view->measures.at("breastfeeding-6-8-weeks").needle, "No data in Cradle yet");
}

TEST_F(PlanTest, ReviewMeasuresComeFromTheRegister) {
  std::string csv =
      "review_id,birth_id,date_of_death,age_at_death_days,notified_on,cdrm_on,panel_on,"
      "category_of_death,sudden_unexpected,overseas_ivf,outcome,factors,learning_points,"
      "recommendations\n";
  for (int idx = 0; idx < 10; ++idx) {
    const bool smoking = idx < 3;
    csv += "R" + std::to_string(idx) + ",,2024-01-10,20,2024-01-11,2024-03-01,2024-06-01,8,N,N," +
           (smoking ? "modifiable_factors,B.SMOKING_PREG:2:Y" : "no_modifiable_factors,") + ",,\n";
  }
  auto path = dir_ / "reviews.csv";
  std::ofstream(path) << csv;
  auto imported = imports::ImportReviews(*store_, path.string(), Today());
  ASSERT_TRUE(imported.ok()) << imported.status().message();
  auto measures = ComputeMeasures(*store_, 1);
  ASSERT_TRUE(measures.ok());
  const MeasureSeries* smoking = nullptr;
  for (const MeasureSeries& series : *measures) {
    if (series.definition->id == "reviews-smoking-factor") smoking = &series;
  }
  ASSERT_NE(smoking, nullptr);
  ASSERT_EQ(smoking->points.size(), 1u);
  EXPECT_EQ(smoking->points[0].period, "2024/25");
  EXPECT_EQ(smoking->points[0].count, 3);
  EXPECT_EQ(smoking->points[0].denominator, 10);
  ASSERT_TRUE(smoking->points[0].value.has_value());
  EXPECT_NEAR(smoking->points[0].value->value, 30.0, 1e-9);
  EXPECT_FALSE(smoking->points[0].hidden);

  // Under the public small-number rule the 3 (and so the 30%) are not shown;
  // the denominator is.
  auto published = ComputeMeasures(*store_, 5);
  ASSERT_TRUE(published.ok());
  for (const MeasureSeries& series : *published) {
    if (series.definition->id != "reviews-smoking-factor") continue;
    ASSERT_EQ(series.points.size(), 1u);
    EXPECT_TRUE(series.points[0].hidden);
    EXPECT_EQ(series.points[0].count, 0);
    EXPECT_FALSE(series.points[0].value.has_value());
    EXPECT_EQ(series.points[0].denominator, 10);
  }
}

}  // namespace
}  // namespace cradle::plan
