# The two set-up commands (README): `make run` and `make test`. Each installs
# what it needs first, so either works on a fresh Debian 12 machine.
#
#   make run    build (release) and print Leicester's infant-mortality profile
#   make test   build with ASan+UBSan and run every test; then the release build's tests
#   make bench  run the benchmarks from the release build and print their figures
#   make format apply clang-format to every C++ file

JOBS ?= $(shell nproc)
CRADLE := build/release/src/cli/cradle

.PHONY: run test bench deps release dev format clean

deps:
	@bash scripts/install-deps.sh

release: deps
	cmake --preset release
	cmake --build --preset release -j $(JOBS)

dev: deps
	cmake --preset dev
	cmake --build --preset dev -j $(JOBS)

run: release
	$(CRADLE) profile --area E06000016 --period 2020-22

test: dev
	ctest --preset dev
	$(MAKE) --no-print-directory release
	ctest --preset release

bench: release
	build/release/bench/stats_bench
	build/release/bench/profile_bench

format:
	find src bench -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf build
