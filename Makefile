# The two set-up commands (README): `make run` and `make test`. Each installs
# what it needs first, so either works on a fresh Debian 12 machine.
#
#   make run    build (release), load the open data and the synthetic Leicester, print
#               Leicester's profile, then serve the web app on http://127.0.0.1:8080/
#   make test   build with ASan+UBSan and run every test; then the release binary's
#               browser tests
#   make bench  run the benchmarks from the release build and print their figures
#   make format apply clang-format to every C++ file

JOBS ?= $(shell nproc)
CRADLE := build/release/src/cli/cradle

.PHONY: run test bench deps release release-binary dev format clean

deps:
	@bash scripts/install-deps.sh

release: deps
	cmake --preset release
	cmake --build --preset release -j $(JOBS)

release-binary: deps
	cmake --preset release
	cmake --build --preset release -j $(JOBS) --target cradle

dev: deps
	cmake --preset dev
	cmake --build --preset dev -j $(JOBS)

# The bundled open data and the synthetic Leicester (not real people) into the
# default store, Leicester's profile, then the web app (Ctrl-C stops it).
PORT ?= 8080
run: release
	$(CRADLE) load --synthetic
	$(CRADLE) profile --area E06000016 --period 2020-22 --quiet
	$(CRADLE) serve --port $(PORT)

# Every test under ASan+UBSan; then the optimised binary users run, driven by
# the browser tests (too slow to serve under the sanitizers).
test: dev
	ctest --preset dev
	$(MAKE) --no-print-directory release-binary
	ctest --preset release -L browser

bench: release
	build/release/bench/stats_bench
	build/release/bench/profile_bench
	build/release/bench/import_bench
	bash bench/web_load.sh
	bash bench/hotspots_bench.sh

format:
	find src bench -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf build
