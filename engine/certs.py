"""Make the certificates the TLS examples use, with the ``openssl`` command line tool.

A small private certificate authority (``certs/ca.key``, ``certs/ca.crt``) signs a server
certificate for ``localhost`` and ``127.0.0.1`` (``certs/localhost.key``,
``certs/localhost.crt``). The extensions come from ``certs/openssl.cnf``, the only file of
``certs/`` under version control: keys and certificates are made on the machine that runs the
examples and never committed.

``ensure_certificates(repo_root)`` makes them when one is missing, when a certificate expires
within 30 days (``openssl x509 -checkend``), or when ``certs/openssl.cnf`` or this file changed
after they were made. It runs the commands in a temporary folder inside ``certs/`` and then
moves the results into place, under a lock on the folder, so two builds at once neither collide
nor see half-made files. Each command line it ran and the command's own output go to
``certs/make.log``, which the TLS page shows.

Run ``python -m engine.certs`` to make them by hand (``--force`` to remake them anyway).
"""

from __future__ import annotations

import contextlib
import datetime
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Windows: no lock there
    fcntl = None  # type: ignore[assignment]

CONFIG = "openssl.cnf"
CERTIFICATES = ("ca.crt", "localhost.crt")
KEYS = ("ca.key", "localhost.key")
LOG = "make.log"
DAYS = 365
RENEW_BEFORE = 30 * 24 * 60 * 60  # seconds: remake when a certificate expires sooner

# Run in order, in a folder that holds a copy of certs/openssl.cnf; split as a shell would.
COMMANDS = [
    # 1. The CA: a key, then a self-signed certificate that may only sign other certificates.
    "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key",
    f"openssl req -new -x509 -config {CONFIG} -extensions ca_ext -key ca.key"
    f" -subj '/CN=asyncio guide test CA' -days {DAYS} -out ca.crt",
    # 2. The server: a key, a signing request, and the certificate the CA signs from it.
    "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out localhost.key",
    f"openssl req -new -config {CONFIG} -key localhost.key -subj /CN=localhost -out localhost.csr",
    "openssl x509 -req -in localhost.csr -CA ca.crt -CAkey ca.key -CAcreateserial"
    f" -days {DAYS} -extfile {CONFIG} -extensions server_ext -out localhost.crt",
    # 3. Check the result as a strict client would: chain, name and address.
    "openssl verify -x509_strict -CAfile ca.crt"
    " -verify_hostname localhost -verify_ip 127.0.0.1 localhost.crt",
]


def ensure_certificates(repo_root: Path) -> None:
    """Make the certificates under ``repo_root/certs`` unless they are present and fresh."""
    certs = Path(repo_root) / "certs"
    if not _why_remake(certs):
        return
    with _locked(certs):
        reason = _why_remake(certs)  # another build may have made them while we waited
        if reason:
            _make(certs, reason)


def _why_remake(certs: Path) -> str:
    """Why the files must be made again, or "" when they are fine."""
    for name in (*KEYS, *CERTIFICATES, LOG):
        if not (certs / name).is_file():
            return f"certs/{name} is missing"
    made = min((certs / name).stat().st_mtime for name in (*KEYS, *CERTIFICATES, LOG))
    for source in (certs / CONFIG, Path(__file__)):
        if source.stat().st_mtime > made:
            return f"{source.parent.name}/{source.name} changed after the certificates were made"
    for name in CERTIFICATES:
        check = subprocess.run(
            ["openssl", "x509", "-checkend", str(RENEW_BEFORE), "-noout", "-in", name],
            cwd=certs,
            capture_output=True,
            text=True,
            check=False,
        )
        if check.returncode != 0:
            said = (check.stdout + check.stderr).strip().splitlines()
            return f"certs/{name} expires within 30 days ({said[0] if said else 'unreadable'})"
    return ""


@contextlib.contextmanager
def _locked(certs: Path):
    """Hold an exclusive lock on the certs/ folder itself (no lock file to clean up)."""
    if fcntl is None:
        yield
        return
    fd = os.open(certs, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _make(certs: Path, reason: str) -> None:
    # Folders left by a run that was killed: nobody else holds the lock, so they are stale.
    for stale in certs.glob(".tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=".tmp-", dir=certs))
    try:
        shutil.copyfile(certs / CONFIG, work / CONFIG)
        now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        log = [
            f"# Made by engine/certs.py on {now}: {reason}.",
            "# The commands ran in a folder holding a copy of certs/openssl.cnf.",
        ]
        for line in COMMANDS:
            command = shlex.split(line)
            done = subprocess.run(
                command,
                cwd=work,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                check=False,
            )
            log.append(f"$ {shlex.join(command)}")
            log += done.stdout.rstrip("\n").splitlines()
            if done.returncode != 0:
                raise RuntimeError(
                    f"making the TLS certificates failed: {shlex.join(command)} exited with "
                    f"code {done.returncode}:\n" + "\n".join(log)
                )
        (work / LOG).write_text("\n".join(log) + "\n", encoding="utf-8")
        for name in KEYS:
            os.chmod(work / name, 0o600)
        # make.log goes first and comes back last: a run stopped in between leaves no log,
        # and a missing log makes the next run start over.
        (certs / LOG).unlink(missing_ok=True)
        for name in (*KEYS, *CERTIFICATES, LOG):
            os.replace(work / name, certs / name)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    log = root / "certs" / LOG
    if "--force" in argv:
        log.unlink(missing_ok=True)
    before = log.stat().st_mtime_ns if log.exists() else None
    ensure_certificates(root)
    if log.stat().st_mtime_ns != before:
        print(f"made the certificates; see certs/{LOG}:")
        print(log.read_text(encoding="utf-8"), end="")
    else:
        print("the certificates in certs/ are present and fresh; nothing to do")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
