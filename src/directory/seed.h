// The directory's JSON file (data/directory/seed.json is one): taxonomies,
// taxonomy_terms, organizations and services, each in Open Referral UK's
// field names with services fully nested (docs/directory.md). Reading checks
// every entry against directory/model.h's rules and the file's own
// references (a term's taxonomy and parent, a service's organization and
// terms) and reports every problem with the file and its JSON path
// ("seed.json: $.services[2].status: 'open' is not one of …"), so nothing is
// stored from a file with a mistake in it.
#pragma once

#include <string>

#include "base/result.h"
#include "directory/model.h"
#include "store/directory_store.h"

namespace cradle::directory {

// `file` names the text in messages. InvalidData listing every problem, one
// a line, if the JSON is malformed or any entry breaks a rule.
Result<DirectoryContents> ParseDirectoryJson(const std::string& text, const std::string& file);

// Reads and parses `path`; IoError if it cannot be read.
Result<DirectoryContents> ReadDirectoryFile(const std::string& path);

// The seed bundled with Cradle: data/directory/seed.json.
std::string DefaultSeedPath();

// What loading a file did.
struct SeedLoad {
  bool loaded = false;  // false: the directory already held services
  int64_t services = 0;
  int64_t taxonomy_terms = 0;
};

// Loads `path` into the directory in one transaction.
Result<SeedLoad> LoadDirectoryFile(store::DirectoryStore& directory, const std::string& path,
                                   const std::string& modified_at);

// As LoadDirectoryFile, but only when the directory holds no service yet: what
// `cradle serve` and the directory commands do with the bundled seed, as they
// do with the bundled open data.
Result<SeedLoad> LoadSeedIfEmpty(store::DirectoryStore& directory, const std::string& path,
                                 const std::string& modified_at);

}  // namespace cradle::directory
