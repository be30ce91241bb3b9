#include "directory/oruk_json.h"

namespace cradle::directory {
namespace {

using nlohmann::json;

// ORUK gives absent values as null, not as empty strings.
json TextOrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }
json IntOrNull(const std::optional<int>& value) { return value ? json(*value) : json(nullptr); }
json NumberOrNull(const std::optional<double>& value) {
  return value ? json(*value) : json(nullptr);
}

json OrganizationJson(const Organization& organization) {
  return {{"id", organization.id},
          {"name", organization.name},
          {"description", organization.description},
          {"email", TextOrNull(organization.email)},
          {"website", TextOrNull(organization.website)},
          {"x-cradle-example", organization.example}};
}

json LocationJson(const Location& location) {
  json addresses = json::array();
  for (const store::Address& address : location.addresses) {
    addresses.push_back({{"id", address.id},
                         {"location_id", location.id},
                         {"address_1", address.address_1},
                         {"address_2", TextOrNull(address.address_2)},
                         {"city", address.city},
                         {"state_province", address.state_province},
                         {"postal_code", address.postal_code},
                         {"country", address.country},
                         {"address_type", address.address_type}});
  }
  return {{"id", location.id},
          {"location_type", location.location_type},
          {"name", TextOrNull(location.name)},
          {"description", TextOrNull(location.description)},
          {"latitude", NumberOrNull(location.latitude)},
          {"longitude", NumberOrNull(location.longitude)},
          {"addresses", std::move(addresses)}};
}

json OneToOneFields(const Service& service, const OrukContext& context) {
  return {{"id", service.id},
          {"organization_id", service.organization_id},
          {"name", service.name},
          {"description", service.description},
          {"url", service.url},
          {"email", TextOrNull(service.email)},
          {"status", service.status},
          {"fees_description", TextOrNull(service.fees_description)},
          {"minimum_age", IntOrNull(service.minimum_age)},
          {"maximum_age", IntOrNull(service.maximum_age)},
          {"assured_date", TextOrNull(service.assured_date)},
          {"assurer_email", TextOrNull(service.assurer_email)},
          {"alert", TextOrNull(service.alert)},
          {"last_modified", service.last_modified},
          {"x-cradle-stale", IsStale(service, context.today)},
          {"x-cradle-example", service.example}};
}

}  // namespace

OrukContext OrukContext::From(const std::vector<Organization>& organizations,
                              const std::vector<TaxonomyTerm>& terms,
                              const std::vector<Taxonomy>& taxonomies, records::Date today) {
  OrukContext context{{}, {}, {}, today};
  for (const Organization& one : organizations) context.organizations[one.id] = one;
  for (const TaxonomyTerm& one : terms) context.terms[one.id] = one;
  for (const Taxonomy& one : taxonomies) context.taxonomies[one.id] = one;
  return context;
}

json TaxonomyJson(const Taxonomy& taxonomy) {
  return {{"id", taxonomy.id},
          {"name", taxonomy.name},
          {"description", taxonomy.description},
          {"uri", TextOrNull(taxonomy.uri)},
          {"version", TextOrNull(taxonomy.version)}};
}

json TaxonomyTermJson(const TaxonomyTerm& term, const OrukContext& context) {
  json out = {{"id", term.id},
              {"code", TextOrNull(term.code)},
              {"name", term.name},
              {"term", term.name},
              {"description", term.description},
              {"parent_id", TextOrNull(term.parent_id)},
              {"taxonomy_id", term.taxonomy_id},
              {"term_uri", TextOrNull(term.term_uri)},
              {"x-cradle-esd-service-type", TextOrNull(term.esd_service_type)}};
  auto taxonomy = context.taxonomies.find(term.taxonomy_id);
  out["taxonomy"] =
      taxonomy == context.taxonomies.end() ? json(nullptr) : json(taxonomy->second.name);
  out["taxonomy_detail"] =
      taxonomy == context.taxonomies.end() ? json(nullptr) : TaxonomyJson(taxonomy->second);
  return out;
}

