#include "web/oruk_api.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "directory/oruk_json.h"
#include "directory/postcodes.h"
#include "directory/search.h"
#include "web/api.h"
#include "web/params.h"

namespace cradle::web {
namespace {

using nlohmann::json;

constexpr int kDefaultPerPage = 50;
constexpr int kMaxPerPage = 100;
constexpr int kMaxPage = 1'000'000;
constexpr int kOldestAge = 130;
constexpr double kMaxProximityMetres = 100'000;

const std::string* Find(const Query& query, const std::string& name) {
  auto found = query.find(name);
  return found == query.end() ? nullptr : &found->second;
}

struct Paging {
  int page = 1;
  int per_page = kDefaultPerPage;
};

Result<Paging> PagingParams(const Query& query) {
  Paging paging;
  CRADLE_ASSIGN_OR_RETURN(paging.page, IntParam(query, "page", 1, kMaxPage, 1));
  CRADLE_ASSIGN_OR_RETURN(paging.per_page,
                          IntParam(query, "per_page", 1, kMaxPerPage, kDefaultPerPage));
  return paging;
}

Result<double> DegreesParam(const Query& query, const std::string& name, double limit) {
  const std::string* text = Find(query, name);
  auto value = text ? ParseDouble(*text) : std::nullopt;
  if (!value || *value < -limit || *value > limit) {
    return Status::InvalidArgument(name + ": '" + (text ? *text : "") +
                                   "' is not a number of degrees from " +
                                   std::to_string(static_cast<int>(-limit)) + " to " +
                                   std::to_string(static_cast<int>(limit)));
  }
  return *value;
}

// Where distances are measured from: a postcode's centroid (through the
// lookup an admin loaded) or lat and lng; proximity keeps what lies within.
Status ReadPlace(store::DirectoryStore& directory, const Query& query,
                 directory::ServiceQuery& search) {
  const std::string* postcode = Find(query, "postcode");
  const bool has_lat = Find(query, "lat") != nullptr;
  const bool has_lng = Find(query, "lng") != nullptr;
  if (postcode && (has_lat || has_lng)) {
    return Status::InvalidArgument("postcode: give a postcode or lat and lng, not both");
  }
  if (has_lat != has_lng) {
    return Status::InvalidArgument(std::string(has_lat ? "lng" : "lat") +
                                   ": lat and lng come together");
  }
  if (postcode) {
    auto normal = directory::NormalisePostcode(*postcode);
    if (!normal) return Status::InvalidArgument("postcode: '" + *postcode + "' is not a postcode");
    CRADLE_ASSIGN_OR_RETURN(auto centroid, directory.FindPostcode(*normal));
    if (!centroid) {
      return Status::InvalidArgument("postcode: " + *normal +
                                     " is not in the postcode lookup (an admin loads the ONS "
                                     "Postcode Directory with `cradle directory postcodes FILE`)");
    }
    search.near = geo::GeoPoint{centroid->latitude, centroid->longitude};
  } else if (has_lat) {
    CRADLE_ASSIGN_OR_RETURN(double lat, DegreesParam(query, "lat", 90));
    CRADLE_ASSIGN_OR_RETURN(double lng, DegreesParam(query, "lng", 180));
    search.near = geo::GeoPoint{lat, lng};
  }
  if (const std::string* proximity = Find(query, "proximity")) {
    auto metres = ParseDouble(*proximity);
    if (!metres || *metres <= 0 || *metres > kMaxProximityMetres) {
      return Status::InvalidArgument("proximity: '" + *proximity +
                                     "' is not a distance in metres above 0 and at most 100000");
    }
    if (!search.near) {
      return Status::InvalidArgument(
          "proximity: needs a postcode, or lat and lng, to measure from");
    }
    search.proximity_metres = *metres;
  }
  return Status::Ok();
}

Result<directory::ServiceQuery> SearchParams(store::DirectoryStore& directory, const Query& query,
                                             const std::vector<store::TaxonomyTerm>& terms,
                                             const std::vector<store::Taxonomy>& taxonomies) {
  directory::ServiceQuery search;
  if (const std::string* text = Find(query, "search")) search.text = *text;
  if (const std::string* term = Find(query, "taxonomy_term_id")) {
    if (std::none_of(terms.begin(), terms.end(),
                     [&](const store::TaxonomyTerm& one) { return one.id == *term; })) {
      return Status::InvalidArgument(
          "taxonomy_term_id: '" + *term +
          "' is not a term of this directory (see /oruk/taxonomy_terms)");
    }
    search.taxonomy_term_id = *term;
  }
  if (const std::string* taxonomy = Find(query, "taxonomy_id")) {
    if (std::none_of(taxonomies.begin(), taxonomies.end(),
                     [&](const store::Taxonomy& one) { return one.id == *taxonomy; })) {
      return Status::InvalidArgument(
          "taxonomy_id: '" + *taxonomy +
          "' is not a taxonomy of this directory (see /oruk/taxonomies)");
    }
    search.taxonomy_id = *taxonomy;
  }
  for (auto [name, field] :
       {std::pair{"age", &search.age}, std::pair{"minimum_age", &search.minimum_age},
        std::pair{"maximum_age", &search.maximum_age}}) {
    if (!Find(query, name)) continue;
    CRADLE_ASSIGN_OR_RETURN(int years, IntParam(query, name, 0, kOldestAge, 0));
    *field = years;
  }
  if (const std::string* status = Find(query, "status")) {
    if (*status == "any") {
      search.status.clear();
    } else if (directory::IsServiceStatus(*status)) {
      search.status = *status;
    } else {
      return Status::InvalidArgument("status: '" + *status +
                                     "' is not one of active, inactive, defunct, temporarily "
                                     "closed, any");
    }
  }
  CRADLE_RETURN_IF_ERROR(ReadPlace(directory, query, search));
  return search;
}

// What every listing needs: the services, the vocabulary and the context.
struct Snapshot {
  std::vector<store::Service> services;
  std::vector<store::TaxonomyTerm> terms;
  std::vector<store::Taxonomy> taxonomies;
  directory::OrukContext context;
};

Result<Snapshot> Read(store::DirectoryStore& directory, records::Date today) {
  Snapshot snapshot;
  CRADLE_ASSIGN_OR_RETURN(snapshot.services, directory.Services());
  CRADLE_ASSIGN_OR_RETURN(snapshot.terms, directory.TaxonomyTerms());
  CRADLE_ASSIGN_OR_RETURN(snapshot.taxonomies, directory.Taxonomies());
  CRADLE_ASSIGN_OR_RETURN(auto organizations, directory.Organizations());
  snapshot.context =
      directory::OrukContext::From(organizations, snapshot.terms, snapshot.taxonomies, today);
  return snapshot;
}

Response Failure(const Status& status) {
  return JsonError(status.code() == StatusCode::kInvalidArgument ? 400 : 500, status.message());
}

// One page of `items` (already in order), each rendered by `render`.
template <typename Item, typename Render>
Response PageOf(const std::vector<Item>& items, const Paging& paging, Render render) {
  directory::Page page =
      directory::Paginate(static_cast<int64_t>(items.size()), paging.page, paging.per_page);
  json contents = json::array();
  for (int64_t i = page.offset; i < page.offset + page.size; ++i) {
    contents.push_back(render(items[static_cast<size_t>(i)]));
  }
  return JsonResponse(200, directory::PageJson(page, std::move(contents)));
}

const std::initializer_list<std::string_view> kSearchParams = {
    "search",      "page",        "per_page", "taxonomy_term_id", "taxonomy_id",
    "minimum_age", "maximum_age", "age",      "status",           "postcode",
    "lat",         "lng",         "proximity"};

Response Services(store::DirectoryStore& directory, const Request& request, records::Date today,
                  bool at_locations) {
  if (Status status = CheckParameterNames(request.query, kSearchParams); !status.ok()) {
    return JsonError(400, status.message());
  }
  auto paging = PagingParams(request.query);
  if (!paging.ok()) return Failure(paging.status());
  auto snapshot = Read(directory, today);
  if (!snapshot.ok()) return Failure(snapshot.status());
  auto search = SearchParams(directory, request.query, snapshot->terms, snapshot->taxonomies);
  if (!search.ok()) return Failure(search.status());
  const directory::OrukContext& context = snapshot->context;
  if (at_locations) {
    auto matches =
        directory::SearchServiceAtLocations(snapshot->services, snapshot->terms, *search);
    return PageOf(matches, *paging, [&](const directory::ServiceMatch& match) {
      return directory::ServiceAtLocationJson(match, context);
    });
  }
  auto matches = directory::SearchServices(snapshot->services, snapshot->terms, *search);
  return PageOf(matches, *paging, [&](const directory::ServiceMatch& match) {
    return directory::ServiceListJson(match, context);
  });
}

Response OneService(store::DirectoryStore& directory, const Request& request, records::Date today,
                    const std::string& id) {
  if (Status status = CheckParameterNames(request.query, {}); !status.ok()) {
    return JsonError(400, status.message());
  }
  auto snapshot = Read(directory, today);
  if (!snapshot.ok()) return Failure(snapshot.status());
  for (const store::Service& service : snapshot->services) {
    if (service.id == id)
      return JsonResponse(200, directory::FullServiceJson(service, snapshot->context));
  }
  return JsonError(404, "there is no service " + id);
}

Response OneServiceAtLocation(store::DirectoryStore& directory, const Request& request,
                              records::Date today, const std::string& id) {
  if (Status status = CheckParameterNames(request.query, {}); !status.ok()) {
    return JsonError(400, status.message());
  }
  auto snapshot = Read(directory, today);
  if (!snapshot.ok()) return Failure(snapshot.status());
  for (const store::Service& service : snapshot->services) {
    for (const store::ServiceAtLocation& at : service.service_at_locations) {
      if (at.id != id) continue;
      json body =
          directory::ServiceAtLocationJson({&service, &at, std::nullopt}, snapshot->context);
      body["service"] = directory::FullServiceJson(service, snapshot->context);
      return JsonResponse(200, body);
    }
  }
  return JsonError(404, "there is no service_at_location " + id);
}

Response Taxonomies(store::DirectoryStore& directory, const Request& request,
                    const std::string& id) {
  if (Status status = CheckParameterNames(
          request.query, id.empty() ? std::initializer_list<std::string_view>{"page", "per_page"}
                                    : std::initializer_list<std::string_view>{});
      !status.ok()) {
    return JsonError(400, status.message());
  }
  auto paging = PagingParams(request.query);
  if (!paging.ok()) return Failure(paging.status());
  auto taxonomies = directory.Taxonomies();
  if (!taxonomies.ok()) return Failure(taxonomies.status());
  if (!id.empty()) {
    for (const store::Taxonomy& one : *taxonomies) {
      if (one.id == id) return JsonResponse(200, directory::TaxonomyJson(one));
    }
    return JsonError(404, "there is no taxonomy " + id);
  }
  return PageOf(*taxonomies, *paging,
                [](const store::Taxonomy& one) { return directory::TaxonomyJson(one); });
}

Response TaxonomyTerms(store::DirectoryStore& directory, const Request& request,
                       records::Date today, const std::string& id) {
  if (Status status = CheckParameterNames(
          request.query,
          id.empty() ? std::initializer_list<std::string_view>{"page", "per_page", "taxonomy_id"}
                     : std::initializer_list<std::string_view>{});
      !status.ok()) {
    return JsonError(400, status.message());
  }
  auto paging = PagingParams(request.query);
  if (!paging.ok()) return Failure(paging.status());
  auto snapshot = Read(directory, today);
  if (!snapshot.ok()) return Failure(snapshot.status());
  std::vector<store::TaxonomyTerm> terms;
  const std::string* taxonomy = Find(request.query, "taxonomy_id");
  for (const store::TaxonomyTerm& one : snapshot->terms) {
    if (!id.empty() && one.id == id) {
      return JsonResponse(200, directory::TaxonomyTermJson(one, snapshot->context));
    }
    if (!taxonomy || one.taxonomy_id == *taxonomy) terms.push_back(one);
  }
  if (!id.empty()) return JsonError(404, "there is no taxonomy term " + id);
  return PageOf(terms, *paging, [&](const store::TaxonomyTerm& one) {
    return directory::TaxonomyTermJson(one, snapshot->context);
  });
}

Response Meta(const Request& request) {
  if (Status status = CheckParameterNames(request.query, {}); !status.ok()) {
    return JsonError(400, status.message());
  }
  return JsonResponse(
      200,
      {{"version", "3.0"},
       {"profile", "https://github.com/openreferral/uk-profile"},
       {"openapi_url",
        "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"},
       {"x-cradle-note",
        "Cradle's service directory for Leicester. Entries marked x-cradle-example are examples "
        "to be confirmed; x-cradle-stale marks a listing not assured for twelve months."}});
}

Response Route(store::DirectoryStore& directory, const Request& request, records::Date today) {
  const std::string& path = request.path;
  if (path == "/oruk" || path == "/oruk/") return Meta(request);
  // /oruk/<collection> or /oruk/<collection>/<id>
  const std::string rest = path.substr(std::string("/oruk/").size());
  const size_t slash = rest.find('/');
  const std::string collection = rest.substr(0, slash);
  const std::string id = slash == std::string::npos ? "" : rest.substr(slash + 1);
  const bool has_id = slash != std::string::npos;
  if (has_id && (id.empty() || id.find('/') != std::string::npos)) {
    return JsonError(404, "there is nothing at " + path);
  }
  if (collection == "services") {
    return has_id ? OneService(directory, request, today, id)
                  : Services(directory, request, today, false);
  }
  if (collection == "service_at_locations") {
    return has_id ? OneServiceAtLocation(directory, request, today, id)
                  : Services(directory, request, today, true);
  }
  if (collection == "taxonomies") return Taxonomies(directory, request, id);
  if (collection == "taxonomy_terms") return TaxonomyTerms(directory, request, today, id);
  return JsonError(404, "there is nothing at " + path +
                            "; the ORUK API has /oruk/services, /oruk/service_at_locations, "
                            "/oruk/taxonomies and /oruk/taxonomy_terms");
}

}  // namespace

bool IsOrukPath(const std::string& path) { return path == "/oruk" || StartsWith(path, "/oruk/"); }

Response HandleOruk(store::DirectoryStore& directory, const Request& request, records::Date today) {
  Response response;
  if (request.method != "GET" && request.method != "HEAD") {
    response = JsonError(405, request.method + " is not allowed: the ORUK API only reads");
    response.headers.emplace_back("Allow", "GET, HEAD");
  } else {
    response = Route(directory, request, today);
  }
  response.headers.emplace_back("Access-Control-Allow-Origin", "*");
  return response;
}

}  // namespace cradle::web
