#include "directory/search.h"

#include <algorithm>
#include <map>

#include "base/strings.h"

namespace cradle::directory {
namespace {

using TermIndex = std::map<std::string, const TaxonomyTerm*>;

// True if `term_id` is `wanted` or lies beneath it. The walk stops after as
// many steps as there are terms, so a cycle in bad data cannot hang it.
bool IsWithin(const TermIndex& index, std::string term_id, const std::string& wanted) {
  for (size_t steps = 0; steps <= index.size() && !term_id.empty(); ++steps) {
    if (term_id == wanted) return true;
    auto found = index.find(term_id);
    if (found == index.end()) return false;
    term_id = found->second->parent_id;
  }
  return false;
}

// Name, description and the names and codes of its terms, in lower case.
std::string Haystack(const Service& service, const TermIndex& index) {
  std::string text = ToLower(service.name) + "\n" + ToLower(service.description);
  for (const Attribute& attribute : service.attributes) {
    auto found = index.find(attribute.taxonomy_term_id);
    if (found == index.end()) continue;
    text += "\n" + ToLower(found->second->name) + "\n" + ToLower(found->second->code);
  }
  return text;
}

bool AdmitsAge(const Service& service, int age) {
  return (!service.minimum_age || *service.minimum_age <= age) &&
         (!service.maximum_age || age <= *service.maximum_age);
}

bool Matches(const Service& service, const TermIndex& index, const ServiceQuery& query,
             const std::vector<std::string>& words) {
  if (!query.status.empty() && service.status != query.status) return false;
  if (query.age && !AdmitsAge(service, *query.age)) return false;
  if (query.minimum_age && !(service.minimum_age && *service.minimum_age >= *query.minimum_age)) {
    return false;
  }
  if (query.maximum_age && !(service.maximum_age && *service.maximum_age <= *query.maximum_age)) {
    return false;
  }
  if (!query.taxonomy_term_id.empty() &&
      std::none_of(service.attributes.begin(), service.attributes.end(), [&](const Attribute& a) {
        return IsWithin(index, a.taxonomy_term_id, query.taxonomy_term_id);
      })) {
    return false;
  }
  if (!query.taxonomy_id.empty() &&
      std::none_of(service.attributes.begin(), service.attributes.end(), [&](const Attribute& a) {
        auto found = index.find(a.taxonomy_term_id);
        return found != index.end() && found->second->taxonomy_id == query.taxonomy_id;
      })) {
    return false;
  }
  if (!words.empty()) {
    const std::string haystack = Haystack(service, index);
    for (const std::string& word : words) {
      if (haystack.find(word) == std::string::npos) return false;
    }
  }
  return true;
}

std::optional<double> DistanceTo(const Location& location, const ServiceQuery& query) {
  if (!query.near || !location.latitude || !location.longitude) return std::nullopt;
  return geo::GreatCircleMetres(*query.near, {*location.latitude, *location.longitude});
}

// Drops what lies beyond the proximity and orders the rest.
std::vector<ServiceMatch> Arrange(std::vector<ServiceMatch> matches, const ServiceQuery& query) {
  if (query.near && query.proximity_metres) {
    std::erase_if(matches, [&](const ServiceMatch& match) {
      return !match.distance_metres || *match.distance_metres > *query.proximity_metres;
    });
  }
  std::stable_sort(
      matches.begin(), matches.end(), [&](const ServiceMatch& a, const ServiceMatch& b) {
        if (query.near && a.distance_metres.has_value() != b.distance_metres.has_value()) {
          return a.distance_metres.has_value();
        }
        if (query.near && a.distance_metres && *a.distance_metres != *b.distance_metres) {
          return *a.distance_metres < *b.distance_metres;
        }
        if (a.service->name != b.service->name) return a.service->name < b.service->name;
        return a.service->id < b.service->id;
      });
  return matches;
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  for (const std::string& word : Split(ToLower(text), ' ')) {
    if (!Trim(word).empty()) words.emplace_back(Trim(word));
  }
  return words;
}

TermIndex IndexTerms(const std::vector<TaxonomyTerm>& terms) {
  TermIndex index;
  for (const TaxonomyTerm& term : terms) index[term.id] = &term;
  return index;
}

}  // namespace

std::vector<ServiceMatch> SearchServices(const std::vector<Service>& services,
                                         const std::vector<TaxonomyTerm>& terms,
                                         const ServiceQuery& query) {
  const TermIndex index = IndexTerms(terms);
  const std::vector<std::string> words = Words(query.text);
  std::vector<ServiceMatch> matches;
  for (const Service& service : services) {
    if (!Matches(service, index, query, words)) continue;
    ServiceMatch match{&service, nullptr, std::nullopt};
    for (const ServiceAtLocation& at : service.service_at_locations) {
      auto distance = DistanceTo(at.location, query);
      if (distance && (!match.distance_metres || *distance < *match.distance_metres)) {
        match.distance_metres = distance;
      }
    }
    matches.push_back(match);
  }
  return Arrange(std::move(matches), query);
}

std::vector<ServiceMatch> SearchServiceAtLocations(const std::vector<Service>& services,
                                                   const std::vector<TaxonomyTerm>& terms,
                                                   const ServiceQuery& query) {
  const TermIndex index = IndexTerms(terms);
  const std::vector<std::string> words = Words(query.text);
  std::vector<ServiceMatch> matches;
  for (const Service& service : services) {
    if (!Matches(service, index, query, words)) continue;
    for (const ServiceAtLocation& at : service.service_at_locations) {
      matches.push_back({&service, &at, DistanceTo(at.location, query)});
    }
  }
  return Arrange(std::move(matches), query);
}

Page Paginate(int64_t total_items, int64_t page_number, int64_t per_page) {
  Page page;
  page.total_items = total_items;
  page.total_pages = (total_items + per_page - 1) / per_page;
  page.page_number = page_number;
  page.offset = std::min(total_items, (page_number - 1) * per_page);
  page.size = std::max<int64_t>(0, std::min(per_page, total_items - page.offset));
  page.first_page = page_number == 1;
  page.last_page = page_number >= page.total_pages;
  page.empty = page.size == 0;
  return page;
}

}  // namespace cradle::directory
