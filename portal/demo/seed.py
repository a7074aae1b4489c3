"""Demo content into the database; `manage.py seed_demo` calls `seed_all()`.

The content itself is in files (portal/demo/content/, read by `portal.demo.loader`). Every
function is idempotent: it looks rows up by their natural key and saves only what differs, so a
second run writes nothing (no new history entries, no changed timestamps).
"""

import tomllib
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from django.db import transaction

from portal.demo.loader import DemoContent, load_demo
from portal.help.models import Article, Category, SearchSynonym, SupportContact
from portal.help.search.query import query_words
from portal.mail.addresses import to_ascii_domain
from portal.mail.models import (
    HostingPackage,
    MailProgram,
    MailProvider,
    PortSetting,
    ProgramStep,
    ProgramWarning,
    Server,
)
from portal.markdown import normalise_source

PROVIDERS_FILE = Path(__file__).parent / "content" / "providers.toml"
SUPPORT_FILE = Path(__file__).parent / "content" / "support.toml"


def upsert(model, lookup: dict, values: dict) -> tuple[object, str]:
    """Create the row, or update only the fields that differ. Returns (row, outcome).
    Text is compared as it is stored (`normalise_source`)."""
    values = {
        name: normalise_source(value) if isinstance(value, str) else value
        for name, value in values.items()
    }
    row = model.objects.filter(**lookup).first()
    if row is None:
        return model.objects.create(**lookup, **values), "created"
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if not changed:
        return row, "unchanged"
    for name in changed:
        setattr(row, name, values[name])
    row.save()
    return row, "updated"


def without(entry, *names: str) -> dict:
    """A content entry's fields as a dict, less the named ones."""
    return {key: value for key, value in asdict(entry).items() if key not in names}


def seed_servers(demo: DemoContent, tally: Counter) -> None:
    for server in demo.servers:
        values = {
            "active": server.active,
            "mx_names": "\n".join(server.mx_names),
            "login_needs_ascii": server.login_needs_ascii,
        }
        tally[upsert(Server, {"hostname": server.hostname}, values)[1]] += 1


def seed_packages(demo: DemoContent, tally: Counter) -> None:
    servers = {server.hostname: server for server in Server.objects.all()}
    for package in demo.packages:
        _row, outcome = upsert(
            HostingPackage,
            {"domain": to_ascii_domain(package.domain)},
            {
                "plan": package.plan,
                "disk_quota_mb": package.disk_quota_mb,
                "server": servers[package.server],
            },
        )
        tally[outcome] += 1


def seed_ports(demo: DemoContent, tally: Counter) -> None:
    for port in demo.ports:
        lookup = {"protocol": port.protocol, "security": port.security, "port": port.port}
        tally[upsert(PortSetting, lookup, {"preferred": port.preferred})[1]] += 1


def seed_program_warnings(program: MailProgram, entry) -> bool:
    """The program's warnings as in the file; True when they had to be rewritten."""
    fields = ("order", "text_sl", "text_en")
    wanted = [
        (order, normalise_source(warning.text_sl), normalise_source(warning.text_en))
        for order, warning in enumerate(entry.warnings, start=1)
    ]
    if list(program.warnings.order_by("order").values_list(*fields)) == wanted:
        return False
    program.warnings.all().delete()
    for row in wanted:
        ProgramWarning.objects.create(program=program, **dict(zip(fields, row, strict=True)))
    return True


def seed_programs(demo: DemoContent, tally: Counter) -> None:
    for entry in demo.programs:
        values = without(entry, "slug", "steps", "warnings", "aliases")
        values["aliases"] = "\n".join(entry.aliases)
        program, outcome = upsert(MailProgram, {"slug": entry.slug}, values)
        if seed_program_warnings(program, entry) and outcome == "unchanged":
            outcome = "updated"
        fields = ("order", "protocol", "variant", "text_sl", "text_en")
        wanted = [
            (
                order,
                step.protocol,
                step.variant,
                normalise_source(step.text_sl),
                normalise_source(step.text_en),
            )
            for order, step in enumerate(entry.steps, start=1)
        ]
        current = list(program.steps.order_by("order").values_list(*fields))
        if current != wanted:
            program.steps.all().delete()
            ProgramStep.objects.bulk_create(
                ProgramStep(program=program, **dict(zip(fields, row, strict=True)))
                for row in wanted
            )
            outcome = "updated" if outcome == "unchanged" else outcome
        tally[outcome] += 1


