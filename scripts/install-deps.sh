#!/usr/bin/env bash
# Installs the Debian 12 packages Cradle needs to build, test and run. Safe to
# run again: when every package is already installed it does nothing (and
# needs no network). Run as root (or with sudo available).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config clang-format
  libboost-dev          # Boost.Math: distributions for the confidence intervals
  libfmt-dev libcli11-dev nlohmann-json3-dev
  libsqlite3-dev sqlite3
  libcsv-dev            # the reference the CSV reader is tested against
  libgtest-dev libgmock-dev libbenchmark-dev
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
