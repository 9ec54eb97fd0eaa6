#!/usr/bin/env bash
# Installs what the report tests use when it is missing: Chromium (headless rendering of the
# HTML report) and Graphviz (`dot`, to validate the DOT export). Idempotent and quiet: does
# nothing when both are on PATH; needs root (or sudo) and apt-get otherwise, and only warns
# when it cannot install, so the tests then skip with a note.
set -euo pipefail

missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
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
