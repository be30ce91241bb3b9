// Shared fixtures of the synth tests: Leicester's calibration from the
// repository's data/, the seed-1 dataset for 2015-2024 (made once per test
// process), scratch directories and whole-file reads.
#pragma once

#include <string>

#include "synth/calibration.h"
#include "synth/records.h"

namespace cradle::synth::testing {

const Calibration& Leicester();
// GenerateSyntheticData(Leicester(), {2015-2024, seed 1}); fails the test
// binary with a message if generation fails.
const SyntheticData& Leicester2015To2024Seed1();

// A fresh, empty directory under the system temp directory.
std::string ScratchDir(const std::string& name);
std::string ReadWholeFile(const std::string& path);

}  // namespace cradle::synth::testing
