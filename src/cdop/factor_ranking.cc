#include "cdop/factor_ranking.h"

#include <algorithm>
#include <map>

#include "base/disclosure.h"
#include "base/strings.h"
#include "records/cdop_codes.h"
#include "records/codes.h"
#include "records/record_types.h"
#include "stats/proportion.h"

namespace cradle::cdop {
namespace {

using records::ReviewRecord;

constexpr std::string_view kSuddenFlag = "FLAG.SUDDEN_UNEXPECTED";
constexpr std::string_view kOverseasFlag = "FLAG.OVERSEAS_IVF";

std::optional<stats::Estimate> Percent(int64_t with, int64_t of, double confidence) {
  if (of <= 0) return std::nullopt;
  auto estimate =
      stats::WilsonProportion(static_cast<double>(with), static_cast<double>(of), 100, confidence);
  if (!estimate.ok()) return std::nullopt;
  return *estimate;
}

// Counts in one group of completed reviews.
struct Tally {
  int64_t reviews = 0;
  int64_t with_modifiable = 0;
  std::map<std::string, int64_t> factors;  // modifiable factor code -> reviews
  int64_t sudden = 0, overseas = 0;

  void Add(const ReviewRecord& review) {
    ++reviews;
    with_modifiable += review.outcome == records::kModifiableFactors;
    for (const records::ReviewFactor& factor : review.factors) {
      if (factor.modifiable) ++factors[factor.code];
    }
    sudden += review.sudden_unexpected == 'Y';
    overseas += review.overseas_ivf == 'Y';
  }
};

// Ranks by count (competition ranking: ties share a rank), then by code.
// Hidden counts come last, by code and unranked: their order would say which
// small count is larger.
void Rank(std::vector<FactorShare>& shares) {
  std::sort(shares.begin(), shares.end(), [](const FactorShare& a, const FactorShare& b) {
    if (a.hidden != b.hidden) return b.hidden;
    if (!a.hidden && a.reviews_with != b.reviews_with) return a.reviews_with > b.reviews_with;
    return a.code < b.code;
  });
  for (size_t idx = 0; idx < shares.size() && !shares[idx].hidden; ++idx) {
    shares[idx].rank = idx > 0 && shares[idx].reviews_with == shares[idx - 1].reviews_with
                           ? shares[idx - 1].rank
                           : static_cast<int>(idx) + 1;
  }
}

FactorShare Share(std::string_view code, std::string_view name, char domain, int64_t with,
                  int64_t of, const RankingOptions& options) {
  FactorShare share;
  share.code = code;
  share.name = name;
  share.domain = domain;
  share.reviews_with = with;
  share.hidden = IsSmallCount(with, options.min_count);
  if (!share.hidden) share.percent = Percent(with, of, options.confidence);
  return share;
}

FactorGroup MakeGroup(std::string label, const Tally& tally, const RankingOptions& options) {
  FactorGroup group;
  group.label = std::move(label);
  group.reviews = tally.reviews;
  group.reviews_hidden = IsSmallCount(tally.reviews, options.min_count);
  group.with_modifiable = tally.with_modifiable;
  if (!group.reviews_hidden && !IsSmallCount(tally.with_modifiable, options.min_count)) {
    group.modifiable_percent = Percent(tally.with_modifiable, tally.reviews, options.confidence);
  }
  for (const auto& [code, count] : tally.factors) {
    const records::ContributoryFactor* factor = records::FindContributoryFactor(code);
    FactorShare share = Share(code, factor ? factor->name : code, factor ? factor->domain_2018 : 0,
                              count, tally.reviews, options);
    // A share of a hidden number of reviews would give that number away.
    if (group.reviews_hidden) share.percent.reset();
    group.factors.push_back(std::move(share));
  }
  Rank(group.factors);
  group.flags.push_back(
      Share(kSuddenFlag, "Sudden and unexpected death", 0, tally.sudden, tally.reviews, options));
  group.flags.push_back(Share(kOverseasFlag, "Assisted conception overseas", 0, tally.overseas,
                              tally.reviews, options));
  for (FactorShare& flag : group.flags) {
    if (group.reviews_hidden) flag.percent.reset();
  }
  return group;
}

// The categories shown under the rule: largest first, a category shown on
// its own only while the rest, pooled, stays empty or at least min_count.
std::vector<std::pair<std::string, std::vector<int>>> CategoryGroups(
    const std::map<int, int64_t>& reviews_by_category, int min_count) {
  std::vector<std::pair<int64_t, int>> by_size;
  for (const auto& [category, count] : reviews_by_category) by_size.push_back({count, category});
  std::sort(by_size.begin(), by_size.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  int64_t rest = 0;
  for (const auto& [count, category] : by_size) rest += count;
  std::vector<int> alone, pooled;
  for (const auto& [count, category] : by_size) {
    const int64_t after = rest - count;
    const bool shown = !IsSmallCount(count, min_count) && !IsSmallCount(after, min_count);
    if (!shown || !pooled.empty()) {
      pooled.push_back(category);
    } else {
      alone.push_back(category);
      rest = after;
    }
  }
  std::sort(alone.begin(), alone.end());
  std::vector<std::pair<std::string, std::vector<int>>> groups;
  for (int category : alone) {
    std::string name = std::to_string(category);
    for (const records::DeathCategory& known : records::DeathCategories()) {
      if (known.code == category) name += " " + std::string(known.name);
    }
    groups.push_back({name, {category}});
  }
  if (!pooled.empty()) {
    std::sort(pooled.begin(), pooled.end());
    groups.push_back({"Other categories", pooled});
  }
  return groups;
}

}  // namespace

std::string FinancialYear(const records::Date& date) {
  const int start = date.month() >= 4 ? date.year() : date.year() - 1;
  const int end = (start + 1) % 100;
  return std::to_string(start) + "/" + (end < 10 ? "0" : "") + std::to_string(end);
}

std::string OpenReviewsText(const FactorRanking& ranking) {
  if (ranking.open_reviews_hidden) return "fewer than " + std::to_string(ranking.min_count);
  return WithThousands(ranking.open_reviews);
}

FactorRanking RankFactors(const std::vector<ReviewRecord>& reviews, const RankingOptions& options) {
  FactorRanking ranking;
  ranking.min_count = std::max(options.min_count, 1);
  ranking.synthetic = !reviews.empty();
  Tally all;
  std::map<int, Tally> by_category;
  std::map<int, int64_t> reviews_by_category;
  std::map<std::string, Tally> by_year;
  for (const ReviewRecord& review : reviews) {
    ranking.synthetic = ranking.synthetic && records::IsSyntheticId(review.review_id);
    if (!review.Reviewed()) {
      ++ranking.open_reviews;
      continue;
    }
    all.Add(review);
    const int category = review.category_of_death.value_or(0);
    by_category[category].Add(review);
    ++reviews_by_category[category];
    by_year[FinancialYear(*review.panel_on)].Add(review);
    if (!ranking.first_panel || *review.panel_on < *ranking.first_panel) {
      ranking.first_panel = review.panel_on;
    }
    if (!ranking.last_panel || *review.panel_on > *ranking.last_panel) {
      ranking.last_panel = review.panel_on;
    }
  }
  ranking.open_reviews_hidden = IsSmallCount(ranking.open_reviews, ranking.min_count);
  ranking.overall = MakeGroup("All completed reviews", all, options);
  for (const auto& [label, categories] : CategoryGroups(reviews_by_category, ranking.min_count)) {
    Tally pooled;
    for (const ReviewRecord& review : reviews) {
      if (!review.Reviewed()) continue;
      const int category = review.category_of_death.value_or(0);
      if (std::find(categories.begin(), categories.end(), category) != categories.end()) {
        pooled.Add(review);
      }
    }
    ranking.by_category.push_back(MakeGroup(label, pooled, options));
  }
  for (const auto& [year, tally] : by_year) {
    ranking.by_year.push_back(MakeGroup(year, tally, options));
  }

  // Each overall factor and flag over the years, for the recent-trend test.
  auto trend_of = [&](const std::string& code) {
    std::vector<stats::TrendPoint> points;
    for (const auto& [year, tally] : by_year) {
      int64_t count = code == kSuddenFlag     ? tally.sudden
                      : code == kOverseasFlag ? tally.overseas
                                              : 0;
      if (auto it = tally.factors.find(code); it != tally.factors.end()) count = it->second;
      stats::TrendPoint point;
      point.count = static_cast<double>(count);
      point.denominator = static_cast<double>(tally.reviews);
      auto percent = Percent(count, tally.reviews, 0.95);
      if (percent) {
        point.value = percent->value;
        point.ci95 = percent->ci;
      }
      points.push_back(point);
    }
    stats::TrendOptions trend;
    trend.value_type = stats::TrendValueType::kProportion;
    trend.valid_run = stats::TrendValidRun::kSkipInvalid;
    trend.spc_for_proportions = true;  // Cochran-Armitage on the counts
    return stats::RecentTrend(points, trend).marker;
  };
  for (FactorShare& share : ranking.overall.factors) share.trend = trend_of(share.code);
  for (FactorShare& share : ranking.overall.flags) share.trend = trend_of(share.code);
  return ranking;
}

}  // namespace cradle::cdop
