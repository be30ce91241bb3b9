// cradle booking [--by ethnicity-broad|ethnicity|ethnicity-census|imd|ward|lsoa]
// The share of pregnancies booked within 10 weeks (0-70 days), overall and by
// group with Wilson intervals, and who is more likely to book late.
#include <memory>

#include "base/csv_writer.h"
#include "base/strings.h"
#include "cli/command.h"
#include "cli/format.h"
#include "cli/record_analysis.h"
#include "cli/text_table.h"
#include "inequalities/booking.h"

namespace cradle::cli {
namespace {

struct BookingArgs {
  RecordArgs records;
  std::string by = "ethnicity-broad";
  std::string reference = "others";
};

Status RunBooking(const BookingArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(inequalities::Dimension dimension, inequalities::ParseDimension(args.by));
  CRADLE_ASSIGN_OR_RETURN(RecordContext context, OpenRecords(args.records));
  inequalities::BookingOptions options;
  options.period = context.period;
  options.reference = args.reference;
  options.disclosure_min_count = context.disclosure_min_count;
  CRADLE_ASSIGN_OR_RETURN(auto table,
                          inequalities::BookingByGroup(context.frame, dimension, options));
  auto count = [](int64_t value, bool hidden) {
    return hidden ? std::string() : std::to_string(value);
  };
  if (context.csv) {
    WriteCsvRow(out, {"Breakdown", "Group code", "Group", "Period", "Bookings",
                      "Booked within 10 weeks", "Booked after 10 weeks", "Value",
                      "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Late booking compared with",
                      "Relative risk of late booking", "Relative risk lower 95.0 limit",
                      "Relative risk upper 95.0 limit", "Note", "Source"});
    std::string source = context.SourceLine();
    auto write = [&](const inequalities::BookingRow& row, bool total) {
      const auto& share = row.early_percent;
      const auto& rr = row.late_relative_risk;
      WriteCsvRow(
          out,
          {table.title, row.group.code, row.group.label, options.period.Label(),
           count(row.bookings, row.bookings_hidden), count(row.early, row.early_hidden),
           count(row.late, row.early_hidden), share ? CsvNumber(share->value) : "",
           share ? CsvNumber(share->ci.lower) : "", share ? CsvNumber(share->ci.upper) : "",
           total || row.reference ? "" : table.reference_label, rr ? CsvNumber(rr->value) : "",
           rr ? CsvNumber(rr->ci.lower) : "", rr ? CsvNumber(rr->ci.upper) : "", row.note, source});
    };
    for (const auto& row : table.rows) write(row, false);
    write(table.total, true);
    return Status::Ok();
  }
  out << "Antenatal bookings within 10 weeks (0-70 days of gestation) by " << table.title << ", "
      << context.area_label << ", " << options.period.Label()
      << " (by booking date), from records\n"
      << "Percentages with Wilson 95% intervals; relative risk of booking after 10 weeks "
         "against "
      << table.reference_label << " (Katz log 95% interval).\n\n";
  TextTable text({{table.title},
                  {"Bookings", TextTable::Align::kRight},
                  {"Within 10 weeks", TextTable::Align::kRight},
                  {"%", TextTable::Align::kRight},
                  {"95% CI", TextTable::Align::kRight},
                  {"Late", TextTable::Align::kRight},
                  {"RR of late", TextTable::Align::kRight},
                  {"95% CI", TextTable::Align::kRight},
                  {"Note"}});
  auto shown = [](int64_t value, bool hidden) { return hidden ? "*" : WithThousands(value); };
  auto add = [&](const inequalities::BookingRow& row) {
    text.AddRow({row.group.label + (row.reference ? " (reference)" : ""),
                 shown(row.bookings, row.bookings_hidden), shown(row.early, row.early_hidden),
                 row.early_percent ? FormatNumber(row.early_percent->value, 1) : "-",
                 FormatInterval(row.early_percent, 1), shown(row.late, row.early_hidden),
                 row.late_relative_risk ? FormatNumber(row.late_relative_risk->value, 2) : "",
                 FormatInterval(row.late_relative_risk, 2), row.note});
  };
  for (const auto& row : table.rows) add(row);
  add(table.total);
  text.Print(out);
  context.PrintFooter(out);
  return Status::Ok();
}

}  // namespace

Command AddBookingCommand(CLI::App& parent) {
  auto args = std::make_shared<BookingArgs>();
  CLI::App* app = parent.add_subcommand(
      "booking",
      "Antenatal bookings within 10 weeks from the stored records, overall and by group, with "
      "the relative risk of booking late");
  app->add_option("--by", args->by,
                  "ethnicity-broad (default), ethnicity, ethnicity-census, imd, imd-quintile, "
                  "ward or lsoa")
      ->check(CLI::IsMember({"ethnicity-broad", "ethnicity", "ethnicity-census", "imd",
                             "imd-quintile", "ward", "lsoa"}));
  app->add_option("--reference", args->reference,
                  "Compare late booking with: others (default: everyone outside the group) or "
                  "a group's code or name");
  AddRecordOptions(*app, args->records,
                   "A year (2024) or pooled years (2022-24) of booking dates; default: the "
                   "latest three years of births");
  return {app, [args](std::ostream& out) { return RunBooking(*args, out); }};
}

}  // namespace cradle::cli
