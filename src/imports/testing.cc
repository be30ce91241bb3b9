#include "imports/testing.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "opendata/area_lookup.h"
#include "opendata/bundled.h"

namespace cradle::imports::testing {

std::unique_ptr<store::Store> StoreWithLsoas(const std::string& name) {
  static std::atomic<int> counter{0};
  auto path = std::filesystem::temp_directory_path() /
              ("cradle_imports_" + name + "_" + std::to_string(::getpid()) + "_" +
               std::to_string(counter++) + ".db");
  std::filesystem::remove(path);
  auto store = store::OpenSqliteStore(path.string());
  if (!store.ok()) return nullptr;
  auto lookup = opendata::ReadLsoaWardLookup(opendata::DefaultDataDir());
  if (!lookup.ok() || !(*store)->ReplaceDataset(*lookup).ok()) return nullptr;
  return std::move(*store);
}

std::string WriteFile(const std::string& name, const std::string& content) {
  auto path = std::filesystem::temp_directory_path() /
              ("cradle_imports_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

std::string BirthRow(const std::string& id, const std::string& date) {
  return id + "," + date + ",E01013600,asian_pakistani,25-29,39,3300,1,N,N,N,N,18.5-24.9\n";
}

}  // namespace cradle::imports::testing
