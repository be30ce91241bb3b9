#include "records/review_parser.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "base/strings.h"
#include "records/cdop_codes.h"
#include "records/codes.h"
#include "records/field_reader.h"

namespace cradle::records {
namespace {

enum Column : size_t {
  kReviewId,
  kBirthId,
  kDateOfDeath,
  kAgeAtDeath,
  kNotifiedOn,
  kCdrmOn,
  kPanelOn,
  kCategory,
  kSuddenUnexpected,
  kOverseasIvf,
  kOutcome,
  kFactors,
  kLearningPoints,
  kRecommendations
};

// A child death review covers deaths before the 18th birthday.
constexpr int kMaxAgeDays = 18 * 365 + 4;

// Splits on ';', dropping empty items, so a trailing ';' is harmless.
std::vector<std::string> Items(std::string_view text) {
  std::vector<std::string> items;
  for (const std::string& item : Split(text, ';')) {
    std::string_view trimmed = Trim(item);
    if (!trimmed.empty()) items.emplace_back(trimmed);
  }
  return items;
}

// "CODE:relevance:Y|N" items; every bad item is named.
std::optional<std::vector<ReviewFactor>> ParseFactors(FieldReader& f) {
  std::vector<ReviewFactor> factors;
  bool ok = true;
  for (const std::string& item : Items(f.Raw(kFactors))) {
    std::vector<std::string> parts = Split(item, ':');
    if (parts.size() != 3) {
      f.Fail(kFactors, "item " + Shown(item) +
                           " is not CODE:relevance:modifiable, e.g. "
                           "B.SMOKING_PREG:2:Y");
      ok = false;
      continue;
    }
    const ContributoryFactor* known = FindContributoryFactor(parts[0]);
    if (known == nullptr) {
      f.Fail(kFactors, "item " + Shown(item) + ": " + Shown(parts[0]) +
                           " is not a factor code of docs/data-formats.md (e.g. "
                           "B.SMOKING_PREG, D.AGENCY_COMMS)");
      ok = false;
      continue;
    }
    if (parts[1].size() != 1 || parts[1][0] < '0' || parts[1][0] > '0' + kMaxRelevance) {
      f.Fail(kFactors, "item " + Shown(item) + ": relevance " + Shown(parts[1]) +
                           " is not 0, 1 or 2 (0 information not available, 1 none or "
                           "unlikely to have contributed, 2 may have contributed)");
      ok = false;
      continue;
    }
    if (parts[2] != "Y" && parts[2] != "N") {
      f.Fail(kFactors,
             "item " + Shown(item) + ": modifiable " + Shown(parts[2]) + " is not Y or N");
      ok = false;
      continue;
    }
    ReviewFactor factor{parts[0], parts[1][0] - '0', parts[2] == "Y"};
    if (factor.modifiable && factor.relevance != kMaxRelevance) {
      f.Fail(kFactors, "item " + Shown(item) +
                           " is marked modifiable but scored below 2; only a factor that may "
                           "have contributed can be modifiable");
      ok = false;
      continue;
    }
    auto same = [&](const ReviewFactor& other) { return other.code == factor.code; };
    if (std::any_of(factors.begin(), factors.end(), same)) {
      f.Fail(kFactors, "factor " + Shown(parts[0]) + " is given twice");
      ok = false;
      continue;
    }
    factors.push_back(std::move(factor));
  }
  if (!ok) return std::nullopt;
  std::sort(factors.begin(), factors.end(),
            [](const ReviewFactor& a, const ReviewFactor& b) { return a.code < b.code; });
  return factors;
}

std::optional<std::vector<std::string>> ParseRecommendations(FieldReader& f) {
  std::vector<std::string> ids;
  bool ok = true;
  for (const std::string& item : Items(f.Raw(kRecommendations))) {
    const bool valid = item.size() <= 64 && std::all_of(item.begin(), item.end(), [](char c) {
                         return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
                                (c >= 'a' && c <= 'z') || c == '_' || c == '-';
                       });
    if (!valid) {
      f.Fail(kRecommendations,
             "item " + Shown(item) + " is not a recommendation id (letters, digits, '_' and '-')");
      ok = false;
    } else if (std::find(ids.begin(), ids.end(), item) != ids.end()) {
      f.Fail(kRecommendations, "recommendation " + Shown(item) + " is given twice");
      ok = false;
    } else {
      ids.emplace_back(item);
    }
  }
  if (!ok) return std::nullopt;
  return ids;
}

std::optional<Date> OptionalDate(FieldReader& f, size_t column, const Date& today) {
  if (f.Raw(column).empty()) return std::nullopt;
  return f.DateField(column, today);
}

}  // namespace

Result<ReviewParser> ReviewParser::ForHeader(const std::vector<std::string>& header,
                                             const std::string& file) {
  ReviewParser parser;
  CRADLE_ASSIGN_OR_RETURN(parser.index_,
                          MapHeader(ReviewColumns(), header, file, "child death reviews"));
  return parser;
}

std::optional<ReviewRecord> ReviewParser::Parse(int64_t row, const std::vector<std::string>& fields,
                                                const Date& today,
                                                std::vector<FieldError>* errors) const {
  std::vector<std::string_view> views(fields.begin(), fields.end());
  FieldReader f(row, views, index_, ReviewColumns(), errors);
  auto id = f.Id(kReviewId);
  std::optional<std::string> birth_id = std::string();
  if (!f.Raw(kBirthId).empty()) birth_id = f.Id(kBirthId);
  auto death = f.DateField(kDateOfDeath, today);
  auto age = f.Integer(kAgeAtDeath, 0, kMaxAgeDays, " days (a child death review is under 18)");
  auto notified = f.DateField(kNotifiedOn, today);
  auto cdrm = OptionalDate(f, kCdrmOn, today);
  auto panel = OptionalDate(f, kPanelOn, today);
  std::optional<int> category;
  if (!f.Raw(kCategory).empty()) category = f.Integer(kCategory, 1, 10, " (the CDOP categories)");
  auto sudden = f.Flag(kSuddenUnexpected);
  auto overseas = f.Flag(kOverseasIvf);
  std::optional<std::string> outcome = std::string();
  if (!f.Raw(kOutcome).empty()) outcome = f.Code(kOutcome, ReviewOutcomes());
  auto factors = ParseFactors(f);
  auto learning = f.OptionalText(kLearningPoints, 4000);
  auto recommendations = ParseRecommendations(f);
  if (!f.ok()) return std::nullopt;

  // The process runs in order: death, notification, review meeting, panel.
  auto not_before = [&](size_t column, const Date& date, const Date& earlier,
                        std::string_view what) {
    if (date < earlier) {
      f.Fail(column, "'" + date.ToString() + "' is before the " + std::string(what) + " (" +
                         earlier.ToString() + ")");
    }
  };
  not_before(kNotifiedOn, *notified, *death, "date of death");
  if (cdrm) not_before(kCdrmOn, *cdrm, *death, "date of death");
  if (panel)
    not_before(kPanelOn, *panel, cdrm ? *cdrm : *death,
               cdrm ? "child death review meeting" : "date of death");
  if (panel) {
    if (!category) f.Fail(kCategory, "is empty, but the panel has reviewed the death (panel_on)");
    if (outcome->empty()) {
      f.Fail(kOutcome, "is empty, but the panel has reviewed the death (panel_on); give one of " +
                           ListForMessage(ReviewOutcomes()));
    }
  } else {
    if (category) f.Fail(kCategory, "is set, but the panel has not met (panel_on is empty)");
    if (!outcome->empty()) {
      f.Fail(kOutcome, "is set, but the panel has not met (panel_on is empty)");
    }
  }
  const bool any_modifiable = std::any_of(factors->begin(), factors->end(),
                                          [](const ReviewFactor& x) { return x.modifiable; });
  if (*outcome == kModifiableFactors && !any_modifiable) {
    f.Fail(kOutcome, "is modifiable_factors, but no factor is marked modifiable");
  }
  if (*outcome != kModifiableFactors && any_modifiable && !outcome->empty()) {
    f.Fail(kOutcome, "is " + *outcome + ", but a factor is marked modifiable");
  }
  if (!f.ok()) return std::nullopt;

  ReviewRecord review;
  review.review_id = std::move(*id);
  review.birth_id = std::move(*birth_id);
  review.date_of_death = *death;
  review.age_at_death_days = *age;
  review.notified_on = *notified;
  review.cdrm_on = cdrm;
  review.panel_on = panel;
  review.category_of_death = category;
  review.sudden_unexpected = *sudden;
  review.overseas_ivf = *overseas;
  review.outcome = std::move(*outcome);
  review.factors = std::move(*factors);
  review.learning_points = std::move(*learning);
  review.recommendations = std::move(*recommendations);
  return review;
}

}  // namespace cradle::records
