// Writes synthetic records as the four CSV files of docs/data-formats.md:
// births.csv, deaths.csv, bookings.csv and reviews.csv (the CDOP register), each with its header
// row and the columns in the documented order (RFC 4180, CRLF line ends as WriteCsvRow writes
// them). The writers add nothing that is not in the records, so equal records give byte-identical
// files.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "synth/records.h"

namespace cradle::synth {

inline constexpr std::string_view kBirthsFile = "births.csv";
inline constexpr std::string_view kDeathsFile = "deaths.csv";
inline constexpr std::string_view kBookingsFile = "bookings.csv";
inline constexpr std::string_view kReviewsFile = "reviews.csv";

// The documented header rows.
const std::vector<std::string>& BirthsHeader();
const std::vector<std::string>& DeathsHeader();
const std::vector<std::string>& BookingsHeader();

void WriteBirthsCsv(std::ostream& out, const std::vector<SynthBirth>& births);
void WriteDeathsCsv(std::ostream& out, const std::vector<SynthDeath>& deaths);
void WriteBookingsCsv(std::ostream& out, const std::vector<SynthBooking>& bookings);
void WriteReviewsCsv(std::ostream& out, const std::vector<records::ReviewRecord>& reviews);

// Writes the four files into `directory`, creating it if needed. Each file is
// written under a temporary name and renamed into place, so a failed run
// leaves no half-written file under a documented name. IoError naming the
// path if the directory or a file cannot be written.
Status WriteSyntheticData(const SyntheticData& data, const std::string& directory);

}  // namespace cradle::synth
