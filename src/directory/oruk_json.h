// The directory as Open Referral UK v3 JSON (HSDS 3.0 field names): a service
// fully nested or as a list item, taxonomies, taxonomy terms, services at
// locations and the page envelope. Cradle's own additions are marked with the
// x-cradle- prefix ORUK allows for local extensions: x-cradle-stale (not
// assured for twelve months), x-cradle-example (seed data to be confirmed),
// x-cradle-distance-metres (from the searched point) and, on terms,
// x-cradle-esd-service-type. docs/directory.md gives the whole mapping.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "directory/model.h"
#include "directory/search.h"

namespace cradle::directory {

// What nesting needs beside the service: its organization, its terms and
// their taxonomies, and the day staleness is judged on.
struct OrukContext {
  std::map<std::string, Organization> organizations;
  std::map<std::string, TaxonomyTerm> terms;
  std::map<std::string, Taxonomy> taxonomies;
  records::Date today;

  static OrukContext From(const std::vector<Organization>& organizations,
                          const std::vector<TaxonomyTerm>& terms,
                          const std::vector<Taxonomy>& taxonomies, records::Date today);
};

// /services/{id}: every array and the organization nested.
nlohmann::json FullServiceJson(const Service& service, const OrukContext& context);
// /services list item: the one-to-one fields, with distance when searched
// from a point.
nlohmann::json ServiceListJson(const ServiceMatch& match, const OrukContext& context);
// /service_at_locations list item: its id, service and location in brief.
nlohmann::json ServiceAtLocationJson(const ServiceMatch& match, const OrukContext& context);
nlohmann::json TaxonomyJson(const Taxonomy& taxonomy);
nlohmann::json TaxonomyTermJson(const TaxonomyTerm& term, const OrukContext& context);

// {total_items, total_pages, page_number, size, first_page, last_page, empty,
// contents}.
nlohmann::json PageJson(const Page& page, nlohmann::json contents);

}  // namespace cradle::directory
