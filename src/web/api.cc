#include "web/api.h"

#include "indicators/fingertips_export.h"
#include "stats/polarity.h"
#include "web/params.h"

namespace cradle::web {
namespace {

using nlohmann::json;

json Optional(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

json AreaJson(const store::Area& area) {
  return {{"code", area.code},
          {"name", area.name},
          {"type", area.type},
          {"parent_code", area.parent_code ? json(*area.parent_code) : json(nullptr)}};
}

json Attributions(const indicators::Engine& engine,
                  const std::vector<indicators::IndicatorValue>& values) {
  return engine.Attributions(values);
}

Response Areas(const indicators::Engine& engine, const Request& request) {
  if (Status status = CheckParameterNames(request.query, {"q", "type"}); !status.ok()) {
    return JsonError(400, status.message());
  }
  auto q = request.query.find("q");
  auto type = request.query.find("type");
  json areas = json::array();
  if (q != request.query.end() && !q->second.empty()) {
    for (const store::Area* area : engine.SearchAreas(q->second, 50)) {
      if (type == request.query.end() || area->type == type->second)
        areas.push_back(AreaJson(*area));
    }
  } else {
    for (const store::Area& area : engine.areas()) {
      if (type == request.query.end() || area.type == type->second) areas.push_back(AreaJson(area));
    }
  }
  return JsonResponse(200, {{"count", areas.size()}, {"areas", std::move(areas)}});
}

Response Indicators(const indicators::Engine& engine, const Request& request) {
  if (Status status = CheckParameterNames(request.query, {}); !status.ok()) {
    return JsonError(400, status.message());
  }
  json list = json::array();
  for (const indicators::Indicator& indicator : engine.catalogue().indicators()) {
    json periods = json::array();
    for (const indicators::Period& period : engine.Periods(indicator)) {
      periods.push_back(period.Label());
    }
    list.push_back({{"id", indicator.id},
                    {"fingertips_id", indicator.fingertips_id},
                    {"name", indicator.name},
                    {"definition", indicator.definition},
                    {"unit", indicator.unit},
                    {"multiplier", indicator.multiplier},
                    {"polarity", stats::PolarityName(indicator.polarity)},
                    {"ci_method", indicator.CiMethodLabel()},
                    {"decimals", indicator.decimals},
                    {"periods", std::move(periods)}});
  }
  return JsonResponse(200, {{"indicators", std::move(list)}});
}

Response Values(const indicators::Engine& engine, const Request& request) {
  if (Status status =
          CheckParameterNames(request.query, {"indicator", "area", "period", "breakdown"});
      !status.ok()) {
    return JsonError(400, status.message());
  }
  auto indicator = IndicatorParam(engine, request.query);
  if (!indicator.ok()) return JsonError(400, indicator.status().message());
  auto area = AreaParam(engine, request.query);
  if (!area.ok()) return JsonError(400, area.status().message());
  auto period = PeriodParam(engine, **indicator, request.query);
  if (!period.ok()) return JsonError(400, period.status().message());

  std::vector<indicators::IndicatorValue> values;
  auto breakdown = request.query.find("breakdown");
  if (breakdown == request.query.end() || breakdown->second.empty() || breakdown->second == "all") {
    values.push_back(engine.Compute(**indicator, (*area)->code, *period));
  } else {
    std::vector<indicators::Breakdown> breakdowns = engine.Breakdowns(**indicator, *period);
    std::string types;
    for (const indicators::Breakdown& one : breakdowns) {
      if (types.find(one.type) == std::string::npos)
        types += (types.empty() ? "" : ", ") + one.type;
      if (one.type == breakdown->second) {
        values.push_back(engine.Compute(**indicator, (*area)->code, *period, one));
      }
    }
    if (values.empty()) {
      return JsonError(400, "breakdown: " + (*indicator)->id + " has no breakdown '" +
                                breakdown->second + "' for " + period->Label() +
                                (types.empty() ? "; it has none" : "; it has: all, " + types));
    }
  }
  json list = json::array();
  for (const auto& value : values) list.push_back(ValueJson(engine, value));
  return JsonResponse(
      200, {{"values", std::move(list)}, {"attributions", Attributions(engine, values)}});
}

Response Comparisons(const indicators::Engine& engine, const Request& request) {
  if (Status status = CheckParameterNames(request.query, {"area", "period"}); !status.ok()) {
    return JsonError(400, status.message());
  }
  auto area = AreaParam(engine, request.query);
  if (!area.ok()) return JsonError(400, area.status().message());
  auto headline = IndicatorParam(engine, {});
  if (!headline.ok()) return JsonError(500, headline.status().message());
  auto period = PeriodParam(engine, **headline, request.query);
  if (!period.ok()) return JsonError(400, period.status().message());
  std::vector<indicators::IndicatorValue> values = engine.Profile((*area)->code, *period);
  json list = json::array();
  for (const auto& value : values) list.push_back(ValueJson(engine, value));
  return JsonResponse(200, {{"area", AreaJson(**area)},
                            {"period", period->Label()},
                            {"comparator", "E92000001"},
                            {"comparisons", std::move(list)},
                            {"attributions", Attributions(engine, values)}});
}

Response Rankings(const indicators::Engine& engine, const Request& request) {
  if (Status status = CheckParameterNames(request.query, {"indicator", "period", "region"});
      !status.ok()) {
    return JsonError(400, status.message());
  }
  auto indicator = IndicatorParam(engine, request.query);
  if (!indicator.ok()) return JsonError(400, indicator.status().message());
  auto period = PeriodParam(engine, **indicator, request.query);
  if (!period.ok()) return JsonError(400, period.status().message());
  std::string region;
  if (auto found = request.query.find("region"); found != request.query.end()) {
    auto area = engine.ResolveArea(found->second);
    if (!area.ok() || (*area)->type != "Region") {
      return JsonError(400, "region: '" + found->second +
                                "' is not an English region (a code E12… or its name)");
    }
    region = (*area)->code;
  }
  std::vector<indicators::IndicatorValue> ranked = engine.Rank(**indicator, *period);
  json list = json::array();
  std::vector<indicators::IndicatorValue> shown;
  for (const auto& value : ranked) {
    const store::Area* area = engine.FindArea(value.area_code);
    if (!region.empty() && !(area && area->parent_code == region)) continue;
    list.push_back(ValueJson(engine, value));
    shown.push_back(value);
  }
  return JsonResponse(200, {{"indicator", (*indicator)->id},
                            {"period", period->Label()},
                            {"count", list.size()},
                            {"values", std::move(list)},
                            {"attributions", Attributions(engine, shown)}});
}

}  // namespace

json ValueJson(const indicators::Engine& engine, const indicators::IndicatorValue& value) {
  const store::Area* area = engine.FindArea(value.area_code);
  bool shown = value.has_value();
  json out = {
      {"indicator", value.indicator ? value.indicator->id : ""},
      {"area_code", value.area_code},
      {"area_name", area ? area->name : ""},
      {"period", value.period.Label()},
      {"breakdown", value.breakdown.all() ? json(nullptr)
                                          : json{{"type", value.breakdown.type},
                                                 {"category", value.breakdown.category}}},
      {"value", shown ? json(value.ci95->value) : json(nullptr)},
      {"lower_ci_95", shown ? json(value.ci95->ci.lower) : json(nullptr)},
      {"upper_ci_95", shown ? json(value.ci95->ci.upper) : json(nullptr)},
      {"lower_ci_99_8", shown && value.ci998 ? json(value.ci998->ci.lower) : json(nullptr)},
      {"upper_ci_99_8", shown && value.ci998 ? json(value.ci998->ci.upper) : json(nullptr)},
      {"count", value.suppressed ? json(nullptr) : Optional(value.count)},
      {"denominator", value.suppressed ? json(nullptr) : Optional(value.denominator)},
      {"england_value", Optional(value.comparator_value)},
      {"compared_to_england", indicators::ComparedLabel(value)},
      {"rank", value.rank ? json(*value.rank) : json(nullptr)},
      {"rank_of", value.rank_of},
      {"suppressed", value.suppressed},
      {"value_note", indicators::ValueNote(value)},
      {"dataset", value.dataset_id},
  };
  return out;
}

Response JsonResponse(int status, const nlohmann::json& body) {
  return Response::Text(status, "application/json",
                        body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n");
}

Response JsonError(int status, const std::string& message) {
  return JsonResponse(status, {{"error", message}});
}

Response HandleApi(const indicators::Engine& engine, const Request& request) {
  const std::string& path = request.path;
  if (path == "/api/v1/areas") return Areas(engine, request);
  if (path == "/api/v1/indicators") return Indicators(engine, request);
  if (path == "/api/v1/values") return Values(engine, request);
  if (path == "/api/v1/comparisons") return Comparisons(engine, request);
  if (path == "/api/v1/rankings") return Rankings(engine, request);
  return JsonError(
      404, "no such endpoint: " + path + " (see /api/v1/openapi.json for what the API offers)");
}

}  // namespace cradle::web
