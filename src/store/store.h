// The one interface Cradle persists through. The embedded SQLite backend is the
// default (OpenSqliteStore); a PostgreSQL backend for multi-user deployments
// will implement the same interface. Every write is one transaction: all of an
// import lands or none of it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/model.h"

namespace cradle::store {

class Store {
 public:
  virtual ~Store() = default;

  // Replaces every count of `import.dataset.id` with `import.counts` and
  // upserts its areas, in one transaction. InvalidData (and no change at all)
  // if a count names an area that neither the import nor the store has, or two
  // counts share a key.
  virtual Status ReplaceDataset(const DatasetImport& import) = 0;

  virtual Result<std::optional<Dataset>> FindDataset(std::string_view id) = 0;
  virtual Result<std::vector<Dataset>> Datasets() = 0;
  virtual Result<std::vector<Area>> Areas() = 0;
  // Every aggregate count, ordered by dataset, area, category, measure, year.
  virtual Result<std::vector<AggregateCount>> Counts() = 0;
};

// Opens or creates the SQLite store at `path` and brings its schema up to date.
// IoError if the file cannot be opened or is not a Cradle store.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

// Where the store lives when no --db is given: $XDG_DATA_HOME/cradle/cradle.db,
// else $HOME/.local/share/cradle/cradle.db. The folder is created if absent.
Result<std::string> DefaultStorePath();

}  // namespace cradle::store
