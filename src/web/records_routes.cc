#include "web/records_routes.h"

#include <algorithm>
#include <cstdio>
#include <kainjow/mustache.hpp>
#include <unordered_map>

#include "accounts/user.h"
#include "base/strings.h"
#include "indicators/period.h"
#include "records/codes.h"
#include "web/app.h"
#include "web/params.h"

namespace cradle::web {

namespace mustache = kainjow::mustache;

struct RecordsRoutes::Template {
  std::unique_ptr<mustache::mustache> page;
};

namespace {

constexpr int kPageSize = 50;

// What the analyst asked for, read and checked; each field empty when the
// filter is not used. `page` is 1-based.
struct Filters {
  std::optional<indicators::Period> period;
  int ward = -1;  // index into the frame's wards
  std::string ward_code;
  std::string lsoa;
  std::string ethnic_group;
  bool died_only = false;
  int page = 1;
};

// A parameter's value, "" when absent: an empty value is what a form sends
// for "any", so it means the filter is off.
std::string Param(const Query& query, const std::string& name) {
  auto found = query.find(name);
  return found == query.end() ? "" : std::string(Trim(found->second));
}

Result<Filters> ReadFilters(const Query& query, const inequalities::RecordFrame* frame, bool csv) {
  if (csv) {
    CRADLE_RETURN_IF_ERROR(
        CheckParameterNames(query, {"period", "ward", "lsoa", "ethnic_group", "died"}));
  } else {
    CRADLE_RETURN_IF_ERROR(
        CheckParameterNames(query, {"period", "ward", "lsoa", "ethnic_group", "died", "page"}));
  }
  Filters filters;
  if (std::string period = Param(query, "period"); !period.empty()) {
    // Period::Parse's message already begins "period '…'".
    CRADLE_ASSIGN_OR_RETURN(filters.period, indicators::Period::Parse(period));
  }
  if (std::string ward = Param(query, "ward"); !ward.empty()) {
    if (frame) {
      for (size_t i = 0; i < frame->wards.size(); ++i) {
        if (frame->wards[i].code == ward) filters.ward = static_cast<int>(i);
      }
    }
    if (filters.ward < 0) {
      return Status::InvalidArgument("ward: '" + ward +
                                     "' is not the code of a ward in the store (E05…)");
    }
    filters.ward_code = ward;
  }
  if (std::string lsoa = Param(query, "lsoa"); !lsoa.empty()) {
    bool known = false;
    if (frame) {
      for (const inequalities::Lsoa& one : frame->lsoas) known = known || one.code == lsoa;
    }
    if (!known) {
      return Status::InvalidArgument("lsoa: '" + lsoa +
                                     "' is not the code of an LSOA in the store (E01…)");
    }
    filters.lsoa = lsoa;
  }
  if (std::string group = Param(query, "ethnic_group"); !group.empty()) {
    if (!records::FindEthnicGroup(group)) {
      return Status::InvalidArgument("ethnic_group: '" + group +
                                     "' is not an ethnic group code (e.g. asian_pakistani; the "
                                     "codes are in docs/data-formats.md)");
    }
    filters.ethnic_group = group;
  }
  if (std::string died = Param(query, "died"); !died.empty()) {
    if (died != "yes") {
      return Status::InvalidArgument("died: '" + died + "' is not 'yes' (leave it out for all)");
    }
    filters.died_only = true;
  }
  if (!csv) {
    CRADLE_ASSIGN_OR_RETURN(filters.page, IntParam(query, "page", 1, 1000000, 1));
  }
  return filters;
}

bool Matches(const RecordsRoutes::Row& row, const Filters& filters) {
  if (filters.period) {
    int year = row.birth.date_of_birth.year();
    if (year < filters.period->first_year || year > filters.period->last_year()) return false;
  }
  if (filters.ward >= 0 && row.ward != filters.ward) return false;
  if (!filters.lsoa.empty() && row.birth.lsoa21 != filters.lsoa) return false;
  if (!filters.ethnic_group.empty() && row.birth.ethnic_group != filters.ethnic_group) {
    return false;
  }
  if (filters.died_only && !row.death) return false;
  return true;
}

// The filters as a query string (without '?' or page), for links that keep
// them and for the audit entry.
std::string EncodeComponent(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> FilterPairs(const Filters& filters) {
  std::vector<std::pair<std::string, std::string>> pairs;
  if (filters.period) pairs.emplace_back("period", filters.period->Label());
  if (!filters.ward_code.empty()) pairs.emplace_back("ward", filters.ward_code);
  if (!filters.lsoa.empty()) pairs.emplace_back("lsoa", filters.lsoa);
  if (!filters.ethnic_group.empty()) pairs.emplace_back("ethnic_group", filters.ethnic_group);
  if (filters.died_only) pairs.emplace_back("died", "yes");
  return pairs;
}

std::string FilterQuery(const Filters& filters) {
  std::string query;
  for (const auto& [name, value] : FilterPairs(filters)) {
    query += (query.empty() ? "" : "&") + name + "=" + EncodeComponent(value);
  }
  return query;
}

// "period=2020-22 died=yes" or "no filters": what the audit entry says was asked.
std::string FilterDetail(const Filters& filters) {
  std::string detail;
  for (const auto& [name, value] : FilterPairs(filters)) {
    detail += (detail.empty() ? "" : " ") + name + "=" + value;
  }
  return detail.empty() ? "no filters" : detail;
}

std::string DeathCategoryName(const std::optional<int>& code) {
  if (!code) return "";
  for (const records::DeathCategory& category : records::DeathCategories()) {
    if (category.code == *code) return std::to_string(*code) + " " + std::string(category.name);
  }
  return std::to_string(*code);
}

// RFC 4180: quoted only when needed.
std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  return quoted + "\"";
}

}  // namespace

Result<std::unique_ptr<RecordsRoutes>> RecordsRoutes::Create(const RouteDeps& deps) {
  std::unique_ptr<RecordsRoutes> routes(new RecordsRoutes(deps));
  CRADLE_ASSIGN_OR_RETURN(routes->template_->page,
                          LoadTemplate(deps.data_dir + "/web/templates/records.mustache"));
  return routes;
}

RecordsRoutes::RecordsRoutes(const RouteDeps& deps)
    : deps_(deps), template_(std::make_unique<Template>()) {}

RecordsRoutes::~RecordsRoutes() = default;

bool RecordsRoutes::Handles(std::string_view path) const {
  return path == "/records" || path == "/records.csv";
}

Status RecordsRoutes::LoadRows() {
  if (loaded_) return Status::Ok();
  // The record frame holds the births compactly but without their ids or the
  // category of death, which the analyst needs: the store is read once here.
  std::unordered_map<std::string, int> lsoa_ward;
  if (deps_.data.records) {
    for (const inequalities::Lsoa& lsoa : deps_.data.records->frame.lsoas) {
      lsoa_ward[lsoa.code] = lsoa.ward;
    }
  }
  std::vector<Row> rows;
  CRADLE_RETURN_IF_ERROR(deps_.store.ForEachBirth([&](const records::BirthRecord& birth) {
    Row row{birth, std::nullopt, -1};
    auto ward = lsoa_ward.find(birth.lsoa21);
    if (ward != lsoa_ward.end()) row.ward = ward->second;
    rows.push_back(std::move(row));
  }));
  std::unordered_map<std::string, size_t> by_id;
  by_id.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) by_id[rows[i].birth.birth_id] = i;
  Status orphan = Status::Ok();
  CRADLE_RETURN_IF_ERROR(deps_.store.ForEachDeath([&](const records::DeathRecord& death) {
    auto found = by_id.find(death.birth_id);
    // Imports refuse a death without its birth; one here is a broken store.
    if (found == by_id.end()) {
      if (orphan.ok()) orphan = Status::Internal("a stored death has no stored birth");
      return;
    }
    rows[found->second].death = death;
  }));
  CRADLE_RETURN_IF_ERROR(orphan);
  rows_ = std::move(rows);
  loaded_ = true;
  return Status::Ok();
}

