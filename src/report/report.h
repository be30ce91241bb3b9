// The scrutiny report as plain data: "Reducing Infant Mortality in <area>"
// for the scrutiny commission, in the structure of the Leicester paper —
// summary, context, top modifiable factors, late booking, the CDOP
// recommendations, the action plan by theme, equalities and data notes. Each
// section holds statements (sentences generated from the figures, with the
// claims they make: statement.h), charts from charts/ and the tables behind
// them. render.h turns it into HTML through an editable template.
#pragma once

#include <string>
#include <vector>

#include "charts/data_table.h"
#include "report/statement.h"

namespace cradle::report {

struct Figure {
  std::string svg;          // from charts/, trusted markup
  charts::DataTable table;  // what the chart draws
};

// A part of a section under its own sub-heading (none for the first): the
// sentences, then the figures they describe and any tables that stand alone.
struct Block {
  std::string heading;
  std::vector<Statement> statements;
  std::vector<Figure> figures;
  std::vector<charts::DataTable> tables;
};

struct ReportSection {
  std::string id;  // "summary", "context", "factors", "booking", ...
  std::string heading;
  std::vector<Block> blocks;

  // The block being written, begun if there is none.
  Block& Current();
  // Begins a block under `sub_heading`.
  void Begin(std::string sub_heading);
  void Say(Statement statement) { Current().statements.push_back(std::move(statement)); }
  void Draw(Figure figure) { Current().figures.push_back(std::move(figure)); }
  void Tabulate(charts::DataTable table) { Current().tables.push_back(std::move(table)); }
  std::vector<const Statement*> Statements() const;
};

struct Report {
  std::string title;     // "Reducing infant mortality in Leicester"
  std::string subtitle;  // "Report to the scrutiny commission: 2022-24"
  std::string area_code;
  std::string area_name;
  std::string period;            // "2022-24"
  std::string generated;         // the date it was made, "2026-11-27"
  std::string synthetic_notice;  // "" unless records behind it are synthetic
  std::vector<ReportSection> sections;
  std::vector<std::string> attributions;  // every licence line of the data shown, no repeats
};

// Every statement of the report, section by section.
std::vector<const Statement*> AllStatements(const Report& report);

}  // namespace cradle::report
