"""Checks for the chat server chapter: broadcast, a slow, an idle and a rambling client, Ctrl-C."""

import re

from tests.checks import check

TALKERS = ["alice", "bob", "carol"]


def _got(name, *lines):
    return [f"{name} got: {line}" for line in lines]


def _all_got(*lines, who=TALKERS):
    return [f"{name} got: {line}" for line in lines for name in who]


@check("chat/chat")
def _(run):
    server = run.procs["chat_server.py"]
    clients = run.procs["chat_clients.py"]
    assert server.returncode == 0
    assert clients.returncode == 0
    assert re.fullmatch(r"listening on 127\.0\.0\.1:\d+", server.lines[0]), server.lines

    # The clients wait for each step to arrive before the next one, so their transcript is the
    # same on every run; only where the "slowpoke left" line falls among alice's news varies,
    # and the script prints it after the count.
    head = [
        *_got("alice", "* welcome alice; here: nobody"),
        *_got("bob", "* welcome bob; here: alice"),
        *_got("carol", "* welcome carol; here: alice, bob"),
        *_got("alice", "* bob joined", "* carol joined"),
        *_got("bob", "* carol joined"),
        # Each line goes to every other client, not back to its sender.
        *_got("bob", "alice: hi, everyone"),
        *_got("carol", "alice: hi, everyone"),
        *_got("alice", "bob: hello, alice"),
        *_got("carol", "bob: hello, alice"),
        *_got("slowpoke", "* welcome slowpoke; here: alice, bob, carol"),
        *_all_got("* slowpoke joined"),
        # The others get all 400 lines, and the slow client is dropped on the way.
        "bob got 400 news lines from alice, and: * slowpoke left (too slow)",
        "carol got 400 news lines from alice, and: * slowpoke left (too slow)",
        *_got("alice", "* slowpoke left (too slow)"),
        # The chat goes on after the slow client is gone.
        *_got("alice", "carol: still here"),
        *_got("bob", "carol: still here"),
        "slowpoke: disconnected by the server",
        *_got("rambler", "* welcome rambler; here: alice, bob, carol"),
        *_all_got("* rambler joined"),
        *_got("rambler", "* line longer than 1024 bytes, goodbye", "end of stream"),
        *_all_got("* rambler left (line longer than 1024 bytes)"),
        *_got("sleeper", "* welcome sleeper; here: alice, bob, carol"),
        *_all_got("* sleeper joined"),
        *_got("sleeper", "* idle for 0.5 s, goodbye", "end of stream"),
    ]
    assert clients.lines[: len(head)] == head
    rest = len(head)
    # The client measures from before it connects: at least the server's 0.5 s.
    idle = re.fullmatch(r"sleeper: disconnected after (\d+\.\d) s", clients.lines[rest])
    assert idle and float(idle.group(1)) >= 0.5, clients.lines[rest]
    assert clients.lines[rest + 1 :] == [
        *_all_got("* sleeper left (idle for 0.5 s)"),
        *_got("bob", "* alice left"),
        *_got("carol", "* alice left"),
        *_got("carol", "* bob left"),
    ]

    # The server: the same story, then Ctrl-C with nobody left connected.
    assert server.lines[1:] == [
        "alice joined",
        "bob joined",
        "carol joined",
        "slowpoke joined",
        "slowpoke: 16 lines waiting, disconnecting",
        "slowpoke left (too slow)",
        "rambler joined",
        "rambler left (line longer than 1024 bytes)",
        "sleeper joined",
        "sleeper left (idle for 0.5 s)",
        "alice left",
        "bob left",
        "carol left",
        "shutting down, 0 client(s) connected",
        "server closed, exiting",
    ]


@check("chat/ctrl_c_goodbye.py")
def _(run):
    assert run.returncode == 0
    assert run.lines[:-5] == [
        "both joined; pressing Ctrl-C for the server",
        "alice got: * bob joined",
        "alice got: * server shutting down, goodbye",
        "alice got: end of stream",
        "bob got: * server shutting down, goodbye",
        "bob got: end of stream",
        "server exited with code 0; its output:",
    ]
    assert re.fullmatch(r"listening on 127\.0\.0\.1:\d+", run.lines[-5]), run.lines
    assert run.lines[-4:] == [
        "alice joined",
        "bob joined",
        "shutting down, 2 client(s) connected",
        "server closed, exiting",
    ]
