// Colours and marker shapes every chart uses, in one place so a page, a
// report and a legend always agree. Comparison colours are Fingertips' (the
// OHID profiles' "Better / Similar / Worse" and "Lower / Higher"); each
// comparison also has its own marker shape, so a chart reads without colour.
#pragma once

#include <string_view>

namespace cradle::charts {

// The outcome of comparing an area's value with a benchmark, as Fingertips
// words it. kBetter/kSimilar/kWorse for indicators with a polarity (e.g.
// "RAG - Low is good"); kLower/kHigher for indicators with none;
// kNotCompared where no comparison was made (no value, no benchmark).
enum class Comparison { kBetter, kSimilar, kWorse, kLower, kHigher, kNotCompared };

inline constexpr Comparison kAllComparisons[] = {Comparison::kBetter, Comparison::kSimilar,
                                                 Comparison::kWorse,  Comparison::kLower,
                                                 Comparison::kHigher, Comparison::kNotCompared};

// "Better", "Similar", "Worse", "Lower", "Higher", "Not compared".
std::string_view ComparisonLabel(Comparison comparison);
// Fill and outline, "#rrggbb".
std::string_view ComparisonFill(Comparison comparison);
std::string_view ComparisonStroke(Comparison comparison);

enum class Marker { kCircle, kDiamond, kSquare, kTriangleUp, kTriangleDown, kRing };

// Better = circle, Similar = diamond, Worse = square, Lower = triangle down,
// Higher = triangle up, Not compared = ring (hollow circle).
Marker ComparisonMarker(Comparison comparison);

// Colour `class_index` (0 = lowest) of a sequential ramp of `class_count`
// classes (1 to 7; more are clamped to 7): ColorBrewer "Blues".
std::string_view SequentialFill(int class_index, int class_count);

// Colour of series `series_index` (cycling): the Government Analysis Function
// categorical palette.
std::string_view SeriesColour(int series_index);
Marker SeriesMarker(int series_index);

// NHS "Making Data Count" SPC colours.
inline constexpr std::string_view kSpcCommonCause = "#7b7d7d";
inline constexpr std::string_view kSpcImprovement = "#289de0";
inline constexpr std::string_view kSpcConcern = "#fab428";
inline constexpr std::string_view kSpcNeither = "#361475";

// Neutral colours (GOV.UK Design System): text, secondary text and axes,
// benchmark lines, grid lines, "no data".
inline constexpr std::string_view kText = "#0b0c0c";
inline constexpr std::string_view kSecondaryText = "#505a5f";
inline constexpr std::string_view kBenchmark = "#0b0c0c";
inline constexpr std::string_view kGrid = "#dcdddf";
inline constexpr std::string_view kNoDataFill = "#f3f2f1";
inline constexpr std::string_view kNoDataHatch = "#6f777b";

// WCAG 2.1 contrast ratio of two "#rrggbb" colours (1 to 21).
double ContrastRatio(std::string_view colour_a, std::string_view colour_b);
// kText or "#ffffff", whichever contrasts more with `fill`: for text drawn on
// a coloured shape.
std::string_view TextColourOn(std::string_view fill);

}  // namespace cradle::charts
