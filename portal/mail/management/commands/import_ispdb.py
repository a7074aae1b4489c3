"""`manage.py import_ispdb FILE...`: add or update known mail providers from ISPDB files."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from portal.mail.choices import Protocol
from portal.mail.ispdb import IspdbError, IspdbProvider, parse_ispdb
from portal.mail.models import MailProvider

PROTOCOLS = (Protocol.IMAP, Protocol.POP3, Protocol.SMTP)


def provider_values(parsed: IspdbProvider, existing: MailProvider | None) -> dict[str, object]:
    """The fields the file decides. Staff's own MX suffixes and notes are kept."""
    domains = "\n".join(parsed.domains)
    kept_suffixes = existing.mx_suffix_list if existing else ()
    values: dict[str, object] = {
        "name": parsed.name,
        "address_domains": domains,
        "mx_suffixes": "\n".join(dict.fromkeys((*kept_suffixes, *parsed.domains))),
        "login_with_local_part": parsed.login_with_local_part,
    }
    for protocol in PROTOCOLS:
        server = parsed.servers.get(protocol)
        values[f"{protocol}_hostname"] = server.hostname if server else ""
        values[f"{protocol}_port"] = server.port if server else None
        if server:
            values[f"{protocol}_security"] = server.security
    if parsed.help_url and not (existing and existing.help_url):
        values["help_url"] = parsed.help_url
    if parsed.instruction and not (existing and existing.note_en):
        values["note_en"] = parsed.instruction
    return values


class Command(BaseCommand):
    help = "Add or update known mail providers from Thunderbird ISPDB config-v1.1.xml files."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")

    def handle(self, *args, files, **options):
        failed = 0
        for path in files:
            try:
                with open(path, "rb") as handle:
                    parsed = parse_ispdb(handle.read())
                outcome = self.save(parsed)
            except (OSError, IspdbError, ValidationError) as error:
                failed += 1
                self.stderr.write(f"{path}: not imported: {error}")
                continue
            self.stdout.write(f"{path}: {parsed.name}: {outcome}")
            for protocol in parsed.skipped_plain:
                self.stdout.write(
                    f"{path}: {protocol.upper()} is offered only without encryption; left out"
                )
        if failed:
            raise CommandError(f"{failed} of {len(files)} files were not imported")

    @transaction.atomic
    def save(self, parsed: IspdbProvider) -> str:
        slug = slugify(parsed.id.replace(".", "-"))[:100]
        provider = MailProvider.objects.filter(slug=slug).first()
        values = provider_values(parsed, provider)
        if provider is None:
            provider, outcome = MailProvider(slug=slug), "created"
        else:
            changed = [name for name, value in values.items() if getattr(provider, name) != value]
            if not changed:
                return "unchanged"
            outcome = "updated"
        for name, value in values.items():
            setattr(provider, name, value)
        provider.full_clean()
        provider.save()
        return outcome
