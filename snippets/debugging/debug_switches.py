"""The ways to turn on asyncio's debug mode, each tried in a fresh interpreter."""

import asyncio
import os
import sys


def child_code(debug):
    # The child reports whether its event loop runs in debug mode.
    return f"""
import asyncio

async def main():
    print(asyncio.get_running_loop().get_debug())

asyncio.run(main(), debug={debug})
"""


# (label, interpreter options, extra environment, value of run(debug=...))
WAYS = [
    ("plain run", [], {}, None),
    ("PYTHONASYNCIODEBUG=1", [], {"PYTHONASYNCIODEBUG": "1"}, None),
    ("PYTHONASYNCIODEBUG=0", [], {"PYTHONASYNCIODEBUG": "0"}, None),
    ("python -X dev", ["-X", "dev"], {}, None),
    ("asyncio.run(main(), debug=True)", [], {}, True),
    ("python -X dev, but debug=False", ["-X", "dev"], {}, False),
]

# Our own environment, minus the variables that would turn debug mode on by themselves.
CLEAN_ENV = {
    k: v for k, v in os.environ.items() if k not in {"PYTHONASYNCIODEBUG", "PYTHONDEVMODE"}
}


async def debug_mode_of(options, env, debug):
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        *options,
        "-c",
        child_code(debug),
        env={**CLEAN_ENV, **env},
        stdout=asyncio.subprocess.PIPE,
    )
    stdout, _ = await proc.communicate()
    return stdout.decode().strip()


async def main():
    for label, options, env, debug in WAYS:
        print(f"{label:32} -> debug mode {await debug_mode_of(options, env, debug)}")


if __name__ == "__main__":
    asyncio.run(main())