Response RecordsRoutes::Handle(const Request& request, const RequestContext& context,
                               const FormFields& /*form*/) {
  const PageRenderer& renderer = deps_.renderer;
  if (auto refused = RequireRole(context, {accounts::Role::kAnalyst}, request, renderer)) {
    return std::move(*refused);
  }
  if (!Reads(request)) return NotAllowed(request.method, "GET, HEAD");
  const bool csv = request.path == "/records.csv";
  const inequalities::RecordFrame* frame =
      deps_.data.records ? &deps_.data.records->frame : nullptr;
  auto filters = ReadFilters(request.query, frame, csv);
  if (!filters.ok()) return renderer.RenderError(400, filters.status().message() + ".");
  if (Status loaded = LoadRows(); !loaded.ok()) {
    return renderer.RenderError(500, "Cannot read the records just now.");
  }
  std::vector<const Row*> selected;
  for (const Row& row : rows_) {
    if (Matches(row, *filters)) selected.push_back(&row);
  }
  const int64_t total = static_cast<int64_t>(selected.size());
  const int64_t pages = std::max<int64_t>(1, (total + kPageSize - 1) / kPageSize);
  const int64_t first =
      csv ? 0 : std::min<int64_t>(total, (filters->page - 1) * int64_t{kPageSize});
  const int64_t end = csv ? total : std::min<int64_t>(total, first + kPageSize);
  const int64_t returned = end - first;

  // The entry is written before a single record leaves: a read the log cannot
  // hold is a read that does not happen.
  const accounts::User& user = context.session->user;
  std::string detail = FilterDetail(*filters) +
                       (csv ? "" : " page=" + std::to_string(filters->page)) + "; " +
                       std::to_string(returned) + " of " + std::to_string(total) + " rows";
  auto entry = deps_.log.Record({accounts::ActorOf(user, request.client_address),
                                 csv ? "records.export" : "records.read", "births",
                                 csv ? "records.csv" : "", detail});
  if (!entry.ok()) {
    return renderer.RenderError(
        500, "The records are not shown: this read could not be written to the audit log.");
  }

  auto ward_name = [&](const Row& row) -> std::string {
    if (!frame || row.ward < 0) return "";
    return frame->wards[static_cast<size_t>(row.ward)].name;
  };
  if (csv) {
    std::string text =
        "pseudonymous_id,date_of_birth,lsoa21,ward,ethnic_group,mother_age_band,"
        "gestation_weeks,birthweight_grams,died_in_infancy,date_of_death,age_at_death_days,"
        "category_of_death\r\n";
    for (int64_t i = first; i < end; ++i) {
      const Row& row = *selected[static_cast<size_t>(i)];
      const records::BirthRecord& birth = row.birth;
      text += CsvField(birth.birth_id) + "," + birth.date_of_birth.ToString() + "," +
              CsvField(birth.lsoa21) + "," + CsvField(ward_name(row)) + "," +
              CsvField(birth.ethnic_group) + "," + CsvField(birth.mother_age_band) + "," +
              std::to_string(birth.gestation_weeks) + "," +
              std::to_string(birth.birthweight_grams) + "," + (row.death ? "Y" : "N") + ",";
      if (row.death) {
        text += row.death->date_of_death.ToString() + "," +
                std::to_string(row.death->age_at_death_days) + "," +
                CsvField(DeathCategoryName(row.death->category_of_death));
      } else {
        text += ",,";
      }
      text += "\r\n";
    }
    Response response = Response::Text(200, "text/csv; charset=utf-8", std::move(text));
    response.headers.emplace_back("Content-Disposition",
                                  "attachment; filename=\"cradle-records.csv\"");
    return response;
  }

  mustache::data data;
  bool synthetic = false;
  mustache::data list(mustache::data::type::list);
  for (int64_t i = first; i < end; ++i) {
    const Row& row = *selected[static_cast<size_t>(i)];
    const records::BirthRecord& birth = row.birth;
    synthetic = synthetic || records::IsSyntheticId(birth.birth_id);
    mustache::data one;
    one.set("id", birth.birth_id);
    one.set("date_of_birth", birth.date_of_birth.ToString());
    one.set("lsoa", birth.lsoa21);
    one.set("ward", ward_name(row));
    one.set("ethnic_group", birth.ethnic_group);
    one.set("mother_age_band", birth.mother_age_band);
    one.set("gestation_weeks", std::to_string(birth.gestation_weeks));
    one.set("birthweight_grams", std::to_string(birth.birthweight_grams));
    if (row.death) {
      one.set("died", true);
      one.set("date_of_death", row.death->date_of_death.ToString());
      one.set("age_at_death_days", std::to_string(row.death->age_at_death_days));
      one.set("category_of_death", DeathCategoryName(row.death->category_of_death));
    } else {
      one.set("died", false);
    }
    list.push_back(one);
  }
  data.set("rows", list);
  data.set("has_rows", returned > 0);
  data.set("synthetic", synthetic || (frame && frame->synthetic_records > 0));
  data.set("total", WithThousands(total));
  data.set("from", WithThousands(returned > 0 ? first + 1 : 0));
  data.set("to", WithThousands(end));
  data.set("page", std::to_string(filters->page));
  data.set("pages", WithThousands(pages));
  data.set("beyond_last", total > 0 && returned == 0);
  const std::string kept = FilterQuery(*filters);
  const std::string prefix = "/records?" + (kept.empty() ? "" : kept + "&");
  if (filters->page > 1) {
    data.set("previous",
             prefix + "page=" + std::to_string(std::min<int64_t>(filters->page - 1, pages)));
  }
  if (filters->page < pages) data.set("next", prefix + "page=" + std::to_string(filters->page + 1));
  data.set("csv", "/records.csv" + (kept.empty() ? "" : "?" + kept));
  // The filter form, filled in with what was asked.
  data.set("period", filters->period ? filters->period->Label() : "");
  data.set("lsoa_value", filters->lsoa);
  data.set("died_only", filters->died_only);
  mustache::data wards(mustache::data::type::list);
  if (frame) {
    std::vector<size_t> order(frame->wards.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return frame->wards[a].name < frame->wards[b].name; });
    for (size_t i : order) {
      mustache::data option;
      option.set("code", frame->wards[i].code);
      option.set("name", frame->wards[i].name);
      option.set("selected", static_cast<int>(i) == filters->ward);
      wards.push_back(option);
    }
  }
  data.set("wards", wards);
  mustache::data groups(mustache::data::type::list);
  for (const records::EthnicGroup& group : records::EthnicGroups()) {
    mustache::data option;
    option.set("code", std::string(group.code));
    option.set("name", std::string(group.census_label));
    option.set("selected", group.code == filters->ethnic_group);
    groups.push_back(option);
  }
  data.set("ethnic_groups", groups);
  return renderer.RenderContent(200, "Records", template_->page->render(data));
}

}  // namespace cradle::web
