#include "web/hotspots_api.h"

#include "base/disclosure.h"
#include "hotspots/cluster_writers.h"
#include "report/statements.h"
#include "web/api.h"
#include "web/hotspot_scans.h"
#include "web/page_parts.h"

namespace cradle::web {
namespace {

using nlohmann::json;

// One cluster object of ClustersJson, or a GeoJSON feature's properties: the
// centre's name beside its code, and a small count hidden together with what
// would give it back beside the expected count (O/E, relative risk, LLR). The
// expected count stays: it is the cluster's births times the overall rate.
void Disclose(json& cluster, const workspace::NeighbourhoodScan& scan, int min_count) {
  const int centre = scan.input.data.IndexOf(cluster["centre"].get<std::string>());
  cluster["centre_name"] = centre >= 0 ? scan.input.names[static_cast<size_t>(centre)] : "";
  const bool hidden = IsSmallCount(cluster["observed"].get<int64_t>(), min_count);
  cluster["suppressed"] = hidden;
  if (!hidden) return;
  for (const char* field : {"observed", "obs_over_exp", "relative_risk", "llr"}) {
    cluster[field] = nullptr;
  }
}

json Notes(const AppData& data, const workspace::NeighbourhoodScan& scan) {
  json notes = json::array();
  // The centroids come from the OS/ONS boundaries: their lines travel too.
  for (const std::string& note : RecordNotes(*data.records, BoundaryAttributions())) {
    notes.push_back(note);
  }
  notes.push_back(report::ClusterMethod(scan));
  return notes;
}

}  // namespace

Response HotspotsApi(const AppData& data, const Request& request) {
  if (Status status = CheckParameterNames(request.query, {"area", "level", "period", "format"});
      !status.ok()) {
    return JsonError(400, status.message());
  }
  std::string format = "json";
  if (auto found = request.query.find("format"); found != request.query.end()) {
    format = found->second;
    if (format != "json" && format != "geojson") {
      return JsonError(400, "format: '" + format + "' is not one of json, geojson");
    }
  }
  if (!data.records) {
    return JsonError(404,
                     "the store holds no record-level births and deaths to scan: import them "
                     "(`cradle import births FILE`) or load the synthetic Leicester");
  }
  auto choice = ReadHotspotChoice(data, request.query);
  if (!choice.ok()) return JsonError(400, choice.status().message());
  auto scan = data.hotspots->Get(data, *choice);
  if (!scan.ok()) {
    const StatusCode code = scan.status().code();
    bool theirs = code == StatusCode::kInvalidArgument || code == StatusCode::kNotFound;
    return JsonError(theirs ? 400 : 500, scan.status().message());
  }
  const workspace::NeighbourhoodScan& result = **scan;
  const int min_count = data.records->disclosure_min_count;
  json body;
  if (format == "geojson") {
    body = hotspots::ClustersGeoJson(result.input.data, result.result);
    for (json& feature : body["features"]) Disclose(feature["properties"], result, min_count);
  } else {
    body = hotspots::ClustersJson(result.input.data, result.result);
    for (json& cluster : body["clusters"]) Disclose(cluster, result, min_count);
  }
  // GeoJSON allows members of its own beside "type" and "features" (RFC 7946
  // §6.1), so both forms say what was scanned and carry their notes.
  body["area"] = result.input.area_code;
  body["level"] = std::string(workspace::ScanLevelName(result.input.level));
  body["period"] = result.input.period.Label();
  body["left_out_births"] = result.input.left_out_births;
  const int64_t left_out_deaths = result.input.left_out_deaths;
  body["left_out_deaths"] =
      IsSmallCount(left_out_deaths, min_count) ? json(nullptr) : json(left_out_deaths);
  body["notes"] = Notes(data, result);
  return JsonResponse(200, body);
}

}  // namespace cradle::web
