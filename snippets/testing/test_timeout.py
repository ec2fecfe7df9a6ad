"""Testing a timeout without waiting for it: a mock that never answers, a short time limit."""

import asyncio
import unittest
from unittest.mock import Mock


# The code under test (in a real project it lives in its own module).
class PriceClient:
    async def get_price(self, item):
        raise NotImplementedError("asks the price service over the network")


async def fetch_price(client, item, timeout=10.0):
    """The price of item, or None if the service does not answer within timeout seconds."""
    try:
        async with asyncio.timeout(timeout):
            return await client.get_price(item)
    except TimeoutError:
        return None


async def hang(*args, **kwargs):
    """A side effect that never returns: it waits for an event nobody sets."""
    await asyncio.Event().wait()


class FetchPriceTest(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        # With a spec, the mock's async methods are AsyncMocks; by default they answer at once.
        self.client = Mock(spec=PriceClient)
        self.client.get_price.return_value = 4.5

    async def test_answer_in_time(self):
        self.assertEqual(await fetch_price(self.client, "tea"), 4.5)
        self.client.get_price.assert_awaited_once_with("tea")

    async def test_no_answer(self):
        self.client.get_price.side_effect = hang
        self.assertIsNone(await fetch_price(self.client, "tea", timeout=0.01))
        self.client.get_price.assert_awaited_once_with("tea")

    async def test_no_answer_without_hang(self):
        # Fails on purpose: the mock answers at once, so a short timeout never expires.
        self.assertIsNone(await fetch_price(self.client, "tea", timeout=0.01))
