// A page of the web app as plain data — title, sections each with its text,
// chart and the table behind it, the notes it must carry — built by one of
// the page builders (pages.h) and turned into HTML by the templates
// (page_renderer.h). Keeping the two apart lets the report reuse sections.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/data_table.h"

namespace cradle::web {

struct Section {
  std::string id;  // unique on the page; the table downloads as /data/<page>-<id>.csv
  std::string heading;
  std::vector<std::string> paragraphs;  // plain text, escaped when rendered
  std::string svg;                      // from charts/, trusted markup
  std::optional<charts::DataTable> table;
  // Whether the table shows open or folded away under its summary. Unset:
  // open when there is no chart, folded under one (the data behind it). Set
  // open for a short table that is the section's finding, folded for a long
  // list that only backs one up.
  std::optional<bool> table_open = std::nullopt;
};

// A choice in the page's form: <select name=…> with its options.
struct Choice {
  std::string name;                                          // query parameter
  std::string label;                                         // shown
  std::vector<std::pair<std::string, std::string>> options;  // value, label
  std::string selected;
};

struct Page {
  std::string slug;  // "" for the overview, else e.g. "compare"
  std::string title;
  std::vector<std::string> intro;
  std::vector<Choice> choices;
  std::vector<Section> sections;
  std::vector<std::string> notes;  // synthetic-data notice, small-number rule, attributions
};

}  // namespace cradle::web
