#include "base/private_folder.h"

#include <filesystem>

namespace cradle {

Status MakePrivateFolderFor(const std::string& file_path) {
  std::error_code ec;
  std::filesystem::path folder = std::filesystem::path(file_path).parent_path();
  if (folder.empty() || std::filesystem::exists(folder, ec)) return Status::Ok();
  std::filesystem::create_directories(folder, ec);
  if (ec) return Status::IoError("cannot create " + folder.string() + ": " + ec.message());
  std::filesystem::permissions(folder, std::filesystem::perms::owner_all, ec);
  if (ec) return Status::IoError("cannot make " + folder.string() + " private: " + ec.message());
  return Status::Ok();
}

}  // namespace cradle
