#!/usr/bin/env bash
# Renders sample reports in headless Chromium and checks them (the BrowserTests suite of the
# end-to-end tests): one node per team in the DOM, no console messages, hostile names shown as
# text, a screenshot that is not blank. Installs Chromium and Graphviz first when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
Scripts/ci-install-report-tools.sh
swift test --filter BrowserTests
