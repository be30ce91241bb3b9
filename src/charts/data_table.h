// The data behind a chart or a page section, as a reader would download it:
// a title, column headings, rows of cells and the notes that must travel with
// it (sources, licence attributions, small-number rules). A cell keeps its
// number, when it has one, beside the text shown, so a spreadsheet export
// writes numbers as numbers.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cradle::charts {

struct Cell {
  std::string text;               // as shown, e.g. "7.2" or "3 of 149" or "*"
  std::optional<double> number;   // the full-precision value, when numeric

  Cell() = default;
  Cell(std::string shown) : text(std::move(shown)) {}  // NOLINT: text cells read naturally
  Cell(const char* shown) : text(shown) {}             // NOLINT
  Cell(std::string shown, double value) : text(std::move(shown)), number(value) {}
};

struct DataTable {
  std::string title;
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::string> notes;
};

}  // namespace cradle::charts
