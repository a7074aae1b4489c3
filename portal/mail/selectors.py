"""Reads from the database (and DNS) that build the plain values the rest of the portal renders."""

from django.conf import settings as django_settings

from portal.localized import current_language
from portal.mail.addresses import EmailAddress
from portal.mail.choices import Protocol
from portal.mail.dns import DnsAnswer, Outcome, mx_hosts
from portal.mail.endpoints import Endpoint
from portal.mail.guide import GuideStepText
from portal.mail.location import (
    MailboxLocation,
    PackageFacts,
    ProviderFacts,
    ServerFacts,
    Where,
    locate_mailbox,
)
from portal.mail.mailsettings import MailSettings, PortOption
from portal.mail.models import (
    HostingPackage,
    MailProgram,
    MailProvider,
    Platform,
    PortSetting,
    Server,
)
from portal.mail.program_names import ProgramNames, programs_named

PROVIDER_PROTOCOLS = (Protocol.IMAP, Protocol.POP3, Protocol.SMTP)


def port_options() -> tuple[PortOption, ...]:
    return tuple(
        PortOption(row.protocol, row.security, row.port, row.preferred)
        for row in PortSetting.objects.all()
    )


def server_facts(server: Server) -> ServerFacts:
    return ServerFacts(server.hostname, server.mx_name_list, server.login_needs_ascii)


def provider_facts(provider: MailProvider) -> ProviderFacts:
    endpoints = tuple(
        Endpoint(
            protocol,
            getattr(provider, f"{protocol}_hostname"),
            getattr(provider, f"{protocol}_port"),
            getattr(provider, f"{protocol}_security"),
        )
        for protocol in PROVIDER_PROTOCOLS
        if getattr(provider, f"{protocol}_hostname") and getattr(provider, f"{protocol}_port")
    )
    return ProviderFacts(
        slug=provider.slug,
        name=provider.name,
        address_domains=provider.address_domain_list,
        mx_suffixes=provider.mx_suffix_list,
        endpoints=endpoints,
        login_with_local_part=provider.login_with_local_part,
        help_url=provider.help_url,
        note=provider.note,
        name_at=provider.name_at_sl if current_language() == "sl" else "",
    )


def mailbox_location(domain: str, *, with_providers: bool = True) -> MailboxLocation:
    """Where the mailboxes of `domain` (ASCII) live: one query when the package table knows it.

    Otherwise one query for our servers, the domain's MX (the shared DNS cache: at most one
    look-up per domain an hour) and, `with_providers`, one query for the known providers.
    The machine formats pass `with_providers=False`: for them a provider is "not ours" anyway.
    """
    package = HostingPackage.objects.filter(server__active=True).for_domain(domain)
    if package is not None:
        facts = PackageFacts(server_facts(package.server), package.disk_quota_mb, package.plan)
        return locate_mailbox(domain, facts)
    servers = tuple(server_facts(server) for server in Server.objects.filter(active=True))
    providers = (
        tuple(provider_facts(row) for row in MailProvider.objects.active())
        if with_providers
        else ()
    )
    try:
        mx = mx_hosts(domain)
    except ValueError:  # not a name DNS accepts (the address parser is more lenient)
        mx = DnsAnswer(Outcome.NONE)
    return locate_mailbox(domain, None, servers, providers, mx)


def mail_settings_for(
    address: EmailAddress,
    recommended_protocol: str = Protocol.IMAP,
    *,
    with_providers: bool = True,
) -> MailSettings:
    """The settings for `address`: at most four queries and one (cached) MX look-up."""
    location = mailbox_location(address.domain, with_providers=with_providers)
    generic_guidance = django_settings.PORTAL_GENERIC_GUIDANCE
    needs_ports = location.ours or (location.provider is None and generic_guidance)
    return MailSettings(
        address=address,
        ports=port_options() if needs_ports else (),
        server_hostname=location.server.hostname if location.server else None,
        disk_quota_mb=location.package.disk_quota_mb if location.package else None,
        plan=location.package.plan if location.package else None,
        recommended_protocol=Protocol(recommended_protocol),
        found_by_mx=location.where == Where.OUR_MX,
        provider=location.provider,
        login_needs_ascii=bool(location.server and location.server.login_needs_ascii),
        generic_guidance=generic_guidance,
        dns_failed=location.dns_failed,
    )


# A program's name is among the first words of any search that names it; a long pasted error
# message is matched on its start only.
NAMED_IN_FIRST_CHARACTERS = 500


def programs_named_in(query: str, limit: int = 3) -> list[MailProgram]:
    """The programs (with a guide page) that a search names, the most precisely named first.

    One query, whatever the number of programs: every program's names are read and matched
    in Python (`program_names.programs_named`); programs are few (tens, not thousands).
    """
    programs = list(
        MailProgram.objects.with_guide().only(
            "slug", "name", "name_en", "aliases", "platform", "icon", "active", "retired"
        )
    )
    names = [
        ProgramNames(program.slug, (program.name, program.name_en, *program.alias_list))
        for program in programs
    ]
    by_slug = {program.slug: program for program in programs}
    named = programs_named(query[:NAMED_IN_FIRST_CHARACTERS], names)
    return [by_slug[slug] for slug in named[:limit]]


def guide_programs() -> list[MailProgram]:
    """Every program with a guide page, in staff order (one query)."""
    return list(MailProgram.objects.with_guide())


def program_for_guide(slug: str) -> MailProgram | None:
    """The program with its steps and warnings (three queries), or None."""
    return (
        MailProgram.objects.with_guide()
        .prefetch_related("steps", "warnings")
        .filter(slug=slug)
        .first()
    )


def guide_step_texts(program: MailProgram) -> list[GuideStepText]:
    """The program's (prefetched) steps as plain values, in the current language."""
    return [
        GuideStepText(
            step.text,
            step.protocol,
            step.variant,
            step.image.url if step.image else "",
            step.image_alt,
        )
        for step in program.steps.all()
    ]


def alternatives_to(program: MailProgram) -> list[MailProgram]:
    """Active programs for the same platform, or for every platform (one query)."""
    return list(
        MailProgram.objects.active()
        .filter(platform__in=(program.platform, Platform.ANY))
        .exclude(pk=program.pk)
    )


def example_server_name() -> str:
    """One of our active servers' names, to show what a server name looks like."""
    return Server.objects.filter(active=True).values_list("hostname", flat=True).first() or ""
