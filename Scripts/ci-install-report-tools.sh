#!/usr/bin/env bash
# Installs what the tests use when it is missing: Chromium (headless rendering of the HTML
# report), Graphviz (`dot`, to validate the DOT export) and mount/umount (the output tests'
# tmpfs and read-only bind mounts, as root). Idempotent and quiet: does
# nothing when all are on PATH; needs root (or sudo) and apt-get otherwise, and only warns
# when it cannot install: outside CI the tests then skip with a note, in CI they fail.
set -euo pipefail

missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
command -v mount >/dev/null 2>&1 || missing+=(mount)
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  missing+=(chromium)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ci-install-report-tools: apt-get not found; not installing ${missing[*]}" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "ci-install-report-tools: not root; not installing ${missing[*]}" >&2
    exit 0
  fi
fi
echo "ci-install-report-tools: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" fonts-dejavu-core; } >/tmp/ci-install-report-tools.log 2>&1; then
  echo "ci-install-report-tools: install failed (see /tmp/ci-install-report-tools.log)" >&2
fi
exit 0
