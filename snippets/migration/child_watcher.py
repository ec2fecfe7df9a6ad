import asyncio
import sys
import warnings


def old_form():
    # Old form: fetch (or install) a child watcher before starting subprocesses.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            watcher = asyncio.get_child_watcher()
        except AttributeError as exc:
            print(f"get_child_watcher(): {type(exc).__name__}: {exc}")
            return
    for warning in caught:
        print(f"get_child_watcher(): {warning.category.__name__}: {warning.message}")
    if not caught:
        print(f"get_child_watcher(): {type(watcher).__name__}, no warning")


async def main():
    # Current form: no watcher at all; asyncio picks the best way to wait for children.
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "print('hello from the child')",
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await proc.communicate()
    print(f"child said {out.decode().strip()!r}, exit code {proc.returncode}")


if __name__ == "__main__":
    old_form()
    asyncio.run(main())
