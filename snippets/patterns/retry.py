import asyncio
import random

RETRYABLE = (ConnectionError, TimeoutError)  # worth another try; anything else is not


async def retry(operation, *, attempts, attempt_timeout, deadline, base, rng):
    """Run operation() until it succeeds, with exponential backoff and full jitter."""
    loop = asyncio.get_running_loop()
    give_up_at = loop.time() + deadline
    for attempt in range(1, attempts + 1):
        try:
            # Each attempt gets its own time limit, cut short by the overall deadline.
            async with asyncio.timeout_at(min(loop.time() + attempt_timeout, give_up_at)):
                return await operation()
        except RETRYABLE as exc:  # CancelledError is not an Exception: never caught here
            if attempt == attempts:
                print(f"  attempt {attempt}: {exc!r}, no attempts left")
                raise
            cap = base * 2 ** (attempt - 1)
            delay = rng.uniform(0, cap)
            if loop.time() + delay >= give_up_at:
                print(f"  attempt {attempt}: {exc!r}, the deadline comes first")
                raise
            print(f"  attempt {attempt}: {exc!r}, retrying in {delay:.3f} s (0 to {cap} s)")
            await asyncio.sleep(delay)


def scripted(*outcomes):
    """A fake remote call that behaves as told, one outcome per call."""
    calls = iter(outcomes)

    async def call():
        outcome = next(calls)
        await asyncio.sleep(0.01)
        if outcome == "slow":
            await asyncio.sleep(10)  # much longer than the per-attempt timeout
        elif outcome == "refused":
            raise ConnectionRefusedError("connection refused")
        elif outcome == "bad":
            raise ValueError("bad request")
        return outcome

    return call


async def main():
    cases = [
        ("transient errors", scripted("refused", "slow", "ok"), {}),
        ("an error not worth retrying", scripted("bad", "ok"), {}),
        ("refused every time", scripted(*["refused"] * 3), {"attempts": 3}),
        ("too slow every time", scripted(*["slow"] * 4), {"deadline": 0.35}),
    ]
    for seed, (name, call, changes) in enumerate(cases):
        print(f"{name}:")
        # Seeded, so the jitter and this output are the same on every run.
        policy = dict(attempts=4, attempt_timeout=0.1, deadline=1.0, base=0.05)
        policy.update(changes, rng=random.Random(seed))
        try:
            print(f"  result: {await retry(call, **policy)!r}")
        except Exception as exc:
            print(f"  gave up: {exc!r}")

    print("cancelled while waiting to retry:")
    call = scripted("refused", "ok")
    called = asyncio.Event()

    async def first_call():
        try:
            return await call()
        finally:
            called.set()

    policy = dict(attempts=4, attempt_timeout=0.1, deadline=1.0, base=0.05)
    task = asyncio.create_task(retry(first_call, **policy, rng=random.Random(0)))
    await called.wait()  # the first attempt has failed: the task is in its backoff sleep
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"  cancelled: {task.cancelled()}, no second attempt")


if __name__ == "__main__":
    asyncio.run(main())
