// The scrutiny report on the synthetic Leicester: a golden report (the whole
// HTML, so any change to a figure or a word shows up in review), every
// statement's words checked against the comparison it describes by a checker
// written apart from the generator, and the parts the data cannot give.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "fmt/format.h"
#include "opendata/bundled.h"
#include "plan/bundled_plan.h"
#include "report/builder.h"
#include "report/render.h"
#include "workspace/synthetic_leicester.h"

namespace cradle::report {
namespace {

// One store for every test of this binary (CTest runs each test in its own
// process): filled once, in the build folder, the others waiting on a lock.
workspace::Session& SharedSession() {
  static std::unique_ptr<workspace::Session> session = [] {
    const std::string db = CRADLE_REPORT_TEST_DB;
    int lock = ::open((db + ".lock").c_str(), O_CREAT | O_RDWR, 0644);
    EXPECT_GE(lock, 0);
    ::flock(lock, LOCK_EX);
    workspace::SessionOptions options;
    options.db_path = db;
    options.quiet = true;
    auto opened = workspace::Session::Open(options);
    if (!opened.ok()) {
      ADD_FAILURE() << opened.status().message();
      std::abort();
    }
    auto empty = workspace::HoldsNoBirths((*opened)->store());
    if (empty.ok() && *empty) {
      auto loads = workspace::LoadSyntheticLeicester((*opened)->store(), 1);
      EXPECT_TRUE(loads.ok()) << loads.status().message();
      EXPECT_TRUE((*opened)->Reload().ok());
    }
    EXPECT_TRUE(plan::LoadBundledPlanIfEmpty((*opened)->store(), opendata::DefaultDataDir()).ok());
    ::flock(lock, LOCK_UN);
    ::close(lock);
    return std::move(*opened);
  }();
  return *session;
}

const LoadedInputs& Inputs() {
  static LoadedInputs loaded = [] {
    auto result = LoadReportInputs(SharedSession(), opendata::DefaultDataDir());
    if (!result.ok()) {
      ADD_FAILURE() << result.status().message();
      std::abort();
    }
    return std::move(*result);
  }();
  return loaded;
}

// The report of the golden file: Leicester, 2022-24, on a fixed date.
ReportRequest Leicester2022To24() {
  ReportRequest request;
  request.area = "E06000016";
  request.period = {2022, 3};
  request.today = *records::Date::Parse("2026-01-15");
  return request;
}

Report Build(const ReportRequest& request) {
  auto report = BuildReport(Inputs().For(SharedSession()), request);
  EXPECT_TRUE(report.ok()) << report.status().message();
  return report.ok() ? std::move(*report) : Report{};
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The checker, written apart from statement.cc: what each claim's figures
// support, worked out again here, and whether the sentence says exactly
// that. Returns what is wrong, or "".
std::string Check(const Statement& statement) {
  const std::string& text = statement.text;
  const char* directions[] = {"significantly higher", "significantly lower",
                              "not significantly different"};
  const char* trends[] = {"an increasing trend", "a decreasing trend", "no significant change",
                          "cannot be tested for a trend"};
  for (const Claim& claim : statement.claims) {
    std::string expected;
    std::vector<std::string> contrary;
    switch (claim.kind) {
      case Claim::Kind::kInterval: {
        int index = claim.lower > claim.reference ? 0 : claim.upper < claim.reference ? 1 : 2;
        expected = directions[index];
        for (int i = 0; i < 3; ++i) {
          if (i != index) contrary.push_back(directions[i]);
        }
        // The sentence gives the interval it is judged by.
        std::string interval = fmt::format("{:.{}f} – {:.{}f}", claim.lower, claim.decimals,
                                           claim.upper, claim.decimals);
        if (!Has(text, interval)) return "the interval " + interval + " is not stated: " + text;
        break;
      }
      case Claim::Kind::kTrend: {
        int index = claim.marker == stats::TrendMarker::kIncreasing            ? 0
                    : claim.marker == stats::TrendMarker::kDecreasing          ? 1
                    : claim.marker == stats::TrendMarker::kNoSignificantChange ? 2
                                                                               : 3;
        expected = trends[index];
        for (int i = 0; i < 4; ++i) {
          if (i != index) contrary.push_back(trends[i]);
        }
        break;
      }
      case Claim::Kind::kChance:
        if (claim.p_value < claim.alpha) {
          expected = "statistically significant";
          contrary = {"not statistically significant", "no statistically significant"};
        } else {
          expected = "not statistically significant";
        }
        break;
    }
    if (!Has(text, expected))
      return "says not \"" + expected + "\" (" + claim.subject + "): " + text;
    if (statement.claims.size() == 1) {
      for (const std::string& word : contrary) {
        if (Has(text, word)) return "says \"" + word + "\" (" + claim.subject + "): " + text;
      }
    }
  }
  if (statement.claims.empty()) {
    for (const char* word : {"significantly higher", "significantly lower", "increasing trend",
                             "decreasing trend", "statistically significant"}) {
      if (Has(text, word)) return "claims \"" + std::string(word) + "\" with no figures: " + text;
    }
  }
  return "";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ReportTest, EveryStatementAgreesWithTheComparisonItDescribes) {
  Report report = Build(Leicester2022To24());
  int intervals = 0, higher = 0, trends = 0;
  for (const ReportSection& section : report.sections) {
    if (section.id == "notes") continue;  // the methods name the phrases to define them
    for (const Statement* statement : section.Statements()) {
      EXPECT_EQ(Check(*statement), "") << "section " << section.id;
      for (const Claim& claim : statement->claims) {
        intervals += claim.kind == Claim::Kind::kInterval;
        higher += claim.kind == Claim::Kind::kInterval && claim.lower > claim.reference;
        trends += claim.kind == Claim::Kind::kTrend;
      }
      // A figure with decimals comes with its interval.
      if (std::regex_search(statement->text, std::regex("[0-9]\\.[0-9]"))) {
        EXPECT_TRUE(Has(statement->text, "interval")) << statement->text;
      }
    }
  }
  // Leicester is significantly higher than England, and the report is not
  // vacuous: many comparisons and trends were checked.
  EXPECT_GE(intervals, 5);
  EXPECT_GE(higher, 2);
  EXPECT_GE(trends, 5);
}

TEST(ReportTest, TheCheckerCatchesWordsTheFiguresDoNotSupport) {
  Statement wrong{"Rate 7.2 (95% interval 5.8 – 8.8), significantly higher than England's 6.0.",
                  {IntervalClaim("test", 5.8, 8.8, 6.0, 1)},
                  false};
  EXPECT_NE(Check(wrong), "");
  Statement right{"Rate 7.2 (95% interval 5.8 – 8.8), not significantly different from 6.0.",
                  {IntervalClaim("test", 5.8, 8.8, 6.0, 1)},
                  false};
  EXPECT_EQ(Check(right), "");
  Statement trend{"By year: an increasing trend.",
                  {TrendClaim("test", stats::TrendMarker::kNoSignificantChange)},
                  false};
  EXPECT_NE(Check(trend), "");
  EXPECT_NE(Check(Plain("This is significantly lower than England.")), "");
}

TEST(ReportTest, TheHeadlineClaimIsTheEnginesComparison) {
  Report report = Build(Leicester2022To24());
  const indicators::Engine& engine = SharedSession().engine();
  auto infant = engine.catalogue().Find("infant-mortality");
  ASSERT_TRUE(infant.ok());
  // The bundled ONS tables end at 2020-22: the report says so and uses it.
  indicators::IndicatorValue value = engine.Compute(**infant, "E06000016", {2020, 3});
  ASSERT_TRUE(value.has_value());
  bool found = false;
  for (const Statement* statement : AllStatements(report)) {
    for (const Claim& claim : statement->claims) {
      if (claim.subject.starts_with("Leicester, 2020-22, Infant mortality")) {
        found = true;
        EXPECT_DOUBLE_EQ(claim.lower, value.ci95->ci.lower);
        EXPECT_DOUBLE_EQ(claim.upper, value.ci95->ci.upper);
        EXPECT_DOUBLE_EQ(claim.reference, *value.comparator_value);
        EXPECT_EQ(claim.verdict, Verdict::kHigher);
      }
    }
  }
  EXPECT_TRUE(found);
}

TEST(ReportTest, TheGoldenReport) {
  auto renderer = ReportRenderer::Load(ReportTemplateDir(opendata::DefaultDataDir()));
  ASSERT_TRUE(renderer.ok()) << renderer.status().message();
  const std::string html = (*renderer)->Render(Build(Leicester2022To24()));
  const std::string golden = std::string(CRADLE_TESTDATA_DIR) + "/report/leicester-2022-24.html";
  if (std::getenv("CRADLE_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << html;
    GTEST_SKIP() << "wrote " << golden;
  }
  const std::string expected = ReadFile(golden);
  ASSERT_FALSE(expected.empty()) << "no golden report at " << golden
                                 << "; make it with CRADLE_UPDATE_GOLDEN=1";
  if (html != expected) {
    const std::string actual = std::string(CRADLE_REPORT_TEST_DB) + ".actual.html";
    std::ofstream(actual, std::ios::binary) << html;
    std::istringstream a(html), b(expected);
    std::string line_a, line_b;
    int line = 0;
    while (std::getline(a, line_a) && std::getline(b, line_b) && line_a == line_b) ++line;
    FAIL() << "the report differs from " << golden << " at line " << line + 1
           << ":\n  made:   " << line_a.substr(0, 300) << "\n  golden: " << line_b.substr(0, 300)
           << "\nthe whole report made is at " << actual
           << "; if the change is meant, regenerate with CRADLE_UPDATE_GOLDEN=1";
  }
}

TEST(ReportTest, TheReportHasThePapersSectionsInOrder) {
  Report report = Build(Leicester2022To24());
  std::vector<std::string> ids;
  for (const ReportSection& section : report.sections) ids.push_back(section.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"summary", "context", "factors", "booking",
                                           "recommendations", "plan", "equalities", "notes"}));
  EXPECT_FALSE(report.synthetic_notice.empty());
  EXPECT_FALSE(report.sections[0].Statements().empty());
  // Every licence line the data need.
  for (const char* line :
       {"Source: Office for National Statistics licensed under the Open Government Licence v3.0.",
        "Contains OS data © Crown copyright and database right 2024."}) {
    EXPECT_NE(std::find(report.attributions.begin(), report.attributions.end(), line),
              report.attributions.end())
        << line;
  }
}

TEST(ReportTest, AnAreaWithoutRecordsSaysWhatCannotBeGiven) {
  ReportRequest request = Leicester2022To24();
  request.area = "Nottingham";
  Report report = Build(request);
  ASSERT_EQ(report.area_code, "E06000018");
  bool said = false;
  for (const ReportSection& section : report.sections) {
    for (const Statement* statement : section.Statements()) {
      said = said || Has(statement->text,
                         "Cradle holds no birth, death and booking records for Nottingham");
      if (section.id != "notes") {
        EXPECT_EQ(Check(*statement), "");
      }
    }
  }
  EXPECT_TRUE(said);
}

TEST(ReportTest, BadRequestsAreRefusedWithTheReason) {
  ReportRequest request = Leicester2022To24();
  request.area = "Atlantis";
  auto unknown = BuildReport(Inputs().For(SharedSession()), request);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  request = Leicester2022To24();
  request.period = {2030, 3};
  auto outside = BuildReport(Inputs().For(SharedSession()), request);
  ASSERT_FALSE(outside.ok());
  EXPECT_TRUE(Has(outside.status().message(), "the records hold births from 2015 to 2024"))
      << outside.status().message();
}

TEST(ReportTest, ATemplateThatDoesNotParseIsNamed) {
  const std::string dir =
      (std::filesystem::temp_directory_path() / "cradle-report-template").string();
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/report.mustache") << "<h1>{{#sections}}</h1>";
  std::ofstream(dir + "/report.css") << "body {}";
  auto renderer = ReportRenderer::Load(dir);
  ASSERT_FALSE(renderer.ok());
  EXPECT_TRUE(Has(renderer.status().message(), dir + "/report.mustache"))
      << renderer.status().message();
}

TEST(ReportTest, AnEditedTemplateChangesTheWordsWithoutRecompiling) {
  const std::string dir =
      (std::filesystem::temp_directory_path() / "cradle-report-edited").string();
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/report.mustache")
      << "<h1>{{title}}</h1>{{#sections}}<h2>{{heading}}</h2>{{/sections}}<p>Edited.</p>";
  std::ofstream(dir + "/report.css") << "";
  auto renderer = ReportRenderer::Load(dir);
  ASSERT_TRUE(renderer.ok()) << renderer.status().message();
  const std::string html = (*renderer)->Render(Build(Leicester2022To24()));
  EXPECT_TRUE(Has(html, "<h1>Reducing infant mortality in Leicester</h1>"));
  EXPECT_TRUE(Has(html, "<p>Edited.</p>"));
}

}  // namespace
}  // namespace cradle::report
