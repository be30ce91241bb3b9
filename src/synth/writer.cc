#include "synth/writer.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <functional>
#include <system_error>

#include "base/csv_writer.h"
#include "base/result.h"
#include "synth/ethnic_groups.h"

namespace cradle::synth {
namespace {

// Builds the file's text row by row into one buffer, with the same quoting
// rule (CsvField), separators and CRLF line ends as WriteCsvRow, without a
// vector of strings per row: about 50,000 rows a second matter under the
// sanitizers the tests run with.
class RowBuilder {
 public:
  void Text(std::string_view text) {
    Separate();
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
      buffer_.append(text);
    } else {
      buffer_.append(CsvField(text));
    }
  }
  void Int(int64_t value) {
    Separate();
    char digits[24];
    auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
    buffer_.append(digits, end);
  }
  void Date(const records::Date& date) {
    Separate();
    buffer_.append(date.ToString());
  }
  void Flag(char flag) {
    Separate();
    buffer_.push_back(flag);
  }
  void Empty() { Separate(); }
  void EndRow() {
    buffer_.append("\r\n");
    first_ = true;
  }
  const std::string& text() const { return buffer_; }

 private:
  void Separate() {
    if (!first_) buffer_.push_back(',');
    first_ = false;
  }
  std::string buffer_;
  bool first_ = true;
};

Status WriteFile(const std::filesystem::path& path,
                 const std::function<void(std::ostream&)>& write) {
  std::filesystem::path temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError("cannot write " + temporary.string());
    write(out);
    out.flush();
    if (!out) return Status::IoError("cannot write " + temporary.string());
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    return Status::IoError("cannot rename " + temporary.string() + " to " + path.string() + ": " +
                           error.message());
  }
  return Status::Ok();
}

}  // namespace

const std::vector<std::string>& BirthsHeader() {
  static const std::vector<std::string> kHeader = {
      "birth_id",          "date_of_birth",      "lsoa21",
      "ethnic_group",      "mother_age_band",    "gestation_weeks",
      "birthweight_grams", "multiplicity",       "ivf",
      "overseas_ivf",      "smoking_at_booking", "smoking_at_delivery",
      "maternal_bmi_band"};
  return kHeader;
}

const std::vector<std::string>& DeathsHeader() {
  static const std::vector<std::string> kHeader = {"birth_id", "date_of_death", "age_at_death_days",
                                                   "category_of_death"};
  return kHeader;
}

const std::vector<std::string>& BookingsHeader() {
  static const std::vector<std::string> kHeader = {"pregnancy_id", "lsoa21",
                                                   "ethnic_group", "gestation_at_booking_days",
                                                   "booking_date", "provider"};
  return kHeader;
}

void WriteBirthsCsv(std::ostream& out, const std::vector<SynthBirth>& births) {
  WriteCsvRow(out, BirthsHeader());
  RowBuilder row;
  for (const SynthBirth& birth : births) {
    row.Text(birth.birth_id);
    row.Date(birth.date_of_birth);
    row.Text(birth.lsoa21);
    row.Text(EthnicGroups()[birth.ethnic_group].code);
    row.Text(birth.mother_age_band);
    row.Int(birth.gestation_weeks);
    row.Int(birth.birthweight_grams);
    row.Int(birth.multiplicity);
    row.Flag(birth.ivf);
    row.Flag(birth.overseas_ivf);
    row.Flag(birth.smoking_at_booking);
    row.Flag(birth.smoking_at_delivery);
    row.Text(birth.maternal_bmi_band);
    row.EndRow();
  }
  out << row.text();
}

void WriteDeathsCsv(std::ostream& out, const std::vector<SynthDeath>& deaths) {
  WriteCsvRow(out, DeathsHeader());
  RowBuilder row;
  for (const SynthDeath& death : deaths) {
    row.Text(death.birth_id);
    row.Date(death.date_of_death);
    row.Int(death.age_at_death_days);
    if (death.category_of_death) {
      row.Int(*death.category_of_death);
    } else {
      row.Empty();  // the review is not complete
    }
    row.EndRow();
  }
  out << row.text();
}

void WriteBookingsCsv(std::ostream& out, const std::vector<SynthBooking>& bookings) {
  WriteCsvRow(out, BookingsHeader());
  RowBuilder row;
  for (const SynthBooking& booking : bookings) {
    row.Text(booking.pregnancy_id);
    row.Text(booking.lsoa21);
    row.Text(EthnicGroups()[booking.ethnic_group].code);
    row.Int(booking.gestation_at_booking_days);
    row.Date(booking.booking_date);
    row.Text(booking.provider);
    row.EndRow();
  }
  out << row.text();
}

void WriteReviewsCsv(std::ostream& out, const std::vector<records::ReviewRecord>& reviews) {
  WriteCsvRow(out, records::ReviewColumns());
  RowBuilder row;
  for (const records::ReviewRecord& review : reviews) {
    for (const std::string& field : records::ReviewFields(review)) row.Text(field);
    row.EndRow();
  }
  out << row.text();
}

Status WriteSyntheticData(const SyntheticData& data, const std::string& directory) {
  const std::filesystem::path dir(directory);
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error || !std::filesystem::is_directory(dir)) {
    return Status::IoError("cannot create the output directory " + directory +
                           (error ? ": " + error.message() : ""));
  }
  CRADLE_RETURN_IF_ERROR(
      WriteFile(dir / kBirthsFile, [&](std::ostream& out) { WriteBirthsCsv(out, data.births); }));
  CRADLE_RETURN_IF_ERROR(
      WriteFile(dir / kDeathsFile, [&](std::ostream& out) { WriteDeathsCsv(out, data.deaths); }));
  CRADLE_RETURN_IF_ERROR(WriteFile(
      dir / kBookingsFile, [&](std::ostream& out) { WriteBookingsCsv(out, data.bookings); }));
  CRADLE_RETURN_IF_ERROR(WriteFile(dir / kReviewsFile,
                                   [&](std::ostream& out) { WriteReviewsCsv(out, data.reviews); }));
  return Status::Ok();
}

}  // namespace cradle::synth
