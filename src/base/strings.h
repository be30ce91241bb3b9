// Small string and number helpers shared by every folder: trimming, splitting,
// and parsing numbers from text with errors as values (no exceptions, no
// locale), so an importer can say which field was not a number.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cradle {

std::string_view Trim(std::string_view text);
std::vector<std::string> Split(std::string_view text, char separator);
std::string ToLower(std::string_view text);
bool StartsWith(std::string_view text, std::string_view prefix);

// Whole-string parses after trimming; std::nullopt if the text is empty, has
// trailing characters, or is out of range.
std::optional<int64_t> ParseInt64(std::string_view text);
std::optional<double> ParseDouble(std::string_view text);

// "12,345" style thousands separators, as in ONS and Fingertips tables.
std::string WithThousands(int64_t value);

// True if `text` is well-formed UTF-8 (no stray continuation bytes, no
// overlong two-byte forms, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Levenshtein distance, used to suggest the nearest names to a typo.
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace cradle
