#include "web/hotspot_scans.h"

#include <set>

#include "web/page_parts.h"

namespace cradle::web {
namespace {

// The local authorities of the LSOA lookup, as "Leicester (E06000016)".
std::string CoveredAuthorities(const AppData& data) {
  std::set<std::string> codes;
  for (const inequalities::Lsoa& lsoa : data.records->frame.lsoas) {
    codes.insert(lsoa.local_authority);
  }
  std::string list;
  for (const std::string& code : codes) {
    list += (list.empty() ? "" : ", ") + AreaName(data.session->engine(), code) + " (" + code + ")";
  }
  return list;
}

}  // namespace

Result<HotspotChoice> ReadHotspotChoice(const AppData& data, const Query& query) {
  const workspace::RecordScope& records = *data.records;
  HotspotChoice choice;
  choice.area_code = records.area_code.empty() ? std::string(kDefaultArea) : records.area_code;
  if (query.count("area")) {
    CRADLE_ASSIGN_OR_RETURN(const store::Area* area, AreaParam(data.session->engine(), query));
    choice.area_code = area->code;
  }
  bool covered = false;
  for (const inequalities::Lsoa& lsoa : records.frame.lsoas) {
    covered = covered || lsoa.local_authority == choice.area_code;
  }
  if (!covered) {
    return Status::InvalidArgument("area: the LSOA lookup covers " + CoveredAuthorities(data) +
                                   ", not " + AreaName(data.session->engine(), choice.area_code) +
                                   " (" + choice.area_code + ")");
  }
  if (auto level = query.find("level"); level != query.end()) {
    CRADLE_ASSIGN_OR_RETURN(choice.level, workspace::ParseScanLevel(level->second));
  }
  const int first = records.frame.first_year, last = records.frame.last_year;
  choice.period = {first, last - first + 1};
  if (auto found = query.find("period"); found != query.end()) {
    auto parsed = indicators::Period::Parse(found->second);
    if (!parsed.ok()) return Status::InvalidArgument("period: " + parsed.status().message());
    if (parsed->first_year < first || parsed->last_year() > last) {
      return Status::InvalidArgument("period: the records hold births from " +
                                     std::to_string(first) + " to " + std::to_string(last) +
                                     ", not " + found->second);
    }
    choice.period = *parsed;
  }
  return choice;
}

Result<std::shared_ptr<const workspace::NeighbourhoodScan>> HotspotScans::Get(
    const AppData& data, const HotspotChoice& choice) {
  const std::string key = choice.area_code + " " +
                          std::string(workspace::ScanLevelName(choice.level)) + " " +
                          choice.period.Label();
  // Held while scanning: a second request for the same scan waits for the
  // first instead of running it again.
  std::lock_guard lock(mutex_);
  if (auto found = scans_.find(key); found != scans_.end()) return found->second;
  const auto& boundaries = choice.level == workspace::ScanLevel::kLsoa ? data.lsoas : data.wards;
  CRADLE_ASSIGN_OR_RETURN(
      auto scan, workspace::ScanNeighbourhoods(data.records->frame, boundaries, choice.area_code,
                                               choice.level, choice.period));
  auto kept = std::make_shared<const workspace::NeighbourhoodScan>(std::move(scan));
  scans_.emplace(key, kept);
  return kept;
}

}  // namespace cradle::web
