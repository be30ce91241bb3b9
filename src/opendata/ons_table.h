// Reads one published ONS area table (a CSV under data/open/) into a
// DatasetImport: one count per year × area × category × measure, validated
// field by field. A table is described by a TableSpec, so each bundled file is
// a few lines of data rather than a reader of its own.
//
// Markers: ONS writes "-" for nil in its VS tables (a true zero) and "*", ":",
// "[x]", "[z]", "[c]" (or the same letters bare, as in 2020's
// workbook) or a blank where a figure is suppressed, not calculated
// or not applicable; those become an empty value with the marker kept as the
// flag. Anything else that is not a whole, non-negative number is an error
// naming file, row and column.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/model.h"

namespace cradle::opendata {

struct MeasureColumn {
  std::string measure;  // Cradle's measure name, e.g. infant_deaths
  std::string column;   // the CSV header, e.g. "Infant deaths"
};

struct TableSpec {
  store::Dataset dataset;         // id, title, basis, publisher, licence, attribution
  std::string file;               // relative to the data directory
  std::optional<int> fixed_year;  // for tables of one year with no year column
  std::string year_column;
  // Either area columns, or a fixed area for national tables.
  std::string area_code_column;
  std::string area_name_column;
  std::optional<store::Area> fixed_area;
  // Breakdown: the category column and the value that means "all".
  std::string category_type;  // e.g. "Ethnic group"; empty for none
  std::string category_column;
  std::string category_total;  // e.g. "All" or "Total": stored as no category
  std::vector<MeasureColumn> measures;
  bool dash_is_nil = false;     // "-" means zero (ONS VS tables)
  bool derive_parents = false;  // rows are in ONS hierarchical order
  // Adds postneonatal_deaths = infant_deaths - neonatal_deaths where the
  // table gives only those two.
  bool derive_postneonatal = false;
  // England and Wales (K04000001) must be England plus Wales, count by count.
  // True only for tables whose England and Wales excludes residents
  // elsewhere (the death cohort); the VS registrations include them.
  bool check_national_sum = false;
};

// Reads `spec.file` under `data_dir`. Of the combined codes ONS uses, Cornwall
// and the Isles of Scilly ("E06000052, E06000053") are filed under E06000052;
// other combined rows ("K04000001, J99000001", England, Wales and elsewhere)
// are skipped by design. InvalidData lists up to 20 problems, each with file, row, column
// and reason; nothing is returned in part.
Result<store::DatasetImport> ReadOnsTable(const TableSpec& spec, const std::string& data_dir);

// The file's fingerprint joined with that of the spec's description, so a
// table is reloaded when either its bytes or how Cradle reads it change.
Result<std::string> TableFingerprint(const TableSpec& spec, const std::string& data_dir);

// "YORKSHIRE AND THE HUMBER" → "Yorkshire and The Humber"; mixed-case names
// are returned unchanged.
std::string TidyAreaName(std::string_view name);

}  // namespace cradle::opendata
