#!/usr/bin/env bash
# Reach as a test backend from the shell: the same steps with `reach test`.
# Run: REACH_BIN=path/to/reach Examples/shell/trial.sh
set -euo pipefail
reach=${REACH_BIN:-reach}
folder=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; rm -rf "$folder"' EXIT

# One JSON line on stdout once the server accepts connections.
"$reach" serve --ephemeral --test-mode --port 0 --json >"$folder/started" 2>"$folder/log" &
pid=$!
until [ -s "$folder/started" ]; do kill -0 "$pid" || { cat "$folder/log"; exit 1; }; sleep 0.05; done
field() { python3 -c "import json, sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1" <"$folder/started"; }
export REACH_URL=$(field url) REACH_TOKEN=$(field adminToken)

token=$("$reach" test user user_ada --plan glow_up)
"$reach" test clock advance 8d
billing=$(curl -fsS -H "Authorization: Bearer $token" "$REACH_URL/api/billing/status")
case $billing in
  *'"trialStatus":"expired"'*) echo "trial.sh: the trial expired after 8 days: ok" ;;
  *) echo "trial.sh: the trial did not expire: $billing"; exit 1 ;;
esac
"$reach" test emails --type trial_expiry
