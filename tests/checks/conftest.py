"""A mail lab: our servers' endpoints answered by greeters on loopback, with real certificates."""

import pytest

from portal.mail.models import PortSetting, Server
from tests.checks.greeters import CertificateMaker, Greeter
from tests.conftest import DEMO_PORTS


class MailLab:
    """Creates Server rows and, for each published port, a greeter the checker is pointed at."""

    def __init__(self, settings, tmp_path):
        self.settings = settings
        self.certificates = CertificateMaker()
        self.greeters: dict[tuple[str, int], Greeter] = {}
        settings.CHECK_MAIL_SERVERS_CA_FILE = self.certificates.write_ca(tmp_path / "ca.pem")
        settings.CHECK_MAIL_SERVERS_CONNECT_TO = []
        settings.CHECK_MAIL_SERVERS_TIMEOUT = 3

    def publish_ports(self, ports=DEMO_PORTS):
        """The demo's ports table: 110, 995, 143, 993, 26, 25, 465 and 587."""
        for row in ports:
            PortSetting.objects.get_or_create(
                protocol=row.protocol,
                security=row.security,
                port=row.port,
                defaults={"preferred": row.preferred},
            )

    def server(self, hostname: str, certificate: str = "valid", days_left: int = 90, **greeter):
        """A Server row whose every published endpoint is a greeter with this certificate."""
        server = Server.objects.create(hostname=hostname)
        tls = self.certificates.context(hostname, certificate, days_left)
        for row in PortSetting.objects.all():
            self.greeter(hostname, row.port, str(row.protocol), str(row.security), tls, **greeter)
        return server

    def greeter(self, hostname, port, protocol, security, tls, **options) -> Greeter:
        greeter = Greeter(protocol, security, tls, **options)
        self.greeters[(hostname, port)] = greeter
        self.settings.CHECK_MAIL_SERVERS_CONNECT_TO = [
            *self.settings.CHECK_MAIL_SERVERS_CONNECT_TO,
            f"{hostname}:{port}:127.0.0.1:{greeter.port}",
        ]
        return greeter

    def login_attempts(self) -> list[str]:
        return [attempt for g in self.greeters.values() for attempt in g.login_attempts()]

    def stop(self):
        for greeter in self.greeters.values():
            greeter.stop()


@pytest.fixture
def mail_lab(db, settings, tmp_path):
    lab = MailLab(settings, tmp_path)
    lab.publish_ports()
    yield lab
    lab.stop()
