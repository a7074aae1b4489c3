"""How long one run of the live checks takes: 3 servers by 6 endpoints, one server not answering.

    .venv/bin/python bench/check_mail_servers.py [--timeout 5]

Starts greeters on loopback (tests/checks/greeters.py) with trustme certificates: two servers
answer on every endpoint, the third accepts connections and never says a word. All endpoints
are probed in parallel (portal.checks.probe.probe_all, the code the command runs), so the run
should take about one timeout, not six timeouts. Prints the figures; no database needed.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal.checks import probe
from tests.checks.greeters import CertificateMaker, Greeter

ENDPOINTS = [
    ("imap", "ssl", 993),
    ("pop3", "ssl", 995),
    ("smtp", "ssl", 465),
    ("smtp", "starttls", 587),
    ("imap", "none", 143),
    ("pop3", "none", 110),
]
SERVERS = [("streznik1.avant.si", False), ("streznik2.avant.si", False), ("tiho.avant.si", True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per endpoint")
    parser.add_argument("--workers", type=int, default=32)
    arguments = parser.parse_args()

    certificates = CertificateMaker()
    greeters, connect_to, targets = [], {}, []
    for hostname, silent in SERVERS:
        tls = certificates.context(hostname)
        for protocol, security, port in ENDPOINTS:
            greeter = Greeter(protocol, security, tls, silent=silent)
            greeters.append(greeter)
            connect_to[(hostname, port)] = ("127.0.0.1", greeter.port)
            targets.append(probe.Target(hostname, port, protocol, security))
    with tempfile.TemporaryDirectory() as folder:
        context = probe.verifying_context(certificates.write_ca(Path(folder) / "ca.pem"))
        started = time.monotonic()
        results = probe.probe_all(
            targets,
            timeout=arguments.timeout,
            context=context,
            workers=arguments.workers,
            connect_to=connect_to,
        )
        elapsed = time.monotonic() - started
    for greeter in greeters:
        greeter.stop()

    ok = sum(result.ok for result in results)
    print(f"endpoints checked:     {len(results)} ({len(SERVERS)} servers × {len(ENDPOINTS)})")
    print(f"answered correctly:    {ok}")
    print(f"problems:              {', '.join(sorted({r.problem for r in results if not r.ok}))}")
    print(f"timeout per endpoint:  {arguments.timeout:.1f} s")
    print(f"wall time of the run:  {elapsed:.2f} s")
    budget = arguments.timeout + 1.0
    verdict = "within" if elapsed <= budget else "OVER"
    print(f"budget (timeout + 1 s): {budget:.1f} s -> {verdict} budget")


if __name__ == "__main__":
    main()
