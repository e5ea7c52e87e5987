#!/usr/bin/env bash
# The end-to-end scenario on real SIP, as the test EndToEndSipIT runs it in CI: builds the appliance, runs it
# (`java -jar dialer.jar serve`, embedded database) against sipp on loopback (the customers behind a trunk, and
# the agents' phones), imports a list into a predictive campaign, logs agents in who set dispositions over the
# API, and prints the summary: the appliance's figures beside those sipp counted. About two minutes.
# Usage: scripts/end-to-end.sh [--contacts N] [--agents N]   (defaults: 160 contacts, 10 agents)
# Needs Java 17, Maven and sipp (Debian package sip-tester). The summary and the appliance's log stay in
# packaging/target/end-to-end/.
set -euo pipefail
cd "$(dirname "$0")/.."

contacts=160
agents=10
while [ $# -gt 0 ]; do
  case "$1" in
    --contacts) contacts=$2; shift 2 ;;
    --agents) agents=$2; shift 2 ;;
    *) echo "usage: $0 [--contacts N] [--agents N]" >&2; exit 2 ;;
  esac
done
command -v sipp >/dev/null 2>&1 || { echo "needs sipp: install the Debian package sip-tester" >&2; exit 1; }

summary=packaging/target/end-to-end/summary.txt
rm -f "$summary"
status=0
mvn -B -q -pl packaging -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=EndToEndSipIT \
  -Dendtoend.contacts="$contacts" -Dendtoend.agents="$agents" || status=$?
if [ -f "$summary" ]; then
  cat "$summary"
fi
echo "(the appliance's log: packaging/target/end-to-end/appliance.log)"
exit "$status"
