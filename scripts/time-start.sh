#!/bin/bash
# Measures `npm start` to ready: starts it in DIR on PORT and polls /api/health.
# usage: scripts/time-start.sh DIR PORT   (DATA=folder LAWDIR=folder|none to choose the data and law folders)
cd "$1" || exit 2
start=$(date +%s.%N)
setsid bash -c "PORT=$2 FAZHI_DATA_DIR=${DATA:-./data} FAZHI_LAW_DIR=${LAWDIR:-} npm start > /tmp/fazhi-start-$2.log 2>&1" &
pid=$!
until curl -sf "http://127.0.0.1:$2/api/health" > /dev/null; do sleep 0.2; done
end=$(date +%s.%N)
echo "ready after $(echo "$end - $start" | bc) s (log: /tmp/fazhi-start-$2.log)"
kill -TERM -- -$pid
sleep 3
