import asyncio
import ssl
import sys
from pathlib import Path

CERTS = Path(__file__).resolve().parents[2] / "certs"
MESSAGE_PARTS = [b"This is the message. ", b"It will be sent ", b"in parts.\n"]


def client_context():
    # Trust our own CA, and check the server's name as any browser would.
    context = ssl.create_default_context(cafile=CERTS / "ca.crt")
    context.verify_flags |= ssl.VERIFY_X509_STRICT  # on by default from Python 3.13
    return context


async def main(port, context):
    reader, writer = await asyncio.open_connection(
        "127.0.0.1", port, ssl=context, server_hostname="localhost"
    )
    print(f"verify_mode={context.verify_mode.name} check_hostname={context.check_hostname}")
    cert = writer.get_extra_info("peercert")  # the certificate the handshake verified
    subject = dict(field for rdn in cert["subject"] for field in rdn)
    print(f"server certificate: CN={subject['commonName']}")
    print("subjectAltName:", ", ".join(f"{kind}:{value}" for kind, value in cert["subjectAltName"]))

    for part in MESSAGE_PARTS:
        print(f"sending {part!r}")
        writer.write(part)
    await writer.drain()

    # TLS has no half-close, so no write_eof(): the newline is what ends the message.
    print(f"can_write_eof(): {writer.can_write_eof()}")
    echo = await reader.readline()
    print(f"received {echo!r}")

    writer.close()
    await writer.wait_closed()
    print("closed")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), client_context()))
