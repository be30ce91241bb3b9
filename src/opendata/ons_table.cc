#include "opendata/ons_table.h"

#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "base/csv_reader.h"
#include "base/strings.h"
#include "geo/area_hierarchy.h"
#include "geo/area_type.h"
#include "opendata/content_hash.h"

namespace cradle::opendata {
namespace {

constexpr size_t kMaxReportedProblems = 20;

// ONS publishes Cornwall and the Isles of Scilly together under both codes;
// Cradle files them under Cornwall's code, as the 2010-17 tables do. Other
// combined codes ("K04000001, J99000001": England, Wales and elsewhere) are
// totals Cradle does not use, and their rows are skipped.
std::optional<std::string> CombinedCode(std::string_view code) {
  if (code == "E06000052, E06000053") return "E06000052";
  return std::nullopt;
}

bool IsMissingMarker(std::string_view text) {
  static const std::set<std::string_view> kMarkers = {"",    "*",   ":", "..", "[x]",
                                                      "[z]", "[c]", "x", "z",  "c"};
  return kMarkers.count(text) > 0;
}

class ProblemList {
 public:
  explicit ProblemList(std::string file) : file_(std::move(file)) {}
  void Add(int64_t row, std::string_view column, std::string reason) {
    ++count_;
    if (lines_.size() < kMaxReportedProblems) {
      lines_.push_back(file_ + ": row " + std::to_string(row) + ", column '" + std::string(column) +
                       "': " + reason);
    }
  }
  bool empty() const { return count_ == 0; }
  Status ToStatus() const {
    std::string message = std::to_string(count_) + " problem" + (count_ == 1 ? "" : "s") + " in " +
                          file_ + "; nothing was loaded:";
    for (const std::string& line : lines_) message += "\n  " + line;
    if (count_ > lines_.size()) {
      message += "\n  … and " + std::to_string(count_ - lines_.size()) + " more";
    }
    return Status::InvalidData(message);
  }

 private:
  std::string file_;
  std::vector<std::string> lines_;
  size_t count_ = 0;
};

// England and Wales must equal England plus Wales, count by count: a check
// that catches a figure pasted from the wrong cell of a national row.
class NationalSums {
 public:
  void Record(const store::AggregateCount& count, int64_t row, const std::string& column) {
    int slot = count.area_code == "K04000001"   ? 0
               : count.area_code == "E92000001" ? 1
               : count.area_code == "W92000004" ? 2
                                                : -1;
    if (slot < 0 || !count.value) return;
    Entry& entry = entries_[{count.year, count.category, count.measure}];
    entry.value[slot] = *count.value;
    entry.row[slot] = row;
    entry.column = column;
  }
  void Check(ProblemList& problems) const {
    for (const auto& [key, entry] : entries_) {
      if (!entry.value[0] || !entry.value[1] || !entry.value[2]) continue;
      if (*entry.value[0] == *entry.value[1] + *entry.value[2]) continue;
      problems.Add(*entry.row[2], entry.column,
                   "England and Wales (" + std::to_string(static_cast<int64_t>(*entry.value[0])) +
                       ") is not England (" +
                       std::to_string(static_cast<int64_t>(*entry.value[1])) + ") plus Wales (" +
                       std::to_string(static_cast<int64_t>(*entry.value[2])) + ")");
    }
  }

 private:
  struct Entry {
    std::optional<double> value[3];
    std::optional<int64_t> row[3];
    std::string column;
  };
  std::map<std::tuple<int, std::string, std::string>, Entry> entries_;
};

}  // namespace

std::string TidyAreaName(std::string_view name) {
  bool has_lower = false;
  for (char c : name) has_lower |= std::islower(static_cast<unsigned char>(c)) != 0;
  if (has_lower) return std::string(name);
  static const std::set<std::string> kSmallWords = {"and", "of", "upon", "on", "in"};
  std::string out;
  for (const std::string& word : Split(name, ' ')) {
    std::string lower = ToLower(word);
    if (!out.empty()) out += ' ';
    if (kSmallWords.count(lower) && !out.empty()) {
      out += lower;
    } else if (!lower.empty()) {
      lower[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(lower[0])));
      out += lower;
    }
  }
  return out;
}

Result<std::string> TableFingerprint(const TableSpec& spec, const std::string& data_dir) {
  CRADLE_ASSIGN_OR_RETURN(std::string file, FileFingerprint(data_dir + "/" + spec.file));
  // Bump kReaderVersion when how rows are read changes (markers, codes).
  constexpr std::string_view kReaderVersion = "ons-table-reader-1";
  std::string description = std::string(kReaderVersion) + "|" + spec.dataset.id + "|" +
                            spec.dataset.title + "|" + spec.dataset.basis + "|" +
                            spec.dataset.attribution + "|" + spec.category_type;
  for (const MeasureColumn& measure : spec.measures) {
    description += "|" + measure.measure + "=" + measure.column;
  }
  return file + "-" + TextFingerprint(description);
}

