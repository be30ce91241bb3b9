// Builds the scrutiny report (report.h) for an area and period from what the
// store holds: the ONS indicators, the birth, death and booking records, the
// CDOP register and the action plan. Every figure is computed here, on each
// call; nothing is typed in. A part the data cannot give (no records for the
// area, no plan, no reviews) says so in its section rather than vanishing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "geo/boundaries.h"
#include "indicators/period.h"
#include "records/date.h"
#include "report/report.h"
#include "workspace/record_scope.h"
#include "workspace/session.h"

namespace cradle::report {

struct ReportInputs {
  workspace::Session* session = nullptr;
  const workspace::RecordScope* records = nullptr;         // null: the store holds no births
  const std::vector<geo::Boundary>* upper_tier = nullptr;  // for the county neighbour; may be null
};

struct ReportRequest {
  std::string area;  // a GSS code or name, e.g. "E06000016"
  indicators::Period period;
  records::Date today;  // printed as the date of the report; the plan's "overdue" is against it
};

// The records and boundaries a report reads, for a caller that has not
// loaded them already as the web app has: the records are left empty when
// the store holds no births.
struct LoadedInputs {
  std::optional<workspace::RecordScope> records;
  std::vector<geo::Boundary> upper_tier;
  ReportInputs For(workspace::Session& session) const {
    return {&session, records ? &*records : nullptr, &upper_tier};
  }
};
Result<LoadedInputs> LoadReportInputs(workspace::Session& session, const std::string& data_dir);

// NotFound for an unknown area; InvalidArgument for a period of other than
// one to five years.
Result<Report> BuildReport(const ReportInputs& inputs, const ReportRequest& request);

}  // namespace cradle::report