def seed_help_centre(demo: DemoContent, tally: Counter) -> None:
    for entry in demo.categories:
        tally[upsert(Category, {"slug": entry.slug}, without(entry, "slug"))[1]] += 1
    categories = {category.slug: category for category in Category.objects.all()}
    articles = {}
    for entry in demo.articles:
        values = without(entry, "slug", "related")
        values["category"] = categories[entry.category]
        values["published"] = True
        article, outcome = upsert(Article, {"slug": entry.slug}, values)
        articles[entry.slug] = article
        tally[outcome] += 1
    for entry in demo.articles:
        article = articles[entry.slug]
        wanted = {articles[slug].pk for slug in entry.related}
        if set(article.related.values_list("pk", flat=True)) != wanted:
            article.related.set(wanted)
            tally["updated"] += 1


def seed_search_synonyms(demo: DemoContent, tally: Counter) -> None:
    wanted = {}
    for forms in demo.word_forms:
        for form in forms:
            others = ", ".join(other for other in forms if other != form)
            wanted[" ".join(query_words(form))] = (others, None)
    for synonym in demo.synonyms:
        wanted[" ".join(query_words(synonym.phrase))] = (synonym.expansion, synonym.article)
    articles = {article.slug: article for article in Article.objects.only("slug")}
    for phrase, (expansion, slug) in wanted.items():
        article = articles.get(slug) if slug else None
        values = {"expansion": expansion, "article_id": article.pk if article else None}
        tally[upsert(SearchSynonym, {"phrase": phrase}, values)[1]] += 1


def provider_rows(path: Path = PROVIDERS_FILE) -> list[tuple[str, dict]]:
    """(slug, field values) for each provider in the demo's providers.toml."""
    rows = []
    for entry in tomllib.loads(path.read_text(encoding="utf-8"))["provider"]:
        values = {
            "name": entry["name"],
            "name_at_sl": entry.get("name_at_sl", ""),
            "address_domains": "\n".join(entry.get("address_domains", [])),
            "mx_suffixes": "\n".join(entry.get("mx_suffixes", [])),
            "help_url": entry.get("help_url", ""),
            "note_sl": entry.get("note_sl", ""),
            "note_en": entry.get("note_en", ""),
        }
        for protocol in ("imap", "pop3", "smtp"):
            hostname, port, security = entry.get(protocol, ("", None, "ssl"))
            values |= {
                f"{protocol}_hostname": hostname,
                f"{protocol}_port": port,
                f"{protocol}_security": security,
            }
        rows.append((entry["slug"], values))
    return rows


def seed_providers(tally: Counter) -> None:
    for slug, values in provider_rows():
        tally[upsert(MailProvider, {"slug": slug}, values)[1]] += 1


def seed_support_contact(tally: Counter, path: Path = SUPPORT_FILE) -> None:
    """The demo's support contact: placeholders marked as demo values (support.toml)."""
    values = tomllib.loads(path.read_text(encoding="utf-8"))
    tally[upsert(SupportContact, {"pk": SupportContact.SINGLE_ROW}, values)[1]] += 1


@transaction.atomic
def seed_all(demo: DemoContent | None = None) -> Counter:
    demo = demo or load_demo()
    tally: Counter = Counter()
    seed_servers(demo, tally)
    seed_packages(demo, tally)
    seed_ports(demo, tally)
    seed_programs(demo, tally)
    seed_providers(tally)
    seed_help_centre(demo, tally)
    seed_search_synonyms(demo, tally)
    seed_support_contact(tally)
    return tally
