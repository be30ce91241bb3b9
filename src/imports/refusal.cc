#include "imports/refusal.h"

namespace cradle::imports {

std::string RefusalMessage(const std::string& path, const RefusedRows& refused,
                           std::string_view advice) {
  std::string message = std::to_string(refused.error_count) + " error" +
                        (refused.error_count == 1 ? "" : "s") + " in " +
                        std::to_string(refused.rows_with_errors) + " of " +
                        std::to_string(refused.rows_read) + " rows of " + path +
                        "; nothing was imported" + std::string(advice) + ":";
  for (const records::FieldError& error : refused.listed) {
    message += "\n  " + records::FormatFieldError(path, error);
  }
  const auto listed = static_cast<int64_t>(refused.listed.size());
  if (refused.error_count > listed) {
    message += "\n  … and " + std::to_string(refused.error_count - listed) + " more";
  }
  return message;
}

}  // namespace cradle::imports
