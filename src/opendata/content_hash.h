// A fingerprint of a file's bytes, so a bundled table that has not changed is
// not loaded again. FNV-1a (64-bit) is written here rather than taken from a
// crypto library because it guards against accident, not attack, and needs
// nothing beyond ten lines.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace cradle::opendata {

// Hex FNV-1a of the file at `path`; IoError if it cannot be read.
Result<std::string> FileFingerprint(const std::string& path);

// Hex FNV-1a of `text`.
std::string TextFingerprint(std::string_view text);

}  // namespace cradle::opendata
