"""Demo content as plain functions; `manage.py seed_demo` calls `seed_all()`.

Every function is idempotent: it looks rows up by their natural key and saves only what
differs, so a second run writes nothing (no new history entries, no changed timestamps).
"""

from collections import Counter

from django.db import transaction

from portal.demo import content
from portal.demo.ports import PORTS
from portal.help.models import Article, Category, SearchSynonym
from portal.help.search.query import query_words
from portal.mail.addresses import to_ascii_domain
from portal.mail.models import HostingPackage, MailProgram, PortSetting, ProgramStep, Server
from portal.markdown import normalise_source

SERVERS = [("streznik.avant.si", True), ("streznik2.avant.si", True), ("star.avant.si", False)]

PACKAGES = [
    # (domain, plan, disk quota in MB, server)
    ("vasadomena.si", "Gostovanje Start", 5_000, "streznik.avant.si"),
    ("čebelica.si", "Gostovanje Pro", 20_000, "streznik2.avant.si"),
    ("pisarna-novak.si", "Gostovanje Business", 50_000, "streznik.avant.si"),
]


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


def seed_servers(tally: Counter) -> None:
    for hostname, active in SERVERS:
        tally[upsert(Server, {"hostname": hostname}, {"active": active})[1]] += 1


def seed_packages(tally: Counter) -> None:
    servers = {server.hostname: server for server in Server.objects.all()}
    for domain, plan, quota, hostname in PACKAGES:
        _row, outcome = upsert(
            HostingPackage,
            {"domain": to_ascii_domain(domain)},
            {"plan": plan, "disk_quota_mb": quota, "server": servers[hostname]},
        )
        tally[outcome] += 1


def seed_ports(tally: Counter) -> None:
    for protocol, security, port, preferred in PORTS:
        lookup = {"protocol": protocol, "security": security, "port": port}
        tally[upsert(PortSetting, lookup, {"preferred": preferred})[1]] += 1


def seed_programs(tally: Counter) -> None:
    for entry in content.PROGRAMS:
        values = {key: entry[key] for key in entry if key not in ("slug", "steps")}
        program, outcome = upsert(MailProgram, {"slug": entry["slug"]}, values)
        wanted = [
            (order, normalise_source(sl), normalise_source(en))
            for order, (sl, en) in enumerate(entry["steps"], start=1)
        ]
        current = list(program.steps.order_by("order").values_list("order", "text_sl", "text_en"))
        if current != wanted:
            program.steps.all().delete()
            ProgramStep.objects.bulk_create(
                ProgramStep(program=program, order=order, text_sl=sl, text_en=en)
                for order, sl, en in wanted
            )
            outcome = "updated" if outcome == "unchanged" else outcome
        tally[outcome] += 1


def seed_help_centre(tally: Counter) -> None:
    for entry in content.CATEGORIES:
        values = {key: value for key, value in entry.items() if key != "slug"}
        tally[upsert(Category, {"slug": entry["slug"]}, values)[1]] += 1
    categories = {category.slug: category for category in Category.objects.all()}
    articles = {}
    for entry in content.ARTICLES:
        values = {key: value for key, value in entry.items() if key not in ("slug", "related")}
        values["category"] = categories[entry["category"]]
        values["published"] = True
        article, outcome = upsert(Article, {"slug": entry["slug"]}, values)
        articles[entry["slug"]] = article
        tally[outcome] += 1
    for entry in content.ARTICLES:
        article = articles[entry["slug"]]
        wanted = {articles[slug].pk for slug in entry["related"]}
        if set(article.related.values_list("pk", flat=True)) != wanted:
            article.related.set(wanted)
            tally["updated"] += 1


def seed_search_synonyms(tally: Counter) -> None:
    wanted = {}
    for forms in content.SEARCH_WORD_FORMS:
        for form in forms:
            others = ", ".join(other for other in forms if other != form)
            wanted[" ".join(query_words(form))] = (others, None)
    for phrase, expansion, slug in content.SEARCH_SYNONYMS:
        wanted[" ".join(query_words(phrase))] = (expansion, slug or None)
    articles = {article.slug: article for article in Article.objects.only("slug")}
    for phrase, (expansion, slug) in wanted.items():
        article = articles.get(slug) if slug else None
        values = {"expansion": expansion, "article_id": article.pk if article else None}
        tally[upsert(SearchSynonym, {"phrase": phrase}, values)[1]] += 1


@transaction.atomic
def seed_all() -> Counter:
    tally: Counter = Counter()
    seed_servers(tally)
    seed_packages(tally)
    seed_ports(tally)
    seed_programs(tally)
    seed_help_centre(tally)
    seed_search_synonyms(tally)
    return tally
