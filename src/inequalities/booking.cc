#include "inequalities/booking.h"

#include "base/disclosure.h"
#include "stats/confidence.h"
#include "stats/proportion.h"
#include "stats/rate_ratio.h"

namespace cradle::inequalities {
namespace {

struct Counts {
  int64_t bookings = 0;
  int64_t early = 0;
};

BookingRow MakeRow(const Group& group, const Counts& counts, int min_count) {
  BookingRow row;
  row.group = group;
  row.bookings = counts.bookings;
  row.early = counts.early;
  row.late = counts.bookings - counts.early;
  std::vector<bool> hidden = HideFamily(row.bookings, {row.early, row.late}, min_count);
  row.bookings_hidden = hidden[0];
  row.early_hidden = hidden[1] || hidden[2];
  if (row.bookings == 0) {
    row.note = "no bookings";
  } else if (row.bookings_hidden || row.early_hidden) {
    row.note = "fewer than " + std::to_string(min_count) + ": not shown";
  } else {
    row.early_percent =
        *stats::WilsonProportion(static_cast<double>(row.early), static_cast<double>(row.bookings),
                                 100, stats::kConfidence95);
  }
  return row;
}

}  // namespace

Result<BookingTable> BookingByGroup(const RecordFrame& frame, Dimension dimension,
                                    const BookingOptions& options) {
  Grouping grouping(dimension, frame);
  if (!grouping.AppliesToBookings()) {
    return Status::InvalidArgument("bookings cannot be broken down by " +
                                   std::string(DimensionName(dimension)) +
                                   ": a booking record has ethnic group and LSOA only");
  }
  std::vector<Counts> counts(grouping.groups().size());
  Counts total;
  for (const Booking& booking : frame.bookings) {
    int year = booking.date.year();
    if (year < options.period.first_year || year > options.period.last_year()) continue;
    bool early = booking.gestation_days <= kEarlyBookingDays;
    Counts& group = counts[static_cast<size_t>(grouping.GroupOf(booking))];
    ++group.bookings;
    ++total.bookings;
    group.early += early;
    total.early += early;
  }
  if (total.bookings == 0) {
    return Status::InvalidArgument("the store holds no antenatal bookings dated in " +
                                   options.period.Label());
  }
  int reference = -1;  // -1: each group against all others
  if (options.reference.empty()) {
    std::vector<int64_t> bookings;
    for (const Counts& c : counts) bookings.push_back(c.bookings);
    reference = grouping.DefaultReference(bookings);
  } else if (options.reference != "others") {
    CRADLE_ASSIGN_OR_RETURN(reference, grouping.Find(options.reference));
  }

  BookingTable table;
  table.dimension = dimension;
  table.title = std::string(grouping.title());
  table.options = options;
  table.reference_label = reference < 0 ? "all other bookings"
                                        : grouping.groups()[static_cast<size_t>(reference)].label;
  int min = options.disclosure_min_count;
  table.total = MakeRow({"all", "All", false}, total, min);
  for (size_t idx = 0; idx < counts.size(); ++idx) {
    const Group& group = grouping.groups()[idx];
    if (group.unknown && counts[idx].bookings == 0) continue;
    BookingRow row = MakeRow(group, counts[idx], min);
    row.reference = static_cast<int>(idx) == reference;
    if (row.early_percent && !row.reference) {
      // The comparison: the reference group, or everyone outside this group.
      Counts other = reference >= 0
                         ? counts[static_cast<size_t>(reference)]
                         : Counts{total.bookings - row.bookings, total.early - row.early};
      BookingRow other_row = MakeRow(group, other, min);
      int64_t other_late = other.bookings - other.early;
      if (!other_row.early_percent) {
        row.note = "no relative risk: the comparison group is not shown";
      } else if (row.late == 0 || other_late == 0) {
        row.note = "no relative risk: no late bookings in one of the groups";
      } else {
        row.late_relative_risk =
            *stats::RiskRatioLog(static_cast<double>(row.late), static_cast<double>(row.bookings),
                                 static_cast<double>(other_late),
                                 static_cast<double>(other.bookings), stats::kConfidence95);
      }
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace cradle::inequalities
