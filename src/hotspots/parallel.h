// Runs fn(i, worker) for i in [0, n) on up to `threads` threads (oneTBB),
// where worker in [0, threads) names the calling thread's scratch space. The
// scan's results never depend on which thread ran which index.
#pragma once

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <cstddef>
#include <thread>

namespace cradle::hotspots {

inline int ThreadCount(int requested) {
  if (requested > 0) return requested;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

template <typename Fn>
void ParallelFor(tbb::task_arena& arena, size_t n, Fn&& fn) {
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<size_t>(0, n, 1), [&](const tbb::blocked_range<size_t>& range) {
          auto worker = static_cast<size_t>(tbb::this_task_arena::current_thread_index());
          for (size_t i = range.begin(); i != range.end(); ++i) fn(i, worker);
        });
  });
}

}  // namespace cradle::hotspots
