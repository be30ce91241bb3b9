// Secrets kept outside the database (the pseudonym key, the audit log's head)
// live in a folder only its owner can enter.
#pragma once

#include <string>

#include "base/result.h"

namespace cradle {

// Creates the folder that holds `file_path`, if absent, with owner-only
// permissions (0700). An existing folder is left as it is. IoError naming the
// folder if it cannot be made.
Status MakePrivateFolderFor(const std::string& file_path);

}  // namespace cradle
