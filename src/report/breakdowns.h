// Breakdowns of the records by group, as figures and as sentences: infant
// mortality by a grouping (rates with 95% intervals, bars coloured by whether
// the rate ratio's interval lies above 1, below it or includes it) and
// antenatal booking within 10 weeks by a grouping (the share with its Wilson
// interval, coloured by the relative risk of booking late). The pages and the
// report draw the same figures; the report adds the sentences, each group
// called significantly higher or lower than the reference only when its
// ratio's 95% interval excludes 1.
#pragma once

#include <string>
#include <vector>

#include "inequalities/booking.h"
#include "inequalities/mortality.h"
#include "report/report.h"
#include "workspace/record_scope.h"

namespace cradle::report {

// `id` is unique on the page, e.g. "inequalities-ethnicity".
Figure MortalityFigure(const workspace::RecordScope& records,
                       const inequalities::MortalityTable& table, const std::string& id);
Figure BookingFigure(const workspace::RecordScope& records, const inequalities::BookingTable& table,
                     const std::string& id);

// The groups whose infant mortality differs significantly from the
// reference group's, each with its rate, ratio and intervals; then how many
// groups do not differ significantly; a group the small-number rule hides is
// not stated.
std::vector<Statement> MortalityStatements(const inequalities::MortalityTable& table);
// The share booked within 10 weeks with its interval; then the groups whose
// risk of booking late differs significantly from the reference's.
std::vector<Statement> BookingStatements(const inequalities::BookingTable& table);

}  // namespace cradle::report
