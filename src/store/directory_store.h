// How the service directory is persisted (store/directory_model.h holds the
// values). Every write is one transaction: a service and everything nested in
// it land together or not at all. The caller passes the time of a write
// (`modified_at`, ISO 8601 UTC with milliseconds) so tests can fix the clock.
// Validation of the values themselves (ids, statuses, ages) is directory/'s
// job; this layer refuses only what would break the tables' references.
// Used from one thread at a time, like the Store it comes from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/audit_store.h"
#include "store/directory_model.h"

namespace cradle::store {

class DirectoryStore {
 public:
  virtual ~DirectoryStore() = default;

  // Adds or replaces a taxonomy and its terms (terms may name parents among
  // themselves in any order). InvalidData if a term's parent is unknown.
  virtual Status UpsertTaxonomy(const Taxonomy& taxonomy,
                                const std::vector<TaxonomyTerm>& terms) = 0;

  virtual Status UpsertOrganization(const Organization& organization) = 0;

  // Stores a new service with everything nested in it, last_modified set to
  // `modified_at`; its locations are added or updated. InvalidArgument if the
  // id is taken; NotFound if its organization or a taxonomy term is unknown.
  // The writes below take an optional audit seal: its entry is appended in
  // the same transaction, so the change never lands without it (nor it
  // without the change). The caller records the log's head once committed.
  virtual Status CreateService(const Service& service, std::string_view modified_at,
                               const AuditSeal* audit = nullptr) = 0;

  // Replaces a stored service and everything nested in it, setting
  // last_modified to `modified_at`. NotFound if there is no such service (or
  // its organization or a term is unknown).
  virtual Status UpdateService(const Service& service, std::string_view modified_at,
                               const AuditSeal* audit = nullptr) = 0;

  // Records that someone checked the listing: assured_date (YYYY-MM-DD) and
  // assurer_email, and last_modified. NotFound if there is no such service.
  virtual Status AssureService(std::string_view service_id, std::string_view assured_date,
                               std::string_view assurer_email, std::string_view modified_at,
                               const AuditSeal* audit = nullptr) = 0;

  // Loads a whole seed or export in one transaction: taxonomies, terms and
  // organizations upserted; each service created, or updated if its id is
  // stored. A service without last_modified gets `modified_at`.
  virtual Status ImportDirectory(const DirectoryContents& contents, std::string_view modified_at,
                                 const AuditSeal* audit = nullptr) = 0;

  // Every service fully nested, ordered by name then id.
  virtual Result<std::vector<Service>> Services() = 0;
  virtual Result<std::optional<Service>> FindService(std::string_view id) = 0;
  virtual Result<int64_t> CountServices() = 0;
  virtual Result<std::vector<Organization>> Organizations() = 0;
  virtual Result<std::vector<Taxonomy>> Taxonomies() = 0;         // by name
  virtual Result<std::vector<TaxonomyTerm>> TaxonomyTerms() = 0;  // by taxonomy, code, id

  // Replaces the postcode lookup with `centroids` (one transaction); returns
  // how many are stored. InvalidData if a postcode appears twice.
  virtual Result<int64_t> ReplacePostcodes(const std::vector<PostcodeCentroid>& centroids) = 0;
  // `postcode` in normalised form ("LE1 5WW"); empty if not in the lookup.
  virtual Result<std::optional<PostcodeCentroid>> FindPostcode(std::string_view postcode) = 0;
  virtual Result<int64_t> CountPostcodes() = 0;
};

}  // namespace cradle::store
