// Context: the area's infant mortality in the ONS figures (rate, deaths,
// England, rank, the county neighbour, what the gap means in deaths a year,
// the neonatal share, the rolling three-year trend), then the same from the
// records for the report's period, the trend by year with Fingertips'
// recent-trend test, and the rates by ethnic group and deprivation.
#include <algorithm>

#include "charts/bar_chart.h"
#include "charts/line_chart.h"
#include "geo/area_type.h"
#include "report/breakdowns.h"
#include "report/figures.h"
#include "report/sections.h"
#include "report/statements.h"
#include "stats/proportion.h"

namespace cradle::report {
namespace {

constexpr std::string_view kInfant = "infant-mortality";
constexpr std::string_view kNeonatalShare = "neonatal-share";

// The period of the ONS figures: the report's own when the bundled tables
// hold it, else the latest three-year period they hold that ends by it (else
// their latest).
std::optional<indicators::Period> OfficialPeriod(const indicators::Engine& engine,
                                                 const indicators::Indicator& indicator,
                                                 const indicators::Period& wanted) {
  std::vector<indicators::Period> periods = engine.Periods(indicator);
  if (std::find(periods.begin(), periods.end(), wanted) != periods.end()) return wanted;
  std::optional<indicators::Period> latest, latest_by_then;
  for (const indicators::Period& one : periods) {
    if (one.years != wanted.years) continue;
    if (!latest || one > *latest) latest = one;
    if (one.last_year() <= wanted.last_year() && (!latest_by_then || one > *latest_by_then)) {
      latest_by_then = one;
    }
  }
  return latest_by_then ? latest_by_then : latest;
}

// The ONS figures: headline, neighbour, gap, neonatal share, bar chart and
// the rolling trend.
void OfficialFigures(const SectionInputs& in, ReportSection& section) {
  const indicators::Engine& engine = in.engine();
  auto infant = engine.catalogue().Find(kInfant);
  if (!infant.ok()) {
    section.Say(Plain("The indicator catalogue has no infant mortality rate."));
    return;
  }
  std::optional<indicators::Period> official = OfficialPeriod(engine, **infant, in.period);
  if (!official) {
    section.Say(Plain("The store holds no ONS infant mortality figures: run `cradle load`."));
    return;
  }
  if (*official != in.period) {
    section.Say(Plain("The bundled ONS tables hold no infant mortality figures for " +
                      in.period.Label() + "; the latest official figures they hold, for " +
                      official->Label() + ", are given first, then the records for " +
                      in.period.Label() + "."));
  }
  const std::string& code = in.area.code;
  section.Begin("The official figures, " + official->Label());
  indicators::IndicatorValue headline = engine.Compute(**infant, code, *official);
  for (Statement& line : HeadlineStatements(engine, headline)) {
    section.Say(std::move(line));
  }
  std::vector<indicators::IndicatorValue> compared = {headline};
  std::optional<std::string> neighbour;
  if (in.inputs.upper_tier) neighbour = NearestNeighbour(engine, *in.inputs.upper_tier, code);
  if (neighbour) {
    compared.push_back(engine.Compute(**infant, *neighbour, *official));
    section.Say(NeighbourStatement(engine, headline, compared.back()));
  }
  if (Statement gap = GapStatement(engine, headline); !gap.text.empty()) {
    section.Say(std::move(gap));
  }
  compared.push_back(engine.Compute(**infant, std::string(geo::kEnglandCode), *official));
  std::vector<charts::Bar> bars;
  for (const indicators::IndicatorValue& value : compared) {
    bars.push_back(AreaBar(engine, value, code));
  }
  charts::BarChartOptions bar_options;
  bar_options.id = "report-rate";
  bar_options.title = (*infant)->name + ", " + official->Label();
  bar_options.description = "Infant mortality rate with 95% confidence intervals for " +
                            in.area.name + ", its neighbour and England";
  bar_options.value_title = "Deaths under 1 year per 1,000 live births";
  bar_options.benchmark = headline.comparator_value;
  bar_options.notes = EngineNotes(engine, compared);
  charts::Chart bar_chart = charts::BarChart(bar_options, bars);
  section.Draw({bar_chart.svg, ValuesTable(engine, bar_options.title, compared, false)});

  if (auto share = engine.catalogue().Find(kNeonatalShare); share.ok()) {
    section.Say(ShareStatement(engine, engine.Compute(**share, code, *official)));
  }

  // The rolling three-year series, as the ONS publishes it.
  std::vector<std::string> labels;
  std::vector<charts::LineSeries> series(2);
  series[0].name = in.area.name;
  series[1].name = "England";
  series[1].benchmark = true;
  std::vector<indicators::IndicatorValue> values;
  for (const indicators::Period& one : engine.Periods(**infant)) {
    if (one.years != 3) continue;
    labels.push_back(one.Label());
    for (int i = 0; i < 2; ++i) {
      values.push_back(
          engine.Compute(**infant, i == 0 ? code : std::string(geo::kEnglandCode), one));
      series[i].points.push_back(LinePointOf(values.back()));
    }
  }
  charts::LineChartOptions line_options;
  line_options.id = "report-ons-trend";
  line_options.title = (*infant)->name + ": " + in.area.name + " and England, ONS";
  line_options.description = "Rolling three-year infant mortality rates with 95% intervals";
  line_options.y_title = "Per 1,000 live births";
  line_options.notes = EngineNotes(engine, values);
  line_options.notes.insert(line_options.notes.begin(),
                            "Up to 2015-17 the ONS counts deaths registered in each year; from "
                            "2020-22 deaths occurring in each year (the death cohort): the two "
                            "parts are not one series.");
  charts::Chart line = charts::LineChart(line_options, labels, series);
  section.Draw({line.svg, line.table});
}

// The records for the report's period: rate, neonatal share, and the trend
// by year.
void RecordFigures(const SectionInputs& in, ReportSection& section) {
  if (!in.records) {
    section.Say(Plain(NoRecordsText(in)));
    return;
  }
  const workspace::RecordScope& records = *in.records;
  section.Begin("From the records, " + in.period.Label());
  inequalities::MortalityOptions options;
  options.period = in.period;
  options.disclosure_min_count = records.disclosure_min_count;
  auto table =
      inequalities::MortalityByGroup(records.frame, inequalities::Dimension::kEthnicity, options);
  if (!table.ok()) {
    section.Say(Plain("From the records: " + table.status().message()));
    return;
  }
  const inequalities::MortalityRow& total = table->total;
  const std::string period = in.period.Label();
  const std::string source = records.SyntheticNotice().empty()
                                 ? "In the birth and death records"
                                 : "In the records Cradle holds (synthetic, not real people)";
  if (total.rate95) {
    Statement line =
        Plain(source + ", " + in.area.name + " had " +
              Count(static_cast<double>(total.tally.infant)) + " infant deaths among " +
              Count(static_cast<double>(total.tally.births)) + " live births in " + period + ": " +
              Number(total.rate95->value, 1) + " per 1,000 live births (95% interval " +
              Interval(total.rate95, 1) + ", deaths in the period over births in the period).");
    line.key = true;
    section.Say(std::move(line));
    const indicators::Engine& engine = in.engine();
    auto infant = engine.catalogue().Find(kInfant);
    std::optional<double> england;
    if (infant.ok()) {
      indicators::IndicatorValue value =
          engine.Compute(**infant, std::string(geo::kEnglandCode), in.period);
      if (value.has_value()) england = value.ci95->value;
    }
    if (england) {
      Claim claim = IntervalClaim(in.area.name + " records, " + period + ", against England",
                                  total.rate95->ci.lower, total.rate95->ci.upper, *england, 1);
      section.Say(Statement{"That rate (95% interval " + Interval(total.rate95, 1) + ") is " +
                                std::string(VerdictPhrase(claim.verdict)) +
                                (claim.verdict == Verdict::kNotDifferent ? " from" : " than") +
                                " England's " + Number(*england, 1) + " for " + period + " (ONS).",
                            {claim},
                            true});
    } else {
      section.Say(
          Plain("England's rate for " + period +
                " is not in the bundled ONS tables, so the records' rate is not compared with "
                "it."));
    }
  }
  if (total.tally.infant > 0 && !total.hidden(inequalities::DeathMeasure::kNeonatal)) {
    auto share = stats::WilsonProportion(static_cast<double>(total.tally.neonatal),
                                         static_cast<double>(total.tally.infant), 100, 0.95);
    if (share.ok()) {
      section.Say(Plain(Number(share->value, 1) + "% of the infant deaths in the records for " +
                        period + " (" + Count(static_cast<double>(total.tally.neonatal)) + " of " +
                        Count(static_cast<double>(total.tally.infant)) + ", 95% interval " +
                        Interval(*share, 1) + "%) were neonatal, in the first 28 days of life."));
    }
  }
  if (auto found = in.measures.find(std::string(kInfant)); found != in.measures.end()) {
    const plan::MeasureSeries& series = found->second;
    section.Say(MeasureTrendStatement(series, in.MinCount()));
    section.Current().statements.back().key = true;
    std::vector<std::string> labels;
    charts::LineSeries line_series;
    line_series.name = in.area.name + " (records)";
    for (const plan::MeasurePoint& point : series.points) {
      labels.push_back(point.period);
      const bool hidden = point.hidden;
      line_series.points.push_back(
          point.value && !hidden
              ? charts::LinePoint(point.value->value, point.value->ci.lower, point.value->ci.upper)
              : charts::LinePoint::Missing(hidden ? "*" : "-"));
    }
    charts::LineChartOptions options_line;
    options_line.id = "report-record-trend";
    options_line.title = "Infant mortality by year, " + in.area.name + ", from the records";
    options_line.description =
        "Infant deaths in each year per 1,000 live births in the year, "
        "with 95% intervals";
    options_line.x_title = "Year";
    options_line.y_title = "Per 1,000 live births";
    options_line.notes = RecordNotes(records);
    charts::Chart chart = charts::LineChart(options_line, labels, {line_series});
    section.Draw({chart.svg, chart.table});
  }
}

// Rates by ethnic group and by deprivation quintile, from the records.
void GroupFigures(const SectionInputs& in, ReportSection& section) {
  if (!in.records) return;
  const std::tuple<inequalities::Dimension, const char*, const char*> dimensions[] = {
      {inequalities::Dimension::kEthnicityBroad, "report-ethnicity", "By ethnic group"},
      {inequalities::Dimension::kImdQuintile, "report-deprivation", "By deprivation"}};
  for (const auto& [dimension, id, heading] : dimensions) {
    section.Begin(std::string(heading) + ", " + in.period.Label());
    inequalities::MortalityOptions options;
    options.period = in.period;
    options.disclosure_min_count = in.records->disclosure_min_count;
    auto table = inequalities::MortalityByGroup(in.records->frame, dimension, options);
    if (!table.ok()) {
      section.Say(Plain("By " + std::string(inequalities::DimensionName(dimension)) + ": " +
                        table.status().message()));
      continue;
    }
    std::vector<Statement> lines = MortalityStatements(*table);
    if (!lines.empty() && !lines.front().claims.empty()) lines.front().key = true;
    for (Statement& line : lines) section.Say(std::move(line));
    section.Draw(MortalityFigure(*in.records, *table, id));
  }
}

}  // namespace

ReportSection ContextSection(const SectionInputs& in) {
  ReportSection section;
  section.id = "context";
  section.heading = "Context: infant mortality in " + in.area.name;
  OfficialFigures(in, section);
  RecordFigures(in, section);
  GroupFigures(in, section);
  return section;
}

}  // namespace cradle::report
