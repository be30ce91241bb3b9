// The licence attribution lines that must appear in every output that uses the
// bundled open data (data/open/SOURCES.md). Kept in one place so a report, a
// CSV export and the command line print the same words.
#pragma once

#include <string_view>

namespace cradle::opendata {

inline constexpr std::string_view kOnsAttribution =
    "Source: Office for National Statistics licensed under the Open Government Licence v3.0.";
// MHCLG's English Indices of Deprivation (SOURCES.md asks for this line).
inline constexpr std::string_view kMhclgAttribution =
    "Contains public sector information licensed under the Open Government Licence v3.0.";
inline constexpr std::string_view kOgl = "Open Government Licence v3.0";

}  // namespace cradle::opendata
