import asyncio
from pathlib import Path

CERTS = Path(__file__).resolve().parents[2] / "certs"


async def openssl(arguments):
    print(f"$ openssl {arguments}")
    process = await asyncio.create_subprocess_exec(
        "openssl",
        *arguments.split(),
        cwd=CERTS,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    print(output.decode(), end="")


async def main():
    # How the certificates were made: each command, then what it printed.
    # Reading a file blocks: a thread of asyncio's default executor does it.
    log = await asyncio.to_thread((CERTS / "make.log").read_text, encoding="utf-8")
    print(log)
    # The fields a client checks: who it is, who signed it, when it is valid, what for.
    await openssl(
        "x509 -in localhost.crt -noout -subject -issuer -dates"
        " -ext subjectAltName,basicConstraints,keyUsage,extendedKeyUsage"
    )
    # Still valid in 30 days (2,592,000 seconds)? engine/certs.py remakes it otherwise.
    await openssl("x509 -in localhost.crt -noout -checkend 2592000")


if __name__ == "__main__":
    asyncio.run(main())
