"""Faults made on purpose: the build must not hang, lie or leak, and no fault may hide another."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from engine import cache, examples, interpreters, processes, results
from tests.scratch import (
    ROOT,
    alive,
    logged_runs,
    scratch_build,
    scratch_env,
    scratch_project,
    write,
)

# ------------------------------------------------------------------ examples that misbehave


def test_hanging_example_fails_the_build_in_bounded_time(tmp_path):
    page = '# Demo\n\n{{ example("demo/ok.py") }}\n\n{{ example("demo/hang.py") }}\n'
    project = scratch_project(
        tmp_path,
        {
            "demo/ok.py": "print('still shown')\n",
            "demo/hang.py": """
                import subprocess, sys, time
                subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
                print("hanging", flush=True)
                time.sleep(600)
                """,
            "demo/examples.toml": '["hang.py"]\ntimeout = 2\n',
        },
        page,
    )
    start = time.monotonic()
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=scratch_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert time.monotonic() - start < 60
    assert build.returncode != 0
    assert "'demo/hang.py'" in build.stderr and "timed out after 2 s" in build.stderr
    # Nothing the example started is left: no process runs hang.py's sleep.
    leftovers = subprocess.run(["pgrep", "-f", "time.sleep\\(600\\)"], capture_output=True)
    assert leftovers.stdout.strip() == b""
    # The fault hid nothing: the other example's output is on the page.
    page = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "still shown" in page


def test_failing_example_shows_an_error_box_under_serve(tmp_path):
    project = scratch_project(
        tmp_path,
        {"demo/broken.py": "print('about to fail')\nraise SystemExit(4)\n"},
        '# Demo\n\n{{ example("demo/broken.py") }}\n',
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=scratch_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = ""
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    page = response.read().decode()
                break
            except OSError:
                if serve.poll() is not None:
                    break
                time.sleep(0.2)
        assert 'class="admonition failure"' in page
        assert "about to fail" in page and "exited with code 4" in page
        # Still serving after the failure.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert response.status == 200
        assert serve.poll() is None
    finally:
        serve.terminate()
        _, err = serve.communicate(timeout=30)
    assert "'demo/broken.py'" in err


def test_serve_reruns_only_the_example_that_changed(tmp_path):
    project = scratch_project(
        tmp_path,
        {"demo/edited.py": "print('version 1')\n", "demo/other.py": "print('untouched')\n"},
        '# Demo\n\n{{ example("demo/edited.py") }}\n\n{{ example("demo/other.py") }}\n',
    )
    runs = tmp_path / "runs.log"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=dict(scratch_env(tmp_path), GUIDE_RUN_LOG=str(runs)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def page_when(text: str) -> str:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    page = response.read().decode()
                if text in page:
                    return page
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"the served page never showed {text!r}")

    n = len(interpreters.find_pythons())  # each example runs on every local interpreter
    try:
        page_when("version 1")
        assert Counter(logged_runs(runs)) == {"demo/edited.py": n, "demo/other.py": n}
        # Prose edit: the page changes, no example runs.
        (project / "docs" / "index.md").write_text(
            (project / "docs" / "index.md").read_text() + "\nA new sentence.\n"
        )
        page_when("A new sentence.")
        assert Counter(logged_runs(runs)) == {"demo/edited.py": n, "demo/other.py": n}
        # Example edit: that example alone runs again.
        (project / "snippets" / "demo" / "edited.py").write_text("print('version 2')\n")
        page_when("version 2")
        assert Counter(logged_runs(runs)) == {"demo/edited.py": 2 * n, "demo/other.py": n}
    finally:
        serve.terminate()
        serve.wait(timeout=30)


def test_taken_port_fails_clearly_and_other_examples_are_unaffected(snippets):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        write(
            snippets,
            "fixed_server.py",
            f"""
            import asyncio

            async def main():
                server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", {port})
                print(f"serving on 127.0.0.1:{port}", flush=True)
                async with server:
                    await server.serve_forever()

            asyncio.run(main())
            """,
        )
        write(snippets, "client.py", "import sys\nprint('client', sys.argv[1])\n")
        write(snippets, "other.py", "print('other example is fine')\n")
        write(snippets, "examples.toml", '[pair]\nprocesses = ["fixed_server.py", "client.py"]\n')
        results = cache.run_many(examples.discover())
    pair = results["demo/pair"]
    assert pair.error == "server demo/fixed_server.py exited before it was ready"
    assert "address already in use" in pair.procs[0].text.lower()
    assert results["demo/other.py"].error == ""
    assert results["demo/other.py"].procs[0].lines == ["other example is fine"]


def test_huge_output_is_cut_with_notice_and_bounded_memory(snippets):
    write(
        snippets,
        "flood.py",
        """
        import sys
        line = "x" * 99 + "\\n"
        for i in range(500_000):          # 50 MB
            sys.stdout.write(f"{i:08d} {line}")
        sys.stdout.write("y" * 5_000_000)  # and one 5 MB line with no newline
        print()
        print("the end")
        """,
    )
    result = processes.run(examples.load("demo/flood.py"))
    proc = result.procs[0]
    assert result.error == ""
    assert len(proc.lines) == results.HEAD_LINES + results.TAIL_LINES
    assert proc.cut > 500_000 - results.HEAD_LINES - results.TAIL_LINES
    assert proc.lines[0].startswith("00000000 x")
    assert proc.lines[-1] == "the end"
    assert sum(len(line) for line in proc.lines) < 5_000_000
    text = results.transcript(result)
    assert f"[... {proc.cut} lines cut ...]" in text


def test_hostile_output_is_text_on_the_page(tmp_path):
    build = scratch_build(
        tmp_path,
        {
            "demo/hostile.py": """
                import sys
                print("<script>alert(1)</script>")
                print("\\x1b[31mred\\x1b[0m and \\x07bell")
                sys.stdout.flush()
                sys.stdout.buffer.write(b"bad bytes: \\xff\\xfe end\\n")
                print("```")
                print("after the fence")
                """
        },
        '# Demo\n\n{{ example("demo/hostile.py") }}\n',
    )
    assert build.returncode == 0, build.stderr
    page = (tmp_path / "project" / "site" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    assert "\x1b" not in page and "\x07" not in page
    assert "red and \ufffdbell" in page
    assert "bad bytes: \ufffd\ufffd end" in page
    # A stray fence in the output is text: it does not close the transcript block early.
    assert '<span class="go">```</span>' in page
    assert '<span class="go">after the fence</span>' in page
    assert "\nafter the fence\n" not in page


def test_examples_run_with_fixed_directory_and_environment(snippets, monkeypatch, tmp_path):
    write(
        snippets,
        "env.py",
        """
        import os
        print(os.getcwd().rsplit("/", 2)[-2:])
        print(sorted(k for k in os.environ if k.startswith("GUIDE") or k == "SECRET_TOKEN"))
        print(os.environ["LANG"], os.environ["TZ"])
        """,
    )
    monkeypatch.setenv("SECRET_TOKEN", "hunter2")
    monkeypatch.chdir(tmp_path)
    lines = processes.run(examples.load("demo/env.py")).procs[0].lines
    assert lines == ["['snippets', 'demo']", "[]", "C.UTF-8 UTC"]


# ------------------------------------------------------------------ around the build


def test_two_builds_at_once_share_a_consistent_cache(tmp_path):
    snippets = {f"demo/ex{i}.py": f"import time\ntime.sleep(0.3)\nprint({i})\n" for i in range(6)}
    page = "# Demo\n\n" + "\n\n".join(f'{{{{ example("demo/ex{i}.py") }}}}' for i in range(6))
    project = scratch_project(tmp_path, snippets, page + "\n")
    env = scratch_env(tmp_path)
    builds = [
        subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", f"site{n}"],
            cwd=project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in (1, 2)
    ]
    for build in builds:
        _, err = build.communicate(timeout=300)
        assert build.returncode == 0, err
    for n in (1, 2):
        html = (project / f"site{n}" / "index.html").read_text(encoding="utf-8")
        for i in range(6):
            assert f"$ python3 ex{i}.py\n{i}" in re.sub(r"<[^>]+>", "", html)
    entries = list((tmp_path / "cache").glob("*.json"))
    assert len(entries) == 6 * len(interpreters.find_pythons())  # one per (example, interpreter)
    for entry in entries:
        json.loads(entry.read_text())  # every entry whole, none half-written
    assert not list((tmp_path / "cache").glob(".tmp-*"))


def test_offline_build_and_the_dns_example(built_site):
    """The cold test build ran offline (see test_site); the DNS page still shows a result."""
    out, _, _ = built_site
    page = out / "dns" / "index.html"
    if not page.exists():
        pytest.skip("no DNS chapter in this build")
    text = page.read_text(encoding="utf-8")
    assert "localhost" in text


# ------------------------------------------------------------------ supply chain


def test_dependencies_are_pinned_with_hashes():
    text = (ROOT / "requirements.txt").read_text()
    requirements = [r for r in re.split(r"\n(?=\S)", text) if r.strip() and r[0] not in "#-"]
    assert requirements
    for requirement in requirements:
        name = requirement.split()[0]
        assert re.match(r"^[\w.-]+==[\w.]+$", name), f"not pinned: {name}"
        assert "--hash=sha256:" in requirement, f"no hash: {name}"
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes -r requirements.txt" in makefile


def test_workflows_pin_actions_and_grant_least_privilege():
    for path in (ROOT / ".github" / "workflows").glob("*.yml"):
        text = path.read_text()
        assert re.search(r"^permissions:", text, re.M), f"{path.name}: no top-level permissions"
        for uses in re.findall(r"uses:\s*(\S+)", text):
            assert re.search(r"@[0-9a-f]{40}$", uses), f"{path.name}: {uses} not pinned by SHA"
        assert "secrets." not in text, f"{path.name} needs a secret"
        if "pull_request" in text:
            assert "pull_request_target" not in text
            assert "write" not in text, f"{path.name}: pull requests get write access"
        assert "persist-credentials: false" in text or "checkout" not in text


def test_no_private_key_is_tracked_and_tls_examples_verify():
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    pem = re.compile(rb"-----BEGIN [A-Z ]*PRIVATE KEY-----\s+[A-Za-z0-9+/=]{40,}")
    for name in filter(None, tracked):
        path = ROOT / name.decode()
        if path.is_file() and path.stat().st_size < 1_000_000:
            assert not pem.search(path.read_bytes()), f"{path} holds a private key"
    for script in (ROOT / "snippets").rglob("*.py"):
        text = script.read_text()
        assert "CERT_NONE" not in text, script
        assert "check_hostname = False" not in text, script


def test_runner_kills_children_that_outlive_a_finished_example(snippets, tmp_path):
    pidfile = tmp_path / "child"
    write(
        snippets,
        "orphan.py",
        f"""
        import subprocess, sys
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        with open({str(pidfile)!r}, "w") as f:
            f.write(str(child.pid))
        print("leaving a child behind")
        child.returncode = 0  # keep Popen's __del__ quiet: the runner cleans up
        """,
    )
    result = processes.run(examples.load("demo/orphan.py"))
    assert result.procs[0].lines == ["leaving a child behind"]
    assert not alive(int(pidfile.read_text()))


# ------------------------------------------------------------------ the TLS certificate


@pytest.fixture
def cert_root(tmp_path):
    """A scratch repository root with what makes the certificates, and none made yet."""
    (tmp_path / "certs").mkdir()
    for name in ("openssl.cnf", "README.md"):
        if (ROOT / "certs" / name).exists():
            (tmp_path / "certs" / name).write_bytes((ROOT / "certs" / name).read_bytes())
    (tmp_path / "engine").mkdir()
    (tmp_path / "engine" / "certs.py").write_bytes((ROOT / "engine" / "certs.py").read_bytes())
    return tmp_path


def valid_for_a_month(cert: Path) -> bool:
    check = ["openssl", "x509", "-checkend", str(30 * 86400), "-noout", "-in", str(cert)]
    return subprocess.run(check, capture_output=True).returncode == 0


def test_missing_certificate_is_made(cert_root):
    from engine.certs import ensure_certificates

    ensure_certificates(cert_root)
    leaf = cert_root / "certs" / "localhost.crt"
    assert leaf.exists() and valid_for_a_month(leaf)
    (cert_root / "certs" / "localhost.crt").unlink()
    ensure_certificates(cert_root)
    assert leaf.exists() and valid_for_a_month(leaf)


def test_certificate_close_to_expiry_is_remade(cert_root):
    from engine.certs import ensure_certificates

    ensure_certificates(cert_root)
    leaf = cert_root / "certs" / "localhost.crt"
    # Replace the leaf with one that expires tomorrow.
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            str(cert_root / "short.key"),
            "-out",
            str(leaf),
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
        ],
        check=True,
        capture_output=True,
    )
    assert not valid_for_a_month(leaf)
    ensure_certificates(cert_root)
    assert valid_for_a_month(leaf)
