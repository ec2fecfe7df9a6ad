import ast
import re

from tests.checks import check

# What the public names give depends on the network of the machine that runs the example:
# addresses where DNS works, an error or a timeout where it does not. Both are accepted.
_ADDRESS = re.compile(r"(?P<host>\S+) +(?P<family>AF_INET6?) +(?P<address>\S+)")
_FAILED = re.compile(r"(?P<host>\S+) +(cannot be resolved here: .+|no answer within 2 seconds)")


@check("dns/getaddrinfo.py")
def _(run):
    lines = run.lines
    answers = {}
    for line in lines:
        found = _ADDRESS.fullmatch(line)
        if found:
            answers.setdefault(found["host"], []).append(found["address"])
        else:
            assert _FAILED.fullmatch(line), line
            answers.setdefault(_FAILED.fullmatch(line)["host"], None)
    # One answer per name, in the order of HOSTS (gather() keeps it), whatever the network.
    assert list(answers) == ["localhost", "python.org", "pymotw.com"]
    # localhost always resolves, to 127.0.0.1 (and ::1 where the hosts file has it), only to them.
    assert answers["localhost"] and "127.0.0.1" in answers["localhost"]
    assert set(answers["localhost"]) <= {"127.0.0.1", "::1"}
    for line in lines:
        found = _ADDRESS.fullmatch(line)
        if found:  # the family column matches the address
            assert (found["family"] == "AF_INET6") == (":" in found["address"])


@check("dns/getnameinfo.py")
def _(run):
    lines = run.lines
    split = next(i for i, line in enumerate(lines) if line.startswith("192.0.2.1"))
    head, tail = lines[:split], lines[split:]

    # Three lines for each address of localhost: 127.0.0.1 and, where it has one, ::1.
    assert head and len(head) % 3 == 0, head
    blocks = [head[i : i + 3] for i in range(0, len(head), 3)]
    addresses = [first.split()[0] for first, _, _ in blocks]
    assert "127.0.0.1" in addresses and set(addresses) <= {"127.0.0.1", "::1"}
    for (first, numeric, back), address in zip(blocks, addresses, strict=True):
        found = re.fullmatch(
            rf"{re.escape(address)} port 443 -> host '(?P<host>[^']+)', service '(https|443)'",
            first,
        )
        assert found, first
        if address == "127.0.0.1":
            assert found["host"].startswith("localhost"), first
        # The numeric flags give the address and the port back as they are.
        assert numeric == f"  with NI_NUMERICHOST|NI_NUMERICSERV: ('{address}', '443')"
        # The round trip: the name getnameinfo() gave resolves back to the same address.
        assert back == f"  {found['host']!r} resolves back to {address}: True"

    # 192.0.2.1 has no name: getnameinfo() falls back to the number, NI_NAMEREQD refuses.
    # Where the DNS server does not answer in time, a line says so instead.
    assert len(tail) == 2, tail
    plain = tail[0].removeprefix("192.0.2.1 port 443, no flags: ")
    required = tail[1].removeprefix("192.0.2.1 port 443, NI_NAMEREQD: ")
    assert plain != tail[0] and required != tail[1], tail
    timed_out = "no answer within 2 seconds"
    if plain == timed_out:
        return
    if plain.startswith("gaierror: "):
        # The lookup failed (glibc with no DNS server in reach: EAI_AGAIN) rather than finding
        # no name: then NI_NAMEREQD cannot do better.
        assert required == timed_out or required.startswith("gaierror: "), required
        return
    host, service = ast.literal_eval(plain)
    # No name (RFC 5737 reserves this address): the number comes back, NI_NAMEREQD refuses.
    assert host == "192.0.2.1" and service in ("https", "443"), plain
    assert required == timed_out or required.startswith("gaierror: "), required
