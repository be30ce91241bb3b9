// The service directory's records as plain values, named and shaped after Open
// Referral UK v3 (the UK profile of HSDS 3.0; docs/directory.md): an
// organization runs services; a service is offered at locations
// (service_at_location), on schedules, in languages, to service areas, and is
// tagged with taxonomy terms through attributes. Rules about the values
// (which statuses exist, when a listing is stale, what a valid id is) live in
// directory/, not here; this header is only the vocabulary the store persists.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cradle::store {

struct Organization {
  std::string id;  // uuid
  std::string name;
  std::string description;
  std::string email;
  std::string website;
  bool example = false;  // x-cradle-example: seed data to be confirmed
};

struct Taxonomy {
  std::string id;    // uuid
  std::string name;  // e.g. the CURIE prefix "Leicester:IM"
  std::string description;
  std::string uri;
  std::string version;
};

struct TaxonomyTerm {
  std::string id;  // uuid
  std::string taxonomy_id;
  std::string parent_id;  // empty at the top of the hierarchy
  std::string code;       // the CURIE, e.g. "Leicester:IM:safe-sleep"
  std::string name;
  std::string description;
  std::string term_uri;
  // x-cradle-esd-service-type: the LGA Services List (esd) service type this
  // local term maps to, by label; empty when none fits.
  std::string esd_service_type;
};

// Links a service to a taxonomy term; link_type says why (e.g. "service_type",
// "eligibility", "intended_audience").
struct Attribute {
  std::string id;
  std::string taxonomy_term_id;
  std::string link_type;
  std::string value;
};

struct Address {
  std::string id;
  std::string address_1;
  std::string address_2;
  std::string city;
  std::string state_province;
  std::string postal_code;
  std::string country = "GB";
  std::string address_type = "physical";
};

struct Location {
  std::string id;
  std::string name;
  std::string description;
  std::string location_type = "physical";
  std::optional<double> latitude;  // WGS 84
  std::optional<double> longitude;
  std::vector<Address> addresses;
};

struct ServiceAtLocation {
  std::string id;
  std::string description;
  Location location;
};

// RFC 5545-style recurrence: freq WEEKLY with byday "MO,WE" and the opening
// hours, or only a description for what a rule cannot say.
struct Schedule {
  std::string id;
  std::string freq;
  std::string byday;
  std::string opens_at;  // HH:MM or HH:MM:SS
  std::string closes_at;
  std::string description;
};

struct ServiceArea {
  std::string id;
  std::string name;
  std::string description;
};

struct Language {
  std::string id;
  std::string name;
  std::string code;  // ISO 639
  std::string note;
};

struct Phone {
  std::string id;
  std::string number;
  std::string description;
};

struct Contact {
  std::string id;
  std::string name;
  std::string title;
  std::string email;
  std::vector<Phone> phones;
};

struct CostOption {
  std::string id;
  std::string option;
  std::optional<double> amount;
  std::string amount_description;
};

// A service fully nested, as /oruk/services/{id} gives it.
struct Service {
  std::string id;  // uuid
  std::string organization_id;
  std::string name;
  std::string description;
  std::string url;
  std::string email;
  std::string status;  // active | inactive | defunct | temporarily closed
  std::string fees_description;
  std::optional<int> minimum_age;  // years; babies are 0
  std::optional<int> maximum_age;
  std::string assured_date;  // YYYY-MM-DD, empty if never assured
  std::string assurer_email;
  std::string alert;
  std::string last_modified;  // ISO 8601 UTC with milliseconds
  bool example = false;       // x-cradle-example
  std::vector<Schedule> schedules;
  std::vector<ServiceArea> service_areas;
  std::vector<ServiceAtLocation> service_at_locations;
  std::vector<Language> languages;
  std::vector<Contact> contacts;
  std::vector<CostOption> cost_options;
  std::vector<Attribute> attributes;
};

// A postcode's centroid, as the ONS Postcode Directory gives it (pcds, lat,
// long); postcode in its normalised form ("LE1 5WW").
struct PostcodeCentroid {
  std::string postcode;
  double latitude = 0;
  double longitude = 0;
};

// What a seed or an export carries: everything the directory holds.
struct DirectoryContents {
  std::vector<Taxonomy> taxonomies;
  std::vector<TaxonomyTerm> taxonomy_terms;
  std::vector<Organization> organizations;
  std::vector<Service> services;
};

}  // namespace cradle::store
