// Top modifiable factors: what the child death reviews of the area's CDOP
// found, ranked by the share of completed reviews in which the panel judged
// each factor modifiable, with Wilson intervals and each factor's recent
// trend — under the public small-number rule, since the report is published.
#include "cdop/factor_ranking.h"
#include "charts/bar_chart.h"
#include "report/figures.h"
#include "report/sections.h"

namespace cradle::report {
namespace {

// Factors named in the report's sentences and chart.
constexpr int kTopFactors = 6;

std::string ShareText(const cdop::FactorShare& share, int64_t reviews) {
  return Count(static_cast<double>(share.reviews_with)) + " of " +
         Count(static_cast<double>(reviews)) + " completed reviews (" +
         Number(share.percent->value, 1) + "%, 95% interval " + Interval(share.percent, 1) + ")";
}

}  // namespace

ReportSection FactorsSection(const SectionInputs& in) {
  ReportSection section;
  section.id = "factors";
  section.heading = "What child death reviews found: the top modifiable factors";
  auto reviews = in.inputs.session->store().Reviews()->Reviews();
  if (!reviews.ok()) {
    section.Say(Plain("The child death reviews cannot be read: " + reviews.status().message()));
    return section;
  }
  if (reviews->empty()) {
    section.Say(
        Plain("The store holds no child death reviews (`cradle import reviews FILE`), so no "
              "factors are given."));
    return section;
  }
  cdop::RankingOptions options;
  options.min_count = in.engine().catalogue().disclosure_min_count();
  const cdop::FactorRanking ranking = cdop::RankFactors(*reviews, options);
  const cdop::FactorGroup& all = ranking.overall;
  std::string span;
  if (ranking.first_panel && ranking.last_panel) {
    span = " (panels from " + ranking.first_panel->ToString() + " to " +
           ranking.last_panel->ToString() + ")";
  }
  std::string opening = "The child death overview panel completed " +
                        Count(static_cast<double>(all.reviews)) + " reviews of infant deaths" +
                        span + "; " + cdop::OpenReviewsText(ranking) + " more are open.";
  if (all.modifiable_percent) {
    opening += " Modifiable factors were identified in " +
               Count(static_cast<double>(all.with_modifiable)) + " (" +
               Number(all.modifiable_percent->value, 1) + "%, 95% interval " +
               Interval(all.modifiable_percent, 1) + ").";
  }
  if (ranking.synthetic) opening += " These reviews are synthetic, not real children.";
  section.Say(Plain(opening));
  section.Current().statements.back().key = true;

  std::vector<charts::Bar> bars;
  std::string top_names;
  int shown = 0;
  for (const cdop::FactorShare& share : all.factors) {
    if (shown == kTopFactors || share.hidden || share.rank == 0 || !share.percent) continue;
    ++shown;
    Claim trend = TrendClaim(share.name + " share of completed reviews by year", share.trend);
    std::string trend_text =
        trend.verdict == Verdict::kTrendNotTested
            ? "its share by year " + std::string(VerdictPhrase(trend.verdict))
            : "over the five latest years, " + std::string(VerdictPhrase(trend.verdict));
    section.Say(Statement{std::to_string(share.rank) + ". " + share.name + " (domain " +
                              std::string(1, share.domain) + "): modifiable in " +
                              ShareText(share, all.reviews) + "; " + trend_text + ".",
                          {trend},
                          false});
    top_names += (top_names.empty() ? "" : ", ") + share.name;
    charts::Bar bar;
    bar.label = share.name;
    bar.value = share.percent->value;
    bar.lower = share.percent->ci.lower;
    bar.upper = share.percent->ci.upper;
    bars.push_back(bar);
  }
  if (shown > 0) {
    Statement line = Plain("The most frequent modifiable factors, in order: " + top_names + ".");
    line.key = true;
    std::vector<Statement>& lines = section.Current().statements;
    lines.insert(lines.begin() + 1, std::move(line));
  }
  int hidden = 0;
  for (const cdop::FactorShare& share : all.factors) hidden += share.hidden ? 1 : 0;
  if (hidden > 0) {
    section.Say(Plain(std::to_string(hidden) + " further factors were each found in fewer than " +
                      std::to_string(ranking.min_count) +
                      " reviews; under the small-number rule they are not counted here."));
  }
  charts::BarChartOptions chart;
  chart.id = "report-factors";
  chart.title = "Modifiable factors: share of completed reviews";
  chart.description =
      "The most frequent modifiable factors as a percentage of completed "
      "child death reviews, with 95% intervals";
  chart.value_title = "Completed reviews with the factor (%)";
  chart.category_title = "Modifiable factor";
  chart.notes = {"Child death reviews held in Cradle's register; Wilson 95% intervals."};
  if (ranking.synthetic) chart.notes.push_back("Synthetic reviews: not real children.");
  charts::Chart drawn = charts::BarChart(chart, bars);
  section.Draw({drawn.svg, drawn.table});
  return section;
}

}  // namespace cradle::report
