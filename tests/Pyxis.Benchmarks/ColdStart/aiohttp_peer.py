"""The Python peer of `pyxis repo`: Pyxis lookups the way Freshmaker's PyxisAsyncGQL makes them (aiohttp, one POST each,
all of them in flight together through one session, as asyncio.gather does).

Usage: python3 aiohttp_peer.py ENDPOINT REGISTRY REPOSITORY [REGISTRY REPOSITORY ...]   (prints each repository's _id;
with PEER_TIMING=1 also the time from the first request to the last answer, in ms, on stderr)
"""
import asyncio
import os
import sys
import time

import aiohttp

QUERY = """query ($registry: String!, $repository: String!) {
  get_repository_by_registry_path(registry: $registry, repository: $repository) {
    data { _id published release_categories auto_rebuild_tags }
    error { status detail }
  }
}"""


async def lookup(session, endpoint, registry, repository):
    body = {"query": QUERY, "variables": {"registry": registry, "repository": repository}}
    async with session.post(endpoint, json=body) as response:
        answer = await response.json()
    return answer["data"]["get_repository_by_registry_path"]["data"]["_id"]


async def main(endpoint, pairs):
    async with aiohttp.ClientSession() as session:
        started = time.perf_counter()
        ids = await asyncio.gather(*(lookup(session, endpoint, registry, repository) for registry, repository in pairs))
        if os.environ.get("PEER_TIMING") == "1":
            print(f"{(time.perf_counter() - started) * 1000:.0f}", file=sys.stderr)
    print("\n".join(ids))


if __name__ == "__main__":
    arguments = sys.argv[2:]
    asyncio.run(main(sys.argv[1], list(zip(arguments[0::2], arguments[1::2]))))
