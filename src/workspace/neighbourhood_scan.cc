#include "workspace/neighbourhood_scan.h"

#include <map>

namespace cradle::workspace {
namespace {

constexpr std::string_view kLevelNames[] = {"lsoa", "ward"};

bool InPeriod(const records::Date& date, const indicators::Period& period) {
  return date.year() >= period.first_year && date.year() <= period.last_year();
}

struct Counts {
  int64_t births = 0;
  int64_t deaths = 0;
};

// The place of an LSOA at `level`: the LSOA itself or its ward; -1 if it has
// none (an LSOA of the authority whose ward the lookup does not give).
int PlaceOf(const inequalities::RecordFrame& frame, int lsoa, ScanLevel level) {
  return level == ScanLevel::kLsoa ? lsoa : frame.lsoas[static_cast<size_t>(lsoa)].ward;
}

}  // namespace

std::string_view ScanLevelName(ScanLevel level) { return kLevelNames[static_cast<int>(level)]; }

Result<ScanLevel> ParseScanLevel(std::string_view text) {
  if (text == "lsoa") return ScanLevel::kLsoa;
  if (text == "ward") return ScanLevel::kWard;
  return Status::InvalidArgument("level: '" + std::string(text) + "' is not one of lsoa, ward");
}

Result<NeighbourhoodData> MakeNeighbourhoodData(const inequalities::RecordFrame& frame,
                                                const std::vector<geo::Boundary>& boundaries,
                                                const std::string& area_code, ScanLevel level,
                                                const indicators::Period& period) {
  const std::string level_name(ScanLevelName(level));
  // The places of the authority (indices into frame.lsoas or frame.wards).
  std::vector<bool> in_area(level == ScanLevel::kLsoa ? frame.lsoas.size() : frame.wards.size());
  bool any_lsoa = false;
  for (size_t lsoa = 0; lsoa < frame.lsoas.size(); ++lsoa) {
    if (frame.lsoas[lsoa].local_authority != area_code) continue;
    any_lsoa = true;
    int place = PlaceOf(frame, static_cast<int>(lsoa), level);
    if (place >= 0) in_area[static_cast<size_t>(place)] = true;
  }
  if (!any_lsoa) {
    return Status::NotFound("the LSOA lookup has no LSOA in " + area_code +
                            ", so its neighbourhoods cannot be scanned");
  }

  std::vector<Counts> counts(in_area.size());
  NeighbourhoodData out;
  out.area_code = area_code;
  out.level = level;
  out.period = period;
  for (const inequalities::Birth& birth : frame.births) {
    if (!InPeriod(birth.date, period)) continue;
    int place = -1;
    if (birth.lsoa >= 0 &&
        frame.lsoas[static_cast<size_t>(birth.lsoa)].local_authority == area_code) {
      place = PlaceOf(frame, birth.lsoa, level);
    }
    if (place < 0) {
      ++out.left_out_births;
      if (birth.death) ++out.left_out_deaths;
      continue;
    }
    ++counts[static_cast<size_t>(place)].births;
    if (birth.death) ++counts[static_cast<size_t>(place)].deaths;
  }

  std::map<std::string, const geo::Boundary*> boundary_of;
  for (const geo::Boundary& boundary : boundaries) boundary_of[boundary.code] = &boundary;
  std::vector<hotspots::LocationInput> locations;
  std::map<std::string, std::string> name_of;
  int64_t births = 0, deaths = 0;
  for (size_t place = 0; place < in_area.size(); ++place) {
    if (!in_area[place]) continue;
    const std::string& code =
        level == ScanLevel::kLsoa ? frame.lsoas[place].code : frame.wards[place].code;
    auto found = boundary_of.find(code);
    if (found == boundary_of.end() || found->second->rings.empty()) {
      return Status::InvalidData("the " + level_name + " boundaries have no " + code +
                                 ", so it cannot be placed for the scan");
    }
    auto [lon, lat] = geo::Centroid(*found->second);
    locations.push_back(
        {code, lat, lon, counts[place].deaths, static_cast<double>(counts[place].births), 0});
    name_of[code] = level == ScanLevel::kLsoa ? frame.lsoas[place].name : frame.wards[place].name;
    births += counts[place].births;
    deaths += counts[place].deaths;
  }
  if (births == 0) {
    return Status::InvalidArgument("the records hold no live births in " + area_code + " in " +
                                   period.Label());
  }
  if (deaths == 0) {
    return Status::InvalidArgument("no baby born in " + area_code + " in " + period.Label() +
                                   " died in infancy in the records: there is nothing to scan");
  }
  CRADLE_ASSIGN_OR_RETURN(
      out.data,
      hotspots::MakeSpatialData(
          std::move(locations), hotspots::Coordinates::kLatLong, hotspots::ScanModel::kPoisson,
          "infant deaths by " + level_name + ", " + area_code + ", " + period.Label()));
  for (const std::string& id : out.data.ids) out.names.push_back(name_of[id]);
  return out;
}

hotspots::ScanOptions NeighbourhoodScanOptions() {
  hotspots::ScanOptions options;
  options.direction = hotspots::RateDirection::kHigh;
  options.max_window_share = 0.5;
  options.replications = 999;
  options.seed = 12345678;
  return options;
}

Result<NeighbourhoodScan> ScanNeighbourhoods(const inequalities::RecordFrame& frame,
                                             const std::vector<geo::Boundary>& boundaries,
                                             const std::string& area_code, ScanLevel level,
                                             const indicators::Period& period) {
  NeighbourhoodScan scan;
  CRADLE_ASSIGN_OR_RETURN(scan.input,
                          MakeNeighbourhoodData(frame, boundaries, area_code, level, period));
  scan.options = NeighbourhoodScanOptions();
  CRADLE_ASSIGN_OR_RETURN(scan.result, hotspots::SpatialScan(scan.input.data, scan.options));
  return scan;
}

}  // namespace cradle::workspace
