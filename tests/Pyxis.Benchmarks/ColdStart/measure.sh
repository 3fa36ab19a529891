#!/usr/bin/env bash
# Cold start, each run a new process: the NativeAOT pyxis, the JIT tool, and Python's aiohttp peer, against the same
# emulator on loopback. First one repository lookup, then a cold fan-out of 24 distinct lookups, one request each, all
# in flight at once. Prints the median of RUNS runs and ratios against the JIT tool (and, for the fan-out, against Python).
# Usage: measure.sh NATIVE_PYXIS JIT_PYXIS_DLL [RUNS]   (needs $PYTHON, default python3, with aiohttp for the peer rows)
set -euo pipefail
native=$1 jit=$2 runs=${3:-15} python=${PYTHON:-python3}
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
dotnet "$jit" emulator --port 0 >"$log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
endpoint=$(grep -o 'http://[^ ]*' "$log")
path=registry.access.redhat.com/ubi8/ubi

median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start=$(date +%s%N)
    "$@" >/dev/null
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

jit_ms=$(median_ms dotnet "$jit" repo "$path" --endpoint "$endpoint" -o json)
native_ms=$(median_ms "$native" repo "$path" --endpoint "$endpoint" -o json)
echo "pyxis repo, one lookup, cold process, median of $runs:"
printf '  %-28s %6s ms  %5s\n' "JIT tool (dotnet pyxis.dll)" "$jit_ms" "1.00×"
printf '  %-28s %6s ms  %5.2f×\n' "NativeAOT pyxis" "$native_ms" "$(echo "$native_ms / $jit_ms" | bc -l)"
has_peer=false
"$python" -c "import aiohttp" 2>/dev/null && has_peer=true
if $has_peer; then
  peer_ms=$(median_ms "$python" "$here/aiohttp_peer.py" "$endpoint" registry.access.redhat.com ubi8/ubi)
  printf '  %-28s %6s ms  %5.2f×\n' "Python aiohttp peer" "$peer_ms" "$(echo "$peer_ms / $jit_ms" | bc -l)"
fi

# The first 24 repositories of the emulator's catalog, as registry/repository and as "registry repository" pairs.
mapfile -t fan < <(curl -s "$endpoint" -H 'Content-Type: application/json' \
  -d '{"query":"{ find_repositories(page_size: 24) { data { registry repository } } }"}' |
  "$python" -c 'import json, sys; [print(r["registry"] + "/" + r["repository"]) for r in json.load(sys.stdin)["data"]["find_repositories"]["data"]]')
pairs=()
for p in "${fan[@]}"; do pairs+=("${p%%/*}" "${p#*/}"); done
jit_fan=$(median_ms dotnet "$jit" repo "${fan[@]}" --aliases 1 --concurrency 24 --endpoint "$endpoint" -o json)
native_fan=$(median_ms "$native" repo "${fan[@]}" --aliases 1 --concurrency 24 --endpoint "$endpoint" -o json)
echo "pyxis repo, cold fan-out of ${#fan[@]} (one request each, all in flight), median of $runs:"
if $has_peer; then
  peer_fan=$(median_ms "$python" "$here/aiohttp_peer.py" "$endpoint" "${pairs[@]}")
  printf '  %-28s %6s ms  %5.2f× Python\n' "JIT tool (dotnet pyxis.dll)" "$jit_fan" "$(echo "$jit_fan / $peer_fan" | bc -l)"
  printf '  %-28s %6s ms  %5.2f× Python\n' "NativeAOT pyxis" "$native_fan" "$(echo "$native_fan / $peer_fan" | bc -l)"
  printf '  %-28s %6s ms  %5s\n' "Python aiohttp peer" "$peer_fan" "1.00×"
else
  printf '  %-28s %6s ms\n' "JIT tool (dotnet pyxis.dll)" "$jit_fan" "NativeAOT pyxis" "$native_fan"
fi
