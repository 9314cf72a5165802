#!/usr/bin/env bash
# Installs the Debian packages riposte needs to build and test. Idempotent and quiet: when
# everything is already installed it prints nothing and touches nothing.
#   --clang   also Debian's clang 14 and its runtime (sanitizers, libFuzzer), for
#             scripts/build-clang.sh, scripts/test.sh --sanitize and scripts/fuzz.sh
set -euo pipefail

packages=(
  cmake g++ make
  libsfml-dev libimgui-dev libboost-graph-dev libtomlplusplus-dev doctest-dev
  xvfb xauth libgl1-mesa-dri
  python3-simpy3
  chromium fonts-dejavu-core
  openmpi-bin libopenmpi-dev
)

clang_packages() {
  packages+=(clang-14 libclang-rt-14-dev)
}

for arg in "$@"; do
  case "$arg" in
    --clang) clang_packages ;;
    *) echo "setup: error: unknown option '$arg' (known: --clang)" >&2; exit 2 ;;
  esac
done

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != "installed" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "setup: installing missing packages: ${missing[*]}" >&2
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "setup: error: not root and sudo is not available; install as root:" >&2
    echo "  apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
