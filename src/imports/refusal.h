// The one way an import says it refused a file: how many errors in how many
// rows, that nothing was imported, then each error as "FILE: row N, column
// 'C': reason" (the first few, and how many more).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "records/record_types.h"

namespace cradle::imports {

struct RefusedRows {
  std::vector<records::FieldError> listed;  // the errors to show
  int64_t error_count = 0;                  // all of them
  int64_t rows_with_errors = 0;
  int64_t rows_read = 0;
};

// `advice` follows "nothing was imported", e.g. " (use --skip-invalid …)".
std::string RefusalMessage(const std::string& path, const RefusedRows& refused,
                           std::string_view advice = "");

}  // namespace cradle::imports
