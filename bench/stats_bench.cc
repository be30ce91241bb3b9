// Google Benchmark figures for stats/ (filled in as the library grows).
#include <benchmark/benchmark.h>
