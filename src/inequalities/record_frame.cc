#include "inequalities/record_frame.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "opendata/lsoa_deprivation.h"
#include "records/codes.h"
#include "records/record_types.h"

namespace cradle::inequalities {
namespace {

// Position of `code` in `list`, or an Internal error: imports admit only
// known codes, so an unknown one means the store was changed behind Cradle.
template <typename List, typename Key>
Result<uint8_t> IndexOf(const List& list, std::string_view code, Key key, std::string_view what) {
  for (size_t idx = 0; idx < list.size(); ++idx) {
    if (key(list[idx]) == code) return static_cast<uint8_t>(idx);
  }
  return Status::Internal("the store holds an unknown " + std::string(what) + " '" +
                          std::string(code) + "'");
}

Result<uint8_t> EthnicIndex(std::string_view code) {
  return IndexOf(
      records::EthnicGroups(), code, [](const records::EthnicGroup& group) { return group.code; },
      "ethnic group");
}

}  // namespace

Result<RecordFrame> LoadRecordFrame(store::Store& store) {
  RecordFrame frame;
  std::unordered_map<std::string, int> lsoa_index;
  {
    CRADLE_ASSIGN_OR_RETURN(std::vector<store::Area> areas, store.Areas());
    std::unordered_map<std::string, int> ward_index;
    for (const store::Area& area : areas) {
      if (area.type != "Ward") continue;
      ward_index[area.code] = static_cast<int>(frame.wards.size());
      frame.wards.push_back({area.code, area.name});
    }
    std::unordered_map<std::string, std::string> ward_parent;
    for (const store::Area& area : areas) {
      if (area.type == "Ward") ward_parent[area.code] = area.parent_code.value_or("");
    }
    for (const store::Area& area : areas) {
      if (area.type != "LSOA") continue;
      Lsoa lsoa{area.code, area.name, -1, "", 0};
      if (area.parent_code) {
        auto ward = ward_index.find(*area.parent_code);
        if (ward != ward_index.end()) {
          lsoa.ward = ward->second;
          lsoa.local_authority = ward_parent[*area.parent_code];
        }
      }
      lsoa_index[area.code] = static_cast<int>(frame.lsoas.size());
      frame.lsoas.push_back(std::move(lsoa));
    }
  }
  {
    CRADLE_ASSIGN_OR_RETURN(std::vector<store::AggregateCount> counts, store.Counts());
    for (const store::AggregateCount& count : counts) {
      if (count.dataset_id != opendata::kLsoaDeprivationDataset ||
          count.measure != opendata::kImdDecileMeasure || !count.value) {
        continue;
      }
      auto lsoa = lsoa_index.find(count.area_code);
      if (lsoa != lsoa_index.end()) {
        frame.lsoas[static_cast<size_t>(lsoa->second)].imd_decile = static_cast<int>(*count.value);
      }
    }
    CRADLE_ASSIGN_OR_RETURN(auto dataset, store.FindDataset(opendata::kLsoaDeprivationDataset));
    if (dataset) frame.attributions.push_back(dataset->attribution);
  }

  // Deaths first (few), then each birth picks up its own as it streams past.
  std::unordered_map<std::string, Death> deaths;
  CRADLE_RETURN_IF_ERROR(store.ForEachDeath([&](const records::DeathRecord& death) {
    deaths[death.birth_id] = Death{death.date_of_death, death.age_at_death_days};
    frame.synthetic_records += records::IsSyntheticId(death.birth_id);
  }));
  Status status = Status::Ok();
  std::set<std::string> authorities;
  auto lsoa_of = [&](const std::string& code) {
    auto found = lsoa_index.find(code);
    if (found == lsoa_index.end()) return -1;
    const std::string& authority = frame.lsoas[static_cast<size_t>(found->second)].local_authority;
    if (!authority.empty()) authorities.insert(authority);
    return found->second;
  };
  CRADLE_RETURN_IF_ERROR(store.ForEachBirth([&](const records::BirthRecord& record) {
    if (!status.ok()) return;
    Birth birth;
    birth.date = record.date_of_birth;
    birth.lsoa = lsoa_of(record.lsoa21);
    auto ethnic = EthnicIndex(record.ethnic_group);
    auto age = IndexOf(
        records::MotherAgeBands(), record.mother_age_band,
        [](std::string_view band) { return band; }, "mother's age band");
    if (!ethnic.ok() || !age.ok()) {
      status = !ethnic.ok() ? ethnic.status() : age.status();
      return;
    }
    birth.ethnic_group = *ethnic;
    birth.mother_age = *age;
    birth.gestation_weeks = static_cast<uint8_t>(record.gestation_weeks);
    birth.birthweight_grams = static_cast<uint16_t>(record.birthweight_grams);
    auto death = deaths.find(record.birth_id);
    if (death != deaths.end()) birth.death = death->second;
    frame.synthetic_records += records::IsSyntheticId(record.birth_id);
    frame.births.push_back(birth);
  }));
  CRADLE_RETURN_IF_ERROR(status);
  CRADLE_RETURN_IF_ERROR(store.ForEachBooking([&](const records::BookingRecord& record) {
    if (!status.ok()) return;
    auto ethnic = EthnicIndex(record.ethnic_group);
    if (!ethnic.ok()) {
      status = ethnic.status();
      return;
    }
    frame.bookings.push_back(
        {record.booking_date, lsoa_of(record.lsoa21), *ethnic, record.gestation_at_booking_days});
    frame.synthetic_records += records::IsSyntheticId(record.pregnancy_id);
  }));
  CRADLE_RETURN_IF_ERROR(status);
  frame.local_authorities.assign(authorities.begin(), authorities.end());
  for (const Birth& birth : frame.births) {
    int year = birth.date.year();
    frame.first_year = frame.first_year == 0 ? year : std::min(frame.first_year, year);
    frame.last_year = std::max(frame.last_year, year);
  }
  return frame;
}

}  // namespace cradle::inequalities
