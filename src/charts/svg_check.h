// Test-only checks of chart output, shared by the charts tests: a small XML
// well-formedness checker (tags balance, attributes quoted, entities known),
// element counting by class, and attribute extraction. libxml2 is not a
// dependency, and these checks are what browser tests will rely on.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cradle::charts::testing {

struct Element {
  std::string name;
  std::map<std::string, std::string> attrs;  // values unescaped
  std::string text;                          // direct text content, unescaped
  std::vector<size_t> children;              // indices into the element list
};

struct ParsedSvg {
  bool ok = false;
  std::string error;
  std::vector<Element> elements;  // document order; [0] is the root
};

// Parses `xml` (no DTD, no CDATA, no processing instructions).
ParsedSvg ParseXml(std::string_view xml);

// Elements whose class attribute contains `class_name` as a word.
std::vector<const Element*> ByClass(const ParsedSvg& doc, std::string_view class_name);

// Text of the <title> child of `element`, or "" if none.
std::string TitleOf(const ParsedSvg& doc, const Element& element);

// All text content in the document, joined by "\n".
std::string AllText(const ParsedSvg& doc);

// The rules every chart follows, as a list of broken ones (empty when all
// hold): well-formed XML; root <svg> with the SVG namespace, viewBox, width,
// height, role="img" and aria-labelledby naming a <title> and a <desc> that
// exist; unique ids; no style attribute and no <style> element (the pages'
// Content-Security-Policy forbids inline styles); every cradle-point,
// cradle-bar and cradle-area has a data-value or is marked as having none,
// and a <title> tooltip.
std::vector<std::string> BrokenChartRules(std::string_view svg);

}  // namespace cradle::charts::testing
