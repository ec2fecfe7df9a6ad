import asyncio

REQUESTS = 10
DURATION = 0.15  # how long one request takes


class TokenBucket:
    """Allow `rate` acquisitions per second on average, and bursts of up to `burst`."""

    def __init__(self, rate, burst):
        self.rate = rate
        self.burst = burst
        self.tokens = burst  # start full: the first `burst` calls do not wait
        self.updated = None
        self.lock = asyncio.Lock()  # waiters take tokens one at a time, in order

    async def acquire(self):
        async with self.lock:
            loop = asyncio.get_running_loop()
            while True:
                now = loop.time()  # monotonic: unaffected by changes to the wall clock
                if self.updated is not None:
                    elapsed = now - self.updated
                    self.tokens = min(self.burst, self.tokens + elapsed * self.rate)
                self.updated = now
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
                await asyncio.sleep((1 - self.tokens) / self.rate)


async def run(name, limited):
    loop = asyncio.get_running_loop()
    start = loop.time()
    starts = []
    running = 0
    most_running = 0

    async def request():
        nonlocal running, most_running
        starts.append(loop.time())
        running += 1
        most_running = max(most_running, running)
        try:
            await asyncio.sleep(DURATION)  # stands for the real request
        finally:
            running -= 1

    async with asyncio.TaskGroup() as tg:
        for _ in range(REQUESTS):
            tg.create_task(limited(request))
    elapsed = loop.time() - start
    offsets = " ".join(f"{t - starts[0]:.2f}" for t in starts)  # from the first start
    print(f"{name}: starts at {offsets}")
    print(f"{name}: at most {most_running} at once, {elapsed:.2f} s in all")


async def main():
    semaphore = asyncio.Semaphore(3)
    bucket = TokenBucket(rate=20, burst=2)

    async def with_semaphore(request):
        async with semaphore:  # holds a place until the request is over
            await request()

    async def with_bucket(request):
        await bucket.acquire()  # takes a token, gives nothing back
        await request()

    print(f"{REQUESTS} requests of {DURATION} s each")
    await run("semaphore(3)", with_semaphore)
    await run("bucket(20/s, burst 2)", with_bucket)


if __name__ == "__main__":
    asyncio.run(main())
