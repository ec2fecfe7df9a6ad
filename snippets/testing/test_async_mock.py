"""AsyncMock: a stand-in for an async dependency that records how it was awaited."""

import asyncio
import unittest
from unittest.mock import AsyncMock


# The code under test (in a real project it lives in its own module).
class SignupService:
    """Stores a new user, then sends the welcome mail in the background."""

    def __init__(self, db, mailer):
        self.db = db
        self.mailer = mailer
        self._mails = set()  # the mail tasks still running, referenced until they end

    async def signup(self, name):
        user_id = await self.db.insert("users", name=name)
        task = asyncio.create_task(self.mailer.send(name, "welcome"))
        self._mails.add(task)
        task.add_done_callback(self._mails.discard)
        return user_id

    async def aclose(self):
        """Wait for the mails still being sent."""
        await asyncio.gather(*self._mails)


class SignupTest(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.db = AsyncMock()
        self.db.insert.return_value = 7  # what `await db.insert(...)` gives
        self.mailer = AsyncMock()
        self.service = SignupService(self.db, self.mailer)
        self.addAsyncCleanup(self.service.aclose)  # no mail task outlives the test

    async def test_duplicate_name_sends_no_mail(self):
        self.db.insert.side_effect = ValueError("name taken")  # the await raises this
        with self.assertRaises(ValueError):
            await self.service.signup("ann")
        self.mailer.send.assert_not_called()

    async def test_insert_awaited(self):
        user_id = await self.service.signup("ann")
        self.assertEqual(user_id, 7)
        self.db.insert.assert_awaited_once_with("users", name="ann")

    async def test_mail_checked_too_early(self):
        # Fails on purpose: the mail task has been created but has not run yet.
        await self.service.signup("ann")
        self.mailer.send.assert_called_once_with("ann", "welcome")  # passes: it was called
        self.mailer.send.assert_awaited_once_with("ann", "welcome")  # fails: not yet awaited

    async def test_mail_sent(self):
        await self.service.signup("ann")
        await self.service.aclose()  # let the background mail finish first
        self.mailer.send.assert_awaited_once_with("ann", "welcome")
