"""The example runner under faults: hangs, failures, groups, escaping and the cache."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from engine import cache, examples, processes, results
from tests.scratch import alive, logged_runs, scratch_build, write

ROOT = Path(__file__).resolve().parent.parent


def test_hanging_example_is_killed_with_its_children(snippets, tmp_path):
    pidfile = tmp_path / "pids"
    write(
        snippets,
        "hang.py",
        f"""
        import os, subprocess, sys, time
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        with open({str(pidfile)!r}, "w") as f:
            f.write(f"{{os.getpid()}} {{child.pid}}")
        print("started", flush=True)
        time.sleep(600)
        """,
    )
    write(snippets, "examples.toml", '["hang.py"]\ntimeout = 1.5\n')
    start = time.monotonic()
    result = processes.run(examples.load("demo/hang.py"))
    assert time.monotonic() - start < 10
    assert "timed out after 1.5 s" in result.error
    assert result.procs[0].lines == ["started"]
    assert result.procs[0].returncode is None
    assert "[killed at the timeout]" in results.transcript(result)
    for pid in map(int, pidfile.read_text().split()):
        assert not alive(pid), f"process {pid} outlived its example"


def test_unexpected_exit_code_is_an_error_and_expected_one_is_not(snippets):
    write(snippets, "fails.py", "import sys\nprint('about to fail')\nsys.exit(3)\n")
    write(snippets, "exits.py", "import sys\nsys.exit(2)\n")
    write(snippets, "examples.toml", '["exits.py"]\nreturncode = 2\n')
    assert processes.run(examples.load("demo/fails.py")).error == "exited with code 3, expected 0"
    assert processes.run(examples.load("demo/exits.py")).error == ""


def test_warning_swallowed_at_exit_is_an_error(snippets):
    # Under -W error a ResourceWarning raised in __del__ is only printed: exit code 0.
    write(snippets, "leaks.py", "f = open(__file__)\ndel f\nprint('done')\n")
    result = processes.run(examples.load("demo/leaks.py"))
    assert result.procs[0].returncode == 0
    assert "Exception ignored" in result.error


def test_stdout_and_stderr_are_interleaved_in_order(snippets):
    write(
        snippets,
        "both.py",
        """
        import sys
        print("out 1")
        print("err 1", file=sys.stderr)
        print("out 2")
        """,
    )
    assert processes.run(examples.load("demo/both.py")).procs[0].lines == [
        "out 1",
        "err 1",
        "out 2",
    ]


def test_two_process_example(snippets):
    write(
        snippets,
        "server.py",
        """
        import asyncio

        async def handle(reader, writer):
            data = await reader.readline()
            writer.write(data.upper())
            await writer.drain()
            writer.close()
            await writer.wait_closed()

        async def main():
            server = await asyncio.start_server(handle, "127.0.0.1", 0)
            port = server.sockets[0].getsockname()[1]
            print(f"serving on 127.0.0.1:{port}", flush=True)
            async with server:
                await server.serve_forever()

        try:
            asyncio.run(main())
        except KeyboardInterrupt:
            print("server stopped")
        """,
    )
    write(
        snippets,
        "client.py",
        """
        import asyncio, sys

        async def main(port):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"hello\\n")
            print("got", (await reader.readline()).decode().strip())
            writer.close()
            await writer.wait_closed()

        asyncio.run(main(int(sys.argv[1])))
        """,
    )
    write(snippets, "examples.toml", '[pair]\nprocesses = ["server.py", "client.py"]\n')
    assert [e.name for e in examples.discover()] == ["demo/pair"]
    result = processes.run(examples.load("demo/pair"), dev=True)
    assert result.error == ""
    server, client = result.procs
    port = server.lines[0].rsplit(":", 1)[1]
    assert server.lines == [f"serving on 127.0.0.1:{port}", "server stopped"]
    assert client.command == f"python3 client.py {port}"
    assert client.lines == ["got HELLO"]


def test_groups_running_at_once_get_their_own_ports(snippets):
    write(
        snippets,
        "server.py",
        """
        import asyncio

        async def main():
            server = await asyncio.start_server(lambda r, w: w.close(), "127.0.0.1", 0)
            print(f"at 127.0.0.1:{server.sockets[0].getsockname()[1]}", flush=True)
            async with server:
                await server.serve_forever()

        try:
            asyncio.run(main())
        except KeyboardInterrupt:
            pass
        """,
    )
    write(snippets, "client.py", "import sys\nprint('port', sys.argv[1])\n")
    toml = "".join(f'[pair{i}]\nprocesses = ["server.py", "client.py"]\n' for i in range(4))
    write(snippets, "examples.toml", toml)
    results = cache.run_many(examples.discover())
    assert all(r.error == "" for r in results.values())
    ports = {r.procs[1].lines[0] for r in results.values()}
    assert len(ports) == 4


def test_server_that_never_gets_ready_fails_in_bounded_time(snippets, monkeypatch):
    monkeypatch.setattr(processes, "READY_TIMEOUT", 1.0)
    write(snippets, "server.py", "import time\nprint('thinking', flush=True)\ntime.sleep(600)\n")
    write(snippets, "client.py", "print('never')\n")
    write(snippets, "examples.toml", '[pair]\nprocesses = ["server.py", "client.py"]\n')
    start = time.monotonic()
    result = processes.run(examples.load("demo/pair"))
    assert time.monotonic() - start < 8
    assert result.error == "server demo/server.py was not ready after 1 s"


def test_machine_paths_are_replaced(snippets):
    write(
        snippets,
        "paths.py",
        """
        import os, sys
        print(os.path.abspath(__file__))
        print(sys.prefix)
        print(os.getcwd())
        """,
    )
    lines = processes.run(examples.load("demo/paths.py")).procs[0].lines
    text = "\n".join(lines)
    assert str(Path.home()) not in text
    assert sys.prefix not in text
    assert lines[2].endswith("snippets/demo") and not lines[2].startswith("/")


def test_cache_reruns_when_a_declared_file_changes(snippets, tmp_path):
    data = write(snippets, "_data.txt", "one\n")
    write(
        snippets,
        "reads.py",
        "from pathlib import Path\nprint(Path('_data.txt').read_text().strip())\n",
    )
    write(snippets, "examples.toml", '["reads.py"]\nreads = ["_data.txt"]\n')
    example = examples.load("demo/reads.py")
    assert cache.cached_run(example).procs[0].lines == ["one"]
    assert cache.cached_run(examples.load("demo/reads.py")).procs[0].lines == ["one"]
    data.write_text("two\n")
    assert cache.cached_run(examples.load("demo/reads.py")).procs[0].lines == ["two"]
    assert logged_runs(tmp_path / "runs.log") == ["demo/reads.py"] * 2


def test_corrupt_cache_entry_is_run_again(snippets, tmp_path):
    write(snippets, "hello.py", "print('hello')\n")
    example = examples.load("demo/hello.py")
    cache.cached_run(example)
    (entry,) = (tmp_path / "cache").glob("*.json")
    # Still valid JSON, but not what the run printed: the checksum gives it away.
    entry.write_text(entry.read_text().replace('"hello"', '"tampered"'))
    assert cache.cached_run(example).procs[0].lines == ["hello"]
    # Truncated: not even JSON.
    entry.write_text(entry.read_text()[:-20])
    assert cache.cached_run(example).procs[0].lines == ["hello"]
    assert logged_runs(tmp_path / "runs.log") == ["demo/hello.py"] * 3


# ------------------------------------------------------------------ through MkDocs


def test_failing_example_fails_the_strict_build_naming_it(tmp_path):
    build = scratch_build(
        tmp_path,
        {
            "demo/ok.py": "print('fine')\n",
            "demo/broken.py": "print('last words')\nraise SystemExit('broken on purpose')\n",
        },
        '# Demo\n\n{{ example("demo/ok.py") }}\n\n{{ example("demo/broken.py") }}\n',
    )
    assert build.returncode != 0
    assert "'demo/broken.py'" in build.stderr
    assert "last words" in build.stderr and "broken on purpose" in build.stderr
    assert "demo/ok.py'" not in build.stderr


def test_output_html_is_escaped_on_the_page(tmp_path):
    build = scratch_build(
        tmp_path,
        {"demo/html.py": "print('<script>alert(1)</script> <Task pending name=\"x\">')\n"},
        '# Demo\n\n{{ example("demo/html.py") }}\n',
    )
    assert build.returncode == 0, build.stderr
    page = (tmp_path / "project" / "site" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;Task pending name=" in page
    assert "<script>alert(1)" not in page


def test_malformed_include_fails_the_build(tmp_path):
    build = scratch_build(tmp_path, {"demo/ok.py": "print(1)\n"}, "{{ example(demo/ok.py) }}\n")
    assert build.returncode != 0
    assert "cannot read the include" in build.stderr


def test_example_can_run_as_a_module(snippets):
    """`module = "unittest -v"` runs `python -m unittest -v <file>` and shows that command."""
    write(
        snippets,
        "test_demo.py",
        """
        import unittest

        class Demo(unittest.TestCase):
            def test_passes(self):
                self.assertEqual(1 + 1, 2)

            def test_fails(self):
                self.assertEqual(1 + 1, 3)
        """,
    )
    write(snippets, "examples.toml", '["test_demo.py"]\nmodule = "unittest -v"\nreturncode = 1\n')
    result = processes.run(examples.load("demo/test_demo.py"))
    assert result.error == ""
    assert result.procs[0].command == "python3 -m unittest -v test_demo.py"
    text = result.procs[0].text
    assert "test_passes (test_demo.Demo" in text and "... ok" in text
    assert "FAILED (failures=1)" in text
