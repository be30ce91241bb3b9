#include "base/file.h"

#include <fstream>
#include <sstream>

namespace cradle {

Result<std::string> ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read " + path);
  return bytes.str();
}

}  // namespace cradle
