#include "indicators/count_cube.h"

#include <algorithm>

namespace cradle::indicators {

void Series::Set(int year, std::optional<double> value) {
  auto it = std::lower_bound(years_.begin(), years_.end(), year,
                             [](const auto& entry, int y) { return entry.first < y; });
  if (it != years_.end() && it->first == year) {
    it->second = value;
  } else {
    years_.insert(it, {year, value});
  }
}

Cell Series::Get(int year) const {
  auto it = std::lower_bound(years_.begin(), years_.end(), year,
                             [](const auto& entry, int y) { return entry.first < y; });
  if (it == years_.end() || it->first != year) return {};
  return {true, it->second};
}

const Series* Block::Find(std::string_view measure) const {
  auto it = measures.find(measure);
  return it == measures.end() ? nullptr : &it->second;
}

std::string CountCube::Key(std::string_view dataset_id, std::string_view area_code,
                           std::string_view category_type, std::string_view category) {
  // The unit separator cannot occur in any of the parts.
  std::string key;
  key.reserve(dataset_id.size() + area_code.size() + category_type.size() + category.size() + 3);
  key.append(dataset_id).append(1, '\x1f').append(area_code).append(1, '\x1f');
  key.append(category_type).append(1, '\x1f').append(category);
  return key;
}

CountCube::CountCube(const std::vector<store::AggregateCount>& counts) {
  for (const store::AggregateCount& count : counts) {
    Block& block =
        blocks_[Key(count.dataset_id, count.area_code, count.category_type, count.category)];
    block.measures[count.measure].Set(count.year, count.value);
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

const Block* CountCube::Find(std::string_view dataset_id, std::string_view area_code,
                             std::string_view category_type, std::string_view category) const {
  auto it = blocks_.find(Key(dataset_id, area_code, category_type, category));
  return it == blocks_.end() ? nullptr : &it->second;
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
