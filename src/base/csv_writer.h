// Writes RFC 4180 CSV rows. libcsv's csv_write quotes every field; this quotes
// only fields that need it (a comma, quote or line break, or spaces or tabs at
// either end, which readers would trim), as spreadsheet programs and
// Fingertips downloads do, so plain values stay plain.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cradle {

std::string CsvField(std::string_view text);
void WriteCsvRow(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace cradle
