#include "indicators/count_cube.h"

#include <functional>

namespace cradle::indicators {

size_t SeriesKeyHash::operator()(const SeriesKey& key) const {
  std::hash<std::string> h;
  size_t seed = h(key.dataset_id);
  for (const std::string* part :
       {&key.area_code, &key.category_type, &key.category, &key.measure}) {
    seed ^= h(*part) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
  }
  return seed;
}

CountCube::CountCube(const std::vector<store::AggregateCount>& counts) {
  for (const store::AggregateCount& count : counts) {
    SeriesKey key{count.dataset_id, count.area_code, count.category_type, count.category,
                  count.measure};
    series_[key][count.year] = count.value;
    DatasetIndex& index = datasets_[count.dataset_id];
    index.years.insert(count.year);
    index.measures.insert(count.measure);
    if (count.category.empty()) {
      index.areas.insert(count.area_code);
    } else {
      index.categories.insert({count.category_type, count.category});
    }
  }
}

Cell CountCube::Get(const SeriesKey& key, int year) const {
  auto series = series_.find(key);
  if (series == series_.end()) return {};
  auto cell = series->second.find(year);
  if (cell == series->second.end()) return {};
  return {true, cell->second};
}

namespace {
template <typename T>
const T& Empty() {
  static const T kEmpty;
  return kEmpty;
}
}  // namespace

const std::set<int>& CountCube::Years(const std::string& dataset_id) const {
  auto it = datasets_.find(dataset_id);
  return it == datasets_.end() ? Empty<std::set<int>>() : it->second.years;
}

const std::set<std::string>& CountCube::Areas(const std::string& dataset_id) const {
  auto it = datasets_.find(dataset_id);
  return it == datasets_.end() ? Empty<std::set<std::string>>() : it->second.areas;
}

const std::set<std::pair<std::string, std::string>>& CountCube::Categories(
    const std::string& dataset_id) const {
  auto it = datasets_.find(dataset_id);
  return it == datasets_.end() ? Empty<std::set<std::pair<std::string, std::string>>>()
                               : it->second.categories;
}

const std::set<std::string>& CountCube::Measures(const std::string& dataset_id) const {
  auto it = datasets_.find(dataset_id);
  return it == datasets_.end() ? Empty<std::set<std::string>>() : it->second.measures;
}

}  // namespace cradle::indicators
