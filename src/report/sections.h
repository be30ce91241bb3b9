// The sections of the scrutiny report, each built from what it needs of the
// inputs (builder.h assembles them in the paper's order). Internal to report/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plan/measures.h"
#include "plan/steering_view.h"
#include "report/builder.h"
#include "report/report.h"

namespace cradle::report {

// What every section reads: the request resolved, and what the store holds.
struct SectionInputs {
  const ReportInputs& inputs;
  const store::Area& area;
  indicators::Period period;
  records::Date today;
  // The records, when they cover this area; null otherwise.
  const workspace::RecordScope* records = nullptr;
  // The plan's view (with its measures); empty when the store has no plan.
  std::optional<plan::SteeringView> plan{};
  std::string plan_missing{};  // why there is no plan view
  // Every measure's series by id (from the plan's view, or computed).
  std::map<std::string, plan::MeasureSeries> measures{};
  const indicators::Engine& engine() const { return inputs.session->engine(); }
  // The small-number rule of a published report: counts from 1 to this
  // minus one are not shown, nor what would reveal them.
  int MinCount() const { return engine().catalogue().disclosure_min_count(); }
};

ReportSection ContextSection(const SectionInputs& in);
ReportSection FactorsSection(const SectionInputs& in);
ReportSection BookingSection(const SectionInputs& in);
ReportSection RecommendationsSection(const SectionInputs& in);
ReportSection PlanSection(const SectionInputs& in);
ReportSection EqualitiesSection(const SectionInputs& in);
// The sources and licence lines of everything the report shows, what is
// synthetic, and the caveats a reader needs.
ReportSection DataNotesSection(const SectionInputs& in,
                               const std::vector<std::string>& attributions);
// The key statements of the other sections, in their order.
ReportSection SummarySection(const std::vector<ReportSection>& sections);

// The sentence of a measure's recent trend, its claim kept: "Infant mortality
// rate by year, 2015 to 2024: over the five latest years Fingertips'
// recent-trend test finds no significant change.", with the latest value
// unless its count is from 1 to `min_count` - 1 (the small-number rule).
Statement MeasureTrendStatement(const plan::MeasureSeries& series, int min_count);

// Why a section has no records to draw on.
std::string NoRecordsText(const SectionInputs& in);

}  // namespace cradle::report
