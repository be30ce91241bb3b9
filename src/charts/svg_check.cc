#include "charts/svg_check.h"

#include <cctype>
#include <set>
#include <sstream>

namespace cradle::charts::testing {
namespace {

bool Unescape(std::string_view raw, std::string& out, std::string& error) {
  out.clear();
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '<') {
      error = "raw < in text or attribute";
      return false;
    }
    if (raw[i] != '&') {
      out += raw[i];
      continue;
    }
    size_t semi = raw.find(';', i);
    if (semi == std::string_view::npos) {
      error = "unterminated entity";
      return false;
    }
    std::string_view entity = raw.substr(i + 1, semi - i - 1);
    if (entity == "amp")
      out += '&';
    else if (entity == "lt")
      out += '<';
    else if (entity == "gt")
      out += '>';
    else if (entity == "quot")
      out += '"';
    else if (entity == "apos")
      out += '\'';
    else {
      error = "unknown entity &" + std::string(entity) + ";";
      return false;
    }
    i = semi;
  }
  return true;
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' ||
         c == '.';
}

}  // namespace

ParsedSvg ParseXml(std::string_view xml) {
  ParsedSvg doc;
  std::vector<size_t> stack;
  size_t pos = 0;
  auto fail = [&](const std::string& why) {
    doc.ok = false;
    doc.error = why + " at offset " + std::to_string(pos);
    return doc;
  };
  while (pos < xml.size()) {
    size_t lt = xml.find('<', pos);
    std::string_view text =
        xml.substr(pos, lt == std::string_view::npos ? xml.size() - pos : lt - pos);
    std::string unescaped, error;
    if (!Unescape(text, unescaped, error)) return fail(error);
    if (!stack.empty())
      doc.elements[stack.back()].text += unescaped;
    else if (text.find_first_not_of(" \n\r\t") != std::string_view::npos)
      return fail("text outside root");
    if (lt == std::string_view::npos) break;
    pos = lt + 1;
    if (pos < xml.size() && xml[pos] == '/') {
      size_t gt = xml.find('>', pos);
      if (gt == std::string_view::npos) return fail("unterminated end tag");
      std::string name(xml.substr(pos + 1, gt - pos - 1));
      if (stack.empty() || doc.elements[stack.back()].name != name) {
        return fail("mismatched </" + name + ">");
      }
      stack.pop_back();
      pos = gt + 1;
      continue;
    }
    size_t name_end = pos;
    while (name_end < xml.size() && IsNameChar(xml[name_end])) ++name_end;
    if (name_end == pos) return fail("bad tag name");
    if (stack.empty() && !doc.elements.empty()) return fail("second root element");
    Element element;
    element.name = std::string(xml.substr(pos, name_end - pos));
    pos = name_end;
    bool self_closing = false;
    while (true) {
      while (pos < xml.size() && std::isspace(static_cast<unsigned char>(xml[pos]))) ++pos;
      if (pos >= xml.size()) return fail("unterminated tag");
      if (xml[pos] == '>') {
        ++pos;
        break;
      }
      if (xml.substr(pos, 2) == "/>") {
        pos += 2;
        self_closing = true;
        break;
      }
      size_t attr_end = pos;
      while (attr_end < xml.size() && IsNameChar(xml[attr_end])) ++attr_end;
      if (attr_end == pos || attr_end + 1 >= xml.size() || xml[attr_end] != '=' ||
          xml[attr_end + 1] != '"') {
        return fail("attribute not name=\"value\"");
      }
      std::string attr_name(xml.substr(pos, attr_end - pos));
      size_t close = xml.find('"', attr_end + 2);
      if (close == std::string_view::npos) return fail("unterminated attribute");
      std::string value;
      if (!Unescape(xml.substr(attr_end + 2, close - attr_end - 2), value, error))
        return fail(error);
      if (element.attrs.count(attr_name)) return fail("duplicate attribute " + attr_name);
      element.attrs[attr_name] = value;
      pos = close + 1;
    }
    size_t index = doc.elements.size();
    if (!stack.empty()) doc.elements[stack.back()].children.push_back(index);
    doc.elements.push_back(std::move(element));
    if (!self_closing) stack.push_back(index);
  }
  if (!stack.empty()) return fail("unclosed <" + doc.elements[stack.back()].name + ">");
  if (doc.elements.empty()) return fail("no root element");
  doc.ok = true;
  return doc;
}

