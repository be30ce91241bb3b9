// Dates and optional values in SQLite columns, as every store table keeps
// them: a date as its ISO text (NULL when there is none). Internal to store/.
#pragma once

#include <optional>

#include "records/date.h"
#include "store/sqlite.h"

namespace cradle::store::internal {

inline std::optional<records::Date> OptionalDate(const Statement& stmt, int column) {
  if (stmt.ColumnIsNull(column)) return std::nullopt;
  return records::Date::Parse(stmt.ColumnText(column));
}

inline void BindDate(Statement& stmt, int index, const std::optional<records::Date>& date) {
  if (date) {
    stmt.Bind(index, date->ToString());
  } else {
    stmt.BindNull(index);
  }
}

}  // namespace cradle::store::internal
