"""The Python peer of `pyxis repo`: one Pyxis lookup the way Freshmaker's PyxisAsyncGQL makes it (aiohttp, one POST).

Usage: python3 aiohttp_peer.py ENDPOINT REGISTRY REPOSITORY   (prints the repository's _id)
"""
import asyncio
import sys

import aiohttp

QUERY = """query ($registry: String!, $repository: String!) {
  get_repository_by_registry_path(registry: $registry, repository: $repository) {
    data { _id published release_categories auto_rebuild_tags }
    error { status detail }
  }
}"""


async def main(endpoint, registry, repository):
    async with aiohttp.ClientSession() as session:
        body = {"query": QUERY, "variables": {"registry": registry, "repository": repository}}
        async with session.post(endpoint, json=body) as response:
            answer = await response.json()
    print(answer["data"]["get_repository_by_registry_path"]["data"]["_id"])


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