std::vector<const Element*> ByClass(const ParsedSvg& doc, std::string_view class_name) {
  std::vector<const Element*> found;
  for (const Element& element : doc.elements) {
    auto it = element.attrs.find("class");
    if (it == element.attrs.end()) continue;
    std::string_view classes = it->second;
    size_t start = 0;
    while (start <= classes.size()) {
      size_t end = classes.find(' ', start);
      if (end == std::string_view::npos) end = classes.size();
      if (classes.substr(start, end - start) == class_name) {
        found.push_back(&element);
        break;
      }
      start = end + 1;
    }
  }
  return found;
}

std::string TitleOf(const ParsedSvg& doc, const Element& element) {
  for (size_t child : element.children) {
    if (doc.elements[child].name == "title") return doc.elements[child].text;
  }
  return "";
}

std::string AllText(const ParsedSvg& doc) {
  std::string all;
  for (const Element& element : doc.elements) {
    if (!element.text.empty()) all += element.text + "\n";
  }
  return all;
}

std::vector<std::string> BrokenChartRules(std::string_view svg) {
  std::vector<std::string> broken;
  if (svg.find("style=") != std::string_view::npos) broken.push_back("has a style= attribute");
  if (svg.find("<style") != std::string_view::npos) broken.push_back("has a <style> element");
  ParsedSvg doc = ParseXml(svg);
  if (!doc.ok) {
    broken.push_back("not well-formed: " + doc.error);
    return broken;
  }
  const Element& root = doc.elements[0];
  auto attr = [](const Element& e, const std::string& name) {
    auto it = e.attrs.find(name);
    return it == e.attrs.end() ? std::string() : it->second;
  };
  if (root.name != "svg") broken.push_back("root is not <svg>");
  if (attr(root, "xmlns") != "http://www.w3.org/2000/svg") broken.push_back("no SVG namespace");
  for (const char* name : {"viewBox", "width", "height"}) {
    if (attr(root, name).empty()) broken.push_back(std::string("root has no ") + name);
  }
  if (attr(root, "role") != "img") broken.push_back("root role is not img");
  std::set<std::string> ids;
  for (const Element& e : doc.elements) {
    std::string id = attr(e, "id");
    if (!id.empty() && !ids.insert(id).second) broken.push_back("duplicate id " + id);
  }
  std::istringstream labelled(attr(root, "aria-labelledby"));
  std::string label_id;
  int labels = 0;
  while (labelled >> label_id) {
    ++labels;
    if (!ids.count(label_id)) broken.push_back("aria-labelledby names missing id " + label_id);
  }
  if (labels < 2) broken.push_back("aria-labelledby should name the title and the desc");
  bool has_title = false, has_desc = false;
  for (size_t child : root.children) {
    has_title |= doc.elements[child].name == "title" && !doc.elements[child].text.empty();
    has_desc |= doc.elements[child].name == "desc";
  }
  if (!has_title) broken.push_back("no non-empty <title> under the root");
  if (!has_desc) broken.push_back("no <desc> under the root");
  for (const char* mark : {"cradle-point", "cradle-bar", "cradle-area"}) {
    for (const Element* e : ByClass(doc, mark)) {
      if (TitleOf(doc, *e).empty()) broken.push_back(std::string(mark) + " without a tooltip");
      if (!e->attrs.count("data-value"))
        broken.push_back(std::string(mark) + " without data-value");
    }
  }
  return broken;
}

}  // namespace cradle::charts::testing
