// The postcode lookup behind `postcode=` searches. The bundled open data has
// no postcode centroids, so an admin loads a CSV in the shape of the ONS
// Postcode Directory (columns pcds, lat, long; other columns are ignored) with
// `cradle directory postcodes FILE`. Postcodes are compared in one normal
// form: upper case, one space before the inward code ("le15ww" → "LE1 5WW").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "directory/model.h"

namespace cradle::directory {

// The normal form, or empty if `text` cannot be a UK postcode (5 to 7
// letters and digits once spaces are gone, inward code digit-letter-letter).
std::optional<std::string> NormalisePostcode(std::string_view text);

// Reads every row of `path`. InvalidData naming the file, row and column for
// a postcode that is not one or a latitude/longitude that is not a number in
// range (every bad row is listed, one a line); rows with empty lat/long (ONS
// marks terminated postcodes without a grid reference so) are skipped.
Result<std::vector<PostcodeCentroid>> ReadPostcodeCsv(const std::string& path);

}  // namespace cradle::directory
