"""The deadline strikes: slow pages are cut off, the rest are never sent."""

import asyncio
import sys

from fetch_pages import fetch_all

SLOW = {3, 6}  # these pages take 3 s each, far past the deadline


async def main(port):
    paths = [f"/page/{n}" + ("?delay=3" if n in SLOW else "") for n in range(1, 9)]
    results, cut_off, not_started = await fetch_all(port, paths, connections=2, deadline=1.0)
    print(f"answered: {[path for path, (status, _) in results.items() if status == 200]}")
    print(f"cut off: {cut_off}")
    print(f"not started: {not_started}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
