// The pages of the web app, each a builder from the data and the query to a
// Page (page.h): Overview, Compare areas, Trends, Inequalities,
// Neighbourhoods, Maternity and Data. A builder gives InvalidArgument for a
// bad parameter, with what was wrong.
#pragma once

#include <span>
#include <string_view>

#include "base/result.h"
#include "web/app.h"
#include "web/page.h"
#include "web/params.h"

namespace cradle::web {

using PageBuilder = Result<Page> (*)(const AppData& data, const Query& query);

struct PageSpec {
  std::string_view slug;   // "" for /, else /<slug>
  std::string_view title;  // in the navigation
  PageBuilder build;
};

std::span<const PageSpec> Pages();

Result<Page> BuildOverview(const AppData& data, const Query& query);
Result<Page> BuildCompare(const AppData& data, const Query& query);
Result<Page> BuildTrends(const AppData& data, const Query& query);
Result<Page> BuildInequalities(const AppData& data, const Query& query);
Result<Page> BuildNeighbourhoods(const AppData& data, const Query& query);
Result<Page> BuildMaternity(const AppData& data, const Query& query);
Result<Page> BuildData(const AppData& data, const Query& query);

}  // namespace cradle::web
