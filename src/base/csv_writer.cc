#include "base/csv_writer.h"

namespace cradle {

std::string CsvField(std::string_view text) {
  // Readers of this dialect (ours, libcsv, spreadsheet imports) drop spaces and
  // tabs at the ends of an unquoted field, so a padded field is quoted too.
  const bool padded = !text.empty() && (text.front() == ' ' || text.front() == '\t' ||
                                        text.back() == ' ' || text.back() == '\t');
  if (!padded && text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void WriteCsvRow(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t idx = 0; idx < fields.size(); ++idx) {
    if (idx > 0) out << ',';
    out << CsvField(fields[idx]);
  }
  out << "\r\n";
}

}  // namespace cradle
