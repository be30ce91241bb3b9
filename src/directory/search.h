// Finding services for a family: free text, taxonomy, age, status and distance
// from a point, over the services as the store gives them (a directory is
// hundreds of listings, not millions, so this filters in memory), and ORUK's
// page arithmetic.
//
// Ages follow ORUK's parameters: minimum_age=N keeps services whose
// minimum_age is at least N, maximum_age=N those whose maximum_age is at most
// N; Cradle's age=N (a child of N whole years; a baby is 0) keeps services
// whose range admits N, a missing bound admitting everyone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "directory/model.h"
#include "geo/great_circle.h"

namespace cradle::directory {

struct ServiceQuery {
  std::string text;              // every word in name, description or a term (any case)
  std::string taxonomy_term_id;  // the term or any term beneath it
  std::string taxonomy_id;       // any term of this taxonomy
  std::optional<int> age;
  std::optional<int> minimum_age;
  std::optional<int> maximum_age;
  std::string status = "active";           // empty: any status
  std::optional<geo::GeoPoint> near;       // distances are measured from here
  std::optional<double> proximity_metres;  // REQUIRES: near; keeps those within
};

// One service, or one service at one location, that matched.
struct ServiceMatch {
  const Service* service = nullptr;
  const ServiceAtLocation* at = nullptr;  // set for service_at_location searches
  std::optional<double> distance_metres;  // from query.near to the nearest location
};

// Services matching every filter: nearest first when query.near is set (those
// without coordinates last), else by name. Pointers refer into `services`.
std::vector<ServiceMatch> SearchServices(const std::vector<Service>& services,
                                         const std::vector<TaxonomyTerm>& terms,
                                         const ServiceQuery& query);

// The same filters, one match per service at a location, distance measured
// to that location.
std::vector<ServiceMatch> SearchServiceAtLocations(const std::vector<Service>& services,
                                                   const std::vector<TaxonomyTerm>& terms,
                                                   const ServiceQuery& query);

// ORUK's page envelope for `total_items` split into pages of `per_page`,
// showing page `page_number` (1-based). A page beyond the last is empty.
struct Page {
  int64_t total_items = 0;
  int64_t total_pages = 0;
  int64_t page_number = 1;
  int64_t size = 0;  // items on this page
  bool first_page = true;
  bool last_page = true;
  bool empty = true;
  int64_t offset = 0;  // index of the page's first item
};
// REQUIRES: page_number >= 1, per_page >= 1.
Page Paginate(int64_t total_items, int64_t page_number, int64_t per_page);

}  // namespace cradle::directory
