#include "synth/testing.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "synth/generator.h"

namespace cradle::synth::testing {

const Calibration& Leicester() {
  static const Calibration* calibration = [] {
    Result<Calibration> loaded = LoadCalibration(kLeicesterCode, CRADLE_DATA_DIR);
    if (!loaded.ok()) {
      std::fprintf(stderr, "cannot load Leicester's calibration: %s\n",
                   loaded.status().ToString().c_str());
      std::abort();
    }
    return new Calibration(std::move(*loaded));
  }();
  return *calibration;
}

const SyntheticData& Leicester2015To2024Seed1() {
  static const SyntheticData* data = [] {
    Result<SyntheticData> made = GenerateSyntheticData(Leicester(), {{2015, 2024}, 1});
    if (!made.ok()) {
      std::fprintf(stderr, "cannot generate: %s\n", made.status().ToString().c_str());
      std::abort();
    }
    return new SyntheticData(std::move(*made));
  }();
  return *data;
}

std::string ScratchDir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("cradle_synth_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace cradle::synth::testing
