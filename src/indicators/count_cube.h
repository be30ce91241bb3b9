// An in-memory index of the store's aggregate counts, so the engine can pool
// and compare thousands of values without going back to the database. Counts
// are grouped into blocks, one per dataset × area × category, each holding its
// measures' yearly series; a caller finds a block once and then reads
// measures and years from it without hashing strings again. Built once per
// command; read-only afterwards (safe to share between threads).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/model.h"

namespace cradle::indicators {

// What a cell holds: absent (no row), present but suppressed or not published
// (empty value), or a number.
struct Cell {
  bool present = false;
  std::optional<double> value;
};

// One measure's values by year.
class Series {
 public:
  void Set(int year, std::optional<double> value);
  Cell Get(int year) const;

 private:
  std::vector<std::pair<int, std::optional<double>>> years_;  // sorted by year
};

// The counts of one dataset for one area and category.
struct Block {
  std::map<std::string, Series, std::less<>> measures;
  const Series* Find(std::string_view measure) const;
};

class CountCube {
 public:
  explicit CountCube(const std::vector<store::AggregateCount>& counts);

  // The block of a dataset, area and category ("" for all people), or null.
  const Block* Find(std::string_view dataset_id, std::string_view area_code,
                    std::string_view category_type, std::string_view category) const;

  // The years the dataset covers (for any area or measure).
  const std::set<int>& Years(const std::string& dataset_id) const;
  // The areas with any count in the dataset (no category).
  const std::set<std::string>& Areas(const std::string& dataset_id) const;
  // The categories of the dataset: (type, category) pairs, empty if none.
  const std::set<std::pair<std::string, std::string>>& Categories(
      const std::string& dataset_id) const;
  // The measures the dataset holds.
  const std::set<std::string>& Measures(const std::string& dataset_id) const;

 private:
  static std::string Key(std::string_view dataset_id, std::string_view area_code,
                         std::string_view category_type, std::string_view category);
  struct DatasetIndex {
    std::set<int> years;
    std::set<std::string> areas;
    std::set<std::pair<std::string, std::string>> categories;
    std::set<std::string> measures;
  };
  std::unordered_map<std::string, Block> blocks_;
  std::map<std::string, DatasetIndex> datasets_;
};

}  // namespace cradle::indicators
