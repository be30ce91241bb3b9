// The JSON API under /api/v1: areas, indicators, values by area, period and
// breakdown, comparisons with England, rankings of upper-tier authorities
// (and hotspots, from the records: hotspots_api.h).
// Described by data/web/openapi.json (served at /api/v1/openapi.json); a
// test checks the two agree. Every value carries its intervals, its
// comparison and the licence attribution of its data. A bad parameter gives
// 400 with {"error": "…"} saying what was wrong.
//
// Not thread-safe: the engine caches on first use; the app serialises calls.
#pragma once

#include <nlohmann/json.hpp>

#include "indicators/engine.h"
#include "web/http_message.h"

namespace cradle::web {

// The response to a request whose path starts /api/v1/ (404 JSON for an
// unknown endpoint).
Response HandleApi(const indicators::Engine& engine, const Request& request);

// One value as the API and the pages' tables give it.
nlohmann::json ValueJson(const indicators::Engine& engine, const indicators::IndicatorValue& value);

Response JsonResponse(int status, const nlohmann::json& body);
Response JsonError(int status, const std::string& message);

}  // namespace cradle::web
