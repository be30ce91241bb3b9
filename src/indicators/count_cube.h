// An in-memory index of the store's aggregate counts, keyed by dataset × area ×
// category × measure × year, so the engine can pool and compare thousands of
// values without going back to the database. Built once per command.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "store/model.h"

namespace cradle::indicators {

struct SeriesKey {
  std::string dataset_id;
  std::string area_code;
  std::string category_type;
  std::string category;
  std::string measure;
  bool operator==(const SeriesKey&) const = default;
};

struct SeriesKeyHash {
  size_t operator()(const SeriesKey& key) const;
};

// What a cell holds: absent (no row), present but suppressed/not published
// (empty value), or a number.
struct Cell {
  bool present = false;
  std::optional<double> value;
};

class CountCube {
 public:
  explicit CountCube(const std::vector<store::AggregateCount>& counts);

  Cell Get(const SeriesKey& key, int year) const;

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
  struct DatasetIndex {
    std::set<int> years;
    std::set<std::string> areas;
    std::set<std::pair<std::string, std::string>> categories;
    std::set<std::string> measures;
  };
  std::unordered_map<SeriesKey, std::map<int, std::optional<double>>, SeriesKeyHash> series_;
  std::map<std::string, DatasetIndex> datasets_;
};

}  // namespace cradle::indicators
