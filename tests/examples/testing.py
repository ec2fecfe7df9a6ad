import re

from tests.checks import check

# Each example is a test module run as `python3 -m unittest -v <file>`. unittest writes one line
# per test, "<method> (<module>.<class>.<method>) ... ok" (or FAIL), with the test methods sorted
# by name; whatever a test prints comes between the "... " and the result. In debug mode (always
# on in IsolatedAsyncioTestCase) asyncio logs "Executing <Task ...> took 0.150 seconds" when a
# step holds the loop for more than 0.1 s, as happens on a loaded machine. Such a message can
# land in the middle of a unittest line, so it is cut out of the text before the lines are read.
SLOW_STEP = re.compile(r"Executing <.*?> took \d+\.\d+ seconds\n?")
RAN = re.compile(r"Ran (\d+) tests? in (\d+\.\d+)s")


def _lines(run):
    return SLOW_STEP.sub("", "\n".join(run.all_lines)).splitlines()


def _results(lines, module, cls):
    """{method: "ok" or "FAIL"} in the order unittest ran them (dicts keep it), and the summary."""
    results = {}
    for i, line in enumerate(lines):
        match = re.fullmatch(rf"(test_\w+) \({module}\.{cls}\.(test_\w+)\) \.\.\. (.*)", line)
        if match:
            assert match[1] == match[2]
            # A test that printed something has its result on the next line.
            result = match[3] if match[3] in ("ok", "FAIL") else lines[i + 1]
            results[match[1]] = result
    ran = next(RAN.fullmatch(line) for line in lines if RAN.fullmatch(line))
    return results, int(ran[1]), float(ran[2]), lines[-1]


@check("testing/test_lifecycle.py")
def _(run):
    lines = _lines(run)
    results, count, _, summary = _results(lines, "test_lifecycle", "LifecycleTest")
    # Sorted by name (the order the page states), so test_fresh_loop runs second and compares
    # its loop with the first test's; both pass: debug mode, and a new loop per test.
    assert list(results.items()) == [("test_debug_mode", "ok"), ("test_fresh_loop", "ok")]
    assert (count, summary, run.returncode) == (2, "OK", 0)
    # The set-up and clean-up order, printed by the last cleanup of each test.
    order = "setUp -> asyncSetUp -> test -> asyncTearDown -> tearDown -> async cleanup"
    assert sum(line.endswith(f"... {order}") for line in lines) == 2


@check("testing/test_async_mock.py")
def _(run):
    lines = _lines(run)
    results, count, _, summary = _results(lines, "test_async_mock", "SignupTest")
    assert list(results.items()) == [  # sorted by name
        ("test_duplicate_name_sends_no_mail", "ok"),
        ("test_insert_awaited", "ok"),
        ("test_mail_checked_too_early", "FAIL"),
        ("test_mail_sent", "ok"),
    ]
    assert (count, summary, run.returncode) == (4, "FAILED (failures=1)", 1)
    # The failure: assert_called_once_with() passed, assert_awaited_once_with() did not.
    assert (
        "FAIL: test_mail_checked_too_early (test_async_mock.SignupTest.test_mail_checked_too_early)"
        in lines
    )
    failed_at = lines.index(
        '    self.mailer.send.assert_awaited_once_with("ann", "welcome")  # fails: not yet awaited'
    )
    assert (
        "AssertionError: Expected send to have been awaited once. Awaited 0 times."
        in lines[failed_at:]
    )


@check("testing/test_timeout.py")
def _(run):
    lines = _lines(run)
    results, count, seconds, summary = _results(lines, "test_timeout", "FetchPriceTest")
    assert list(results.items()) == [  # sorted by name
        ("test_answer_in_time", "ok"),
        ("test_no_answer", "ok"),
        ("test_no_answer_without_hang", "FAIL"),
    ]
    assert (count, summary, run.returncode) == (3, "FAILED (failures=1)", 1)
    # The mock answered at once, so the 0.01 s timeout never expired.
    assert "AssertionError: 4.5 is not None" in lines
    # unittest's own measurement: the tests took far less than the 10 s default timeout.
    assert seconds < 5


@check("testing/test_server.py")
def _(run):
    lines = _lines(run)
    results, count, _, summary = _results(lines, "test_server", "UpperServerTest")
    assert list(results.items()) == [  # sorted by name
        ("test_eof_closes_connection", "ok"),
        ("test_one_line", "ok"),
        ("test_two_clients", "ok"),
    ]
    assert (count, summary, run.returncode) == (3, "OK", 0)
