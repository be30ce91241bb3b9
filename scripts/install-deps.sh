#!/usr/bin/env bash
# Installs the Debian 12 packages Cradle needs to build, test and run, then the
# browser tests' npm packages from their lock file. Safe to run again: when
# everything is already installed it does nothing, prints nothing and needs no
# network. Run as root (or with sudo available).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

PACKAGES=(
  build-essential cmake ninja-build pkg-config clang-format
  lld                   # links the sanitised test binaries several times faster than GNU ld
  libboost-dev          # Boost.Math: distributions for the confidence intervals
  libfmt-dev libcli11-dev nlohmann-json3-dev
  libsqlite3-dev sqlite3
  libcsv-dev            # the reference the CSV reader is tested against
  libgtest-dev libgmock-dev libbenchmark-dev
  libxlsxwriter-dev     # xlsx downloads of every chart's table
  libkainjow-mustache-dev  # the web pages' templates
  unzip                 # the xlsx download tests open the workbook
  chromium              # browser tests (tests/browser) drive it headless; `cradle report --pdf` prints with it
  poppler-utils         # the report test turns the PDF into PNG pages (pdftoppm) and reads its text
  wrk                   # web load benchmark (bench/web_load.sh)
  libtbb-dev            # oneTBB: the scan statistic's parallel loops
  libsodium-dev         # Argon2id passwords, session tokens, the audit chain's SHA-256, pseudonyms
  time                  # GNU time: peak memory in bench/hotspots_bench.sh
)

# Node.js runs the browser tests. A machine may already have Node from
# NodeSource (which bundles npm); Debian's npm must not go over it, so Debian's
# nodejs and npm are added only when there is no node at all, and npm alone
# only beside Debian's own nodejs.
if ! command -v node >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
elif ! command -v npm >/dev/null 2>&1; then
  if dpkg-query -W -f='${Version}' nodejs 2>/dev/null | grep -q nodesource; then
    echo "node is installed from NodeSource but npm is missing: reinstall NodeSource's nodejs" >&2
    exit 1
  fi
  PACKAGES+=(npm)
fi

# The browser tests' packages (playwright-core: it never downloads a browser;
# the tests use Debian's chromium), installed exactly as locked. npm ci leaves
# node_modules/.package-lock.json; a lock file newer than that means the
# dependencies changed since the last install.
install_browser_test_packages() {
  local dir="$ROOT/tests/browser"
  [ -f "$dir/package-lock.json" ] || return 0
  if [ -f "$dir/node_modules/.package-lock.json" ] &&
     [ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    return 0
  fi
  echo "Installing the browser tests' npm packages (tests/browser)"
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  install_browser_test_packages
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_browser_test_packages
