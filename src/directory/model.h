// The rules of a directory listing, over the values of store/directory_model.h:
// which statuses Open Referral UK allows, what a valid id, date, time and age
// are, and when a listing is stale (not assured for twelve months, or never).
// Admin edits and the seed loader both validate through here, so a listing
// breaks the same rule with the same message wherever it comes from.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "records/date.h"
#include "store/directory_model.h"

namespace cradle::directory {

using store::Attribute;
using store::Contact;
using store::DirectoryContents;
using store::Location;
using store::Organization;
using store::PostcodeCentroid;
using store::Service;
using store::ServiceAtLocation;
using store::Taxonomy;
using store::TaxonomyTerm;

// ORUK's service.status values, in the order its schema lists them.
const std::vector<std::string>& ServiceStatuses();
bool IsServiceStatus(std::string_view status);

// A UUID in its canonical 8-4-4-4-12 hexadecimal form (any version), as ORUK
// requires for ids.
bool IsUuid(std::string_view text);

// What is wrong with a service, one sentence per problem, each starting with
// the field's path inside the service ("status: 'open' is not one of …",
// "schedules[0].byday: …"); empty when it may be stored. Checks the fields'
// own rules only; whether its organization and terms exist is the store's.
std::vector<std::string> ServiceProblems(const Service& service);
std::vector<std::string> OrganizationProblems(const Organization& organization);
std::vector<std::string> TaxonomyTermProblems(const TaxonomyTerm& term);

// A listing is stale when it was never assured, or when twelve months or more
// have passed since assured_date (on `today`, the anniversary itself counts:
// assured 2025-03-01 is stale from 2026-03-01; 29 February runs to 28 February).
bool IsStale(const Service& service, records::Date today);

// ORUK's last_modified: ISO 8601 UTC with milliseconds, "2026-11-27T07:55:08.123Z".
std::string FormatTimestamp(std::chrono::system_clock::time_point when);
std::string NowTimestamp();

}  // namespace cradle::directory
