"""IsolatedAsyncioTestCase: set-up and clean-up order, a fresh event loop in debug mode per test."""

import asyncio
import unittest

loops = []  # the event loop of each test, in the order the tests ran


class LifecycleTest(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.events = ["setUp"]
        self.addCleanup(self.report)  # registered first, so it runs last

    async def asyncSetUp(self):
        self.events.append("asyncSetUp")
        loops.append(asyncio.get_running_loop())
        self.addAsyncCleanup(self.async_cleanup)

    async def asyncTearDown(self):
        self.events.append("asyncTearDown")

    def tearDown(self):
        self.events.append("tearDown")

    async def async_cleanup(self):
        await asyncio.sleep(0)  # a cleanup may await: it runs in the test's event loop
        self.events.append("async cleanup")

    def report(self):
        print(" -> ".join(self.events))

    async def test_debug_mode(self):
        self.events.append("test")
        self.assertTrue(asyncio.get_running_loop().get_debug())

    async def test_fresh_loop(self):
        self.events.append("test")
        loop = asyncio.get_running_loop()
        for earlier in loops[:-1]:  # the loops of the tests that ran before this one
            self.assertIsNot(earlier, loop)
            self.assertTrue(earlier.is_closed())
