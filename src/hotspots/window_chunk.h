// The windows of a run of consecutive centres, packed for the replication
// kernel: per position the member entering the window and the window's
// measure (exact, and as float for the kernel's limit walk).
#pragma once

#include <cstdint>
#include <vector>

namespace cradle::hotspots {

struct WindowChunk {
  std::vector<int> centres;
  std::vector<size_t> start;     // centre i's positions are [start[i], start[i+1])
  std::vector<uint32_t> member;  // the block row of the location entering the window
  std::vector<float> measure_f;  // the window's measure, rounded to float
  std::vector<double> measure;   // the window's measure

  void Clear() {
    centres.clear();
    start.assign(1, 0);
    member.clear();
    measure_f.clear();
    measure.clear();
  }
};

}  // namespace cradle::hotspots
