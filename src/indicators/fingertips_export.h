// Indicator values as rows with Fingertips' column names, so an analyst can
// paste them beside a Fingertips download: Indicator ID, Indicator Name, Area
// Code, Area Name, Area Type, Time period, Value, the 95% and 99.8% limits,
// Count, Denominator, Value note, Compared to England value or percentiles.
// A last column, Source, carries the licence attribution of each row's data.
// Values are written unrounded, as Fingertips downloads are.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "indicators/engine.h"

namespace cradle::indicators {

const std::vector<std::string>& FingertipsColumns();

// One row per value, in FingertipsColumns() order. Suppressed and unavailable
// values have empty numbers and say why in the Value note.
std::vector<std::string> FingertipsRow(const Engine& engine, const IndicatorValue& value);

// Header and rows, CRLF line ends.
void WriteFingertipsCsv(std::ostream& out, const Engine& engine,
                        const std::vector<IndicatorValue>& values);

// The text of the Value note column: the reliability note, or why the value is
// suppressed or unavailable.
std::string ValueNote(const IndicatorValue& value);

// "Better", "Similar", "Worse" (RAG), "Higher"/"Lower" (BOB) or "Not compared".
std::string ComparedLabel(const IndicatorValue& value);

}  // namespace cradle::indicators