Result<store::DatasetImport> ReadOnsTable(const TableSpec& spec, const std::string& data_dir) {
  const std::string path = data_dir + "/" + spec.file;
  auto fingerprint = TableFingerprint(spec, data_dir);
  if (!fingerprint.ok()) return fingerprint.status();
  auto opened = CsvReader::Open(path);
  if (!opened.ok()) return opened.status();
  CsvReader& csv = **opened;

  // Resolve every column up front so a renamed header fails before any row.
  auto column = [&](const std::string& name) -> Result<size_t> { return csv.RequireColumn(name); };
  std::optional<size_t> year_idx, code_idx, name_idx, category_idx;
  if (!spec.fixed_year) {
    auto idx = column(spec.year_column);
    if (!idx.ok()) return idx.status();
    year_idx = *idx;
  }
  if (!spec.fixed_area) {
    auto code = column(spec.area_code_column);
    if (!code.ok()) return code.status();
    auto name = column(spec.area_name_column);
    if (!name.ok()) return name.status();
    code_idx = *code;
    name_idx = *name;
  }
  if (!spec.category_column.empty()) {
    auto idx = column(spec.category_column);
    if (!idx.ok()) return idx.status();
    category_idx = *idx;
  }
  std::vector<size_t> measure_idx;
  for (const MeasureColumn& measure : spec.measures) {
    auto idx = column(measure.column);
    if (!idx.ok()) return idx.status();
    measure_idx.push_back(*idx);
  }

  store::DatasetImport import;
  import.dataset = spec.dataset;
  import.dataset.source_file = "data/" + spec.file;
  import.dataset.content_hash = *fingerprint;
  std::map<std::string, store::Area> areas;
  if (spec.fixed_area) areas[spec.fixed_area->code] = *spec.fixed_area;
  std::map<int, geo::ParentTracker> trackers;  // one per year: each year is listed in full
  ProblemList problems(path);
  NationalSums national;

  while (true) {
    auto next = csv.Next();
    if (!next.ok()) return next.status();
    if (!next->has_value()) break;
    const CsvRow& row = **next;

    int year = spec.fixed_year.value_or(0);
    if (year_idx) {
      auto parsed = ParseInt64(row.fields[*year_idx]);
      if (!parsed || *parsed < 1900 || *parsed > 2100) {
        problems.Add(row.row_number, spec.year_column,
                     "'" + row.fields[*year_idx] + "' is not a year");
        continue;
      }
      year = static_cast<int>(*parsed);
    }

    std::string area_code = spec.fixed_area ? spec.fixed_area->code : "";
    if (code_idx) {
      area_code = std::string(Trim(row.fields[*code_idx]));
      if (area_code.find(',') != std::string::npos) {
        auto combined = CombinedCode(area_code);
        if (!combined) continue;
        area_code = *combined;
      }
      auto type = geo::AreaTypeFromCode(area_code);
      if (!type.ok()) {
        problems.Add(row.row_number, spec.area_code_column, type.status().message());
        continue;
      }
      store::Area area{area_code, TidyAreaName(Trim(row.fields[*name_idx])),
                       std::string(geo::AreaTypeName(*type)), std::nullopt};
      if (spec.derive_parents) {
        auto parent = trackers[year].Next(area_code);
        if (!parent.ok()) {
          problems.Add(row.row_number, spec.area_code_column, parent.status().message());
          continue;
        }
        area.parent_code = *parent;
      }
      areas[area_code] = std::move(area);
    }

    std::string category;
    if (category_idx) {
      category = std::string(Trim(row.fields[*category_idx]));
      if (category == spec.category_total) category.clear();
    }

    std::map<std::string, std::optional<double>> row_values;
    for (size_t m = 0; m < spec.measures.size(); ++m) {
      const std::string text(Trim(row.fields[measure_idx[m]]));
      store::AggregateCount count{spec.dataset.id, year,
                                  area_code,       category.empty() ? "" : spec.category_type,
                                  category,        spec.measures[m].measure,
                                  std::nullopt,    ""};
      if (spec.dash_is_nil && text == "-") {
        count.value = 0;
      } else if (IsMissingMarker(text)) {
        count.flag = text.empty() ? "blank" : text;
      } else {
        auto value = ParseDouble(text);
        if (!value || *value < 0 || std::floor(*value) != *value) {
          problems.Add(row.row_number, spec.measures[m].column,
                       "'" + text +
                           "' is not a count (a whole number of zero or more, or an "
                           "ONS marker such as [x])");
          continue;
        }
        count.value = *value;
      }
      row_values[count.measure] = count.value;
      national.Record(count, row.row_number, spec.measures[m].column);
      import.counts.push_back(std::move(count));
    }
    if (spec.derive_postneonatal) {
      auto infant = row_values["infant_deaths"];
      auto neonatal = row_values["neonatal_deaths"];
      store::AggregateCount post{spec.dataset.id, year,
                                 area_code,       category.empty() ? "" : spec.category_type,
                                 category,        "postneonatal_deaths",
                                 std::nullopt,    "derived"};
      if (infant && neonatal) {
        if (*neonatal > *infant) {
          problems.Add(row.row_number, "neonatal_deaths", "neonatal deaths exceed infant deaths");
          continue;
        }
        post.value = *infant - *neonatal;
      }
      import.counts.push_back(std::move(post));
    }
  }
  if (spec.check_national_sum) national.Check(problems);
  if (!problems.empty()) return problems.ToStatus();
  for (auto& [code, area] : areas) import.areas.push_back(std::move(area));
  return import;
}

}  // namespace cradle::opendata