json FullServiceJson(const Service& service, const OrukContext& context) {
  json out = OneToOneFields(service, context);
  auto organization = context.organizations.find(service.organization_id);
  out["organization"] = organization == context.organizations.end()
                            ? json(nullptr)
                            : OrganizationJson(organization->second);
  json schedules = json::array();
  for (const store::Schedule& one : service.schedules) {
    schedules.push_back({{"id", one.id},
                         {"service_id", service.id},
                         {"freq", TextOrNull(one.freq)},
                         {"byday", TextOrNull(one.byday)},
                         {"opens_at", TextOrNull(one.opens_at)},
                         {"closes_at", TextOrNull(one.closes_at)},
                         {"description", TextOrNull(one.description)}});
  }
  out["schedules"] = std::move(schedules);
  json areas = json::array();
  for (const store::ServiceArea& one : service.service_areas) {
    areas.push_back({{"id", one.id},
                     {"service_id", service.id},
                     {"name", one.name},
                     {"description", TextOrNull(one.description)}});
  }
  out["service_areas"] = std::move(areas);
  json at_locations = json::array();
  for (const ServiceAtLocation& one : service.service_at_locations) {
    at_locations.push_back({{"id", one.id},
                            {"service_id", service.id},
                            {"location_id", one.location.id},
                            {"description", TextOrNull(one.description)},
                            {"location", LocationJson(one.location)}});
  }
  out["service_at_locations"] = std::move(at_locations);
  json languages = json::array();
  for (const store::Language& one : service.languages) {
    languages.push_back({{"id", one.id},
                         {"service_id", service.id},
                         {"name", one.name},
                         {"code", one.code},
                         {"note", TextOrNull(one.note)}});
  }
  out["languages"] = std::move(languages);
  json contacts = json::array();
  for (const Contact& one : service.contacts) {
    json phones = json::array();
    for (const store::Phone& phone : one.phones) {
      phones.push_back({{"id", phone.id},
                        {"contact_id", one.id},
                        {"number", phone.number},
                        {"description", TextOrNull(phone.description)}});
    }
    contacts.push_back({{"id", one.id},
                        {"service_id", service.id},
                        {"name", TextOrNull(one.name)},
                        {"title", TextOrNull(one.title)},
                        {"email", TextOrNull(one.email)},
                        {"phones", std::move(phones)}});
  }
  out["contacts"] = std::move(contacts);
  json costs = json::array();
  for (const store::CostOption& one : service.cost_options) {
    costs.push_back({{"id", one.id},
                     {"service_id", service.id},
                     {"option", TextOrNull(one.option)},
                     {"amount", NumberOrNull(one.amount)},
                     {"currency", one.amount ? json("GBP") : json(nullptr)},
                     {"amount_description", TextOrNull(one.amount_description)}});
  }
  out["cost_options"] = std::move(costs);
  json attributes = json::array();
  for (const Attribute& one : service.attributes) {
    json attribute = {{"id", one.id},
                      {"link_id", service.id},
                      {"link_type", one.link_type},
                      {"link_entity", "service"},
                      {"taxonomy_term_id", one.taxonomy_term_id},
                      {"value", TextOrNull(one.value)}};
    auto term = context.terms.find(one.taxonomy_term_id);
    attribute["taxonomy_term"] =
        term == context.terms.end() ? json(nullptr) : TaxonomyTermJson(term->second, context);
    attributes.push_back(std::move(attribute));
  }
  out["attributes"] = std::move(attributes);
  return out;
}

json ServiceListJson(const ServiceMatch& match, const OrukContext& context) {
  json out = OneToOneFields(*match.service, context);
  if (match.distance_metres) out["x-cradle-distance-metres"] = *match.distance_metres;
  return out;
}

json ServiceAtLocationJson(const ServiceMatch& match, const OrukContext& context) {
  json service = OneToOneFields(*match.service, context);
  json out = {{"id", match.at->id},
              {"service_id", match.service->id},
              {"location_id", match.at->location.id},
              {"description", TextOrNull(match.at->description)},
              {"service", std::move(service)},
              {"location", LocationJson(match.at->location)}};
  if (match.distance_metres) out["x-cradle-distance-metres"] = *match.distance_metres;
  return out;
}

json PageJson(const Page& page, json contents) {
  return {{"total_items", page.total_items},
          {"total_pages", page.total_pages},
          {"page_number", page.page_number},
          {"size", page.size},
          {"first_page", page.first_page},
          {"last_page", page.last_page},
          {"empty", page.empty},
          {"contents", std::move(contents)}};
}

}  // namespace cradle::directory
