// Plain-text tables for the terminal: columns padded to their widest cell,
// numbers right-aligned, a rule under the header. No colour, so output pipes
// cleanly into files and other programs.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace cradle::cli {

class TextTable {
 public:
  enum class Align { kLeft, kRight };
  struct Column {
    std::string title;
    Align align = Align::kLeft;
  };

  explicit TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {}

  // REQUIRES: cells.size() == number of columns.
  void AddRow(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  void Print(std::ostream& out) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// Display width of UTF-8 text (code points, not bytes), for "–" and "©".
size_t DisplayWidth(const std::string& text);

}  // namespace cradle::cli
