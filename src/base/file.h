// A whole file read into memory: templates, style sheets, a PDF just printed.
#pragma once

#include <string>

#include "base/result.h"

namespace cradle {

// The file's bytes. IoError naming the file if it cannot be opened or read.
Result<std::string> ReadFileBytes(const std::string& path);

}  // namespace cradle
