import asyncio
import warnings


class TracingLoop(asyncio.SelectorEventLoop):
    """Stands in for another loop implementation, such as uvloop's."""


async def main():
    return type(asyncio.get_running_loop()).__name__


if __name__ == "__main__":
    # Old form: replace the process-wide policy, e.g. with uvloop.EventLoopPolicy().
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        policy = asyncio.get_event_loop_policy()
        asyncio.set_event_loop_policy(policy)  # here: the same policy again
    for warning in caught:
        print(f"policy functions: {warning.category.__name__}: {warning.message}")
    if not caught:
        print("policy functions: no warning")

    # Current form: say which loop to create, for this run only.
    # With uvloop: asyncio.run(main(), loop_factory=uvloop.new_event_loop)
    print(f"asyncio.run(): {asyncio.run(main(), loop_factory=TracingLoop)}")
    with asyncio.Runner(loop_factory=TracingLoop) as runner:
        print(f"asyncio.Runner: {runner.run(main())}")
    print(f"default: {asyncio.run(main())}")
