#!/usr/bin/env bash
# Cold start of one repository lookup, each run a new process: the NativeAOT pyxis, the JIT tool, and Python's aiohttp
# peer, against the same emulator on loopback. Prints the median of RUNS runs and ratios against the JIT tool.
# Usage: measure.sh NATIVE_PYXIS JIT_PYXIS_DLL [RUNS]   (needs python3 with aiohttp for the peer row)
set -euo pipefail
native=$1 jit=$2 runs=${3:-15}
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
if python3 -c "import aiohttp" 2>/dev/null; then
  peer_ms=$(median_ms python3 "$here/aiohttp_peer.py" "$endpoint" registry.access.redhat.com ubi8/ubi)
  printf '  %-28s %6s ms  %5.2f×\n' "Python aiohttp peer" "$peer_ms" "$(echo "$peer_ms / $jit_ms" | bc -l)"
fi
