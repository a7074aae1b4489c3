"""Reads from the database that build the plain values the rest of the portal renders."""

from portal.mail.addresses import EmailAddress
from portal.mail.choices import Protocol
from portal.mail.mailsettings import MailSettings, PortOption
from portal.mail.models import HostingPackage, PortSetting


def port_options() -> tuple[PortOption, ...]:
    return tuple(
        PortOption(row.protocol, row.security, row.port, row.preferred)
        for row in PortSetting.objects.all()
    )


def mail_settings_for(
    address: EmailAddress, recommended_protocol: str = Protocol.IMAP
) -> MailSettings:
    """Two queries: the package (with its server) and the ports table."""
    package = HostingPackage.objects.filter(server__active=True).for_domain(address.domain)
    return MailSettings(
        address=address,
        ports=port_options(),
        server_hostname=package.server.hostname if package else None,
        disk_quota_mb=package.disk_quota_mb if package else None,
        plan=package.plan if package else None,
        recommended_protocol=Protocol(recommended_protocol),
    )
