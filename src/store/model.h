// The plain records the store keeps for published aggregate data: areas, the
// datasets they came from, and counts by dataset × year × area × breakdown ×
// measure. Record-level data (births, deaths, reviews) will have its own
// records; these are what ONS and other publishers release as tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cradle::store {

struct Area {
  std::string code;  // GSS code, e.g. E06000016
  std::string name;  // e.g. Leicester
  std::string type;  // geo::AreaTypeName, e.g. "Unitary Authority"
  std::optional<std::string> parent_code;
};

// One published table, as loaded. `basis` says what its counts count (for
// example "deaths registered in the year" or "deaths occurring in the year
// (death cohort)"); figures of different bases are never pooled together.
struct Dataset {
  std::string id;  // e.g. ons_death_cohort_2020_2022
  std::string title;
  std::string basis;
  std::string publisher;     // e.g. Office for National Statistics
  std::string source_file;   // path under data/ it was loaded from
  std::string licence;       // e.g. Open Government Licence v3.0
  std::string attribution;   // the line every output using it must show
  std::string content_hash;  // of the source file, so reloading an unchanged file is a no-op
};

// A count; `value` is empty where the publisher suppressed it or did not
// publish it, and `flag` keeps the publisher's marker ("[x]", "*", ":").
struct AggregateCount {
  std::string dataset_id;
  int year = 0;
  std::string area_code;
  std::string category_type;  // "" for all people; e.g. "Ethnic group"
  std::string category;       // "" or e.g. "Pakistani"
  std::string measure;        // e.g. live_births, infant_deaths
  std::optional<double> value;
  std::string flag;
};

struct DatasetImport {
  Dataset dataset;
  std::vector<Area> areas;
  std::vector<AggregateCount> counts;
};

}  // namespace cradle::store
