"""Read the demo content files into plain dataclasses; no database, no Django.

The files live in `portal/demo/content/` (their format is described in the README.md there):
`demo.toml` holds categories, servers, packages, ports, programs with their steps and search
synonyms; `articles/<slug>.md` holds one help article in both languages. TOML is read with the
standard library's `tomllib`, so running the demo needs no extra package.
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from portal.mail.endpoints import PortOption

CONTENT_DIR = Path(__file__).resolve().parent / "content"

FRONT_MATTER = re.compile(r"\A\+\+\+\n(?P<front>.*?)\n\+\+\+\n(?P<rest>.*)\Z", re.DOTALL)
LANGUAGE_MARKER = re.compile(r"^<!-- (sl|en) -->$", re.MULTILINE)


class ContentError(ValueError):
    """A content file that cannot be read; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Category:
    slug: str
    order: int
    name_sl: str
    name_en: str
    description_sl: str
    description_en: str


@dataclass(frozen=True)
class Article:
    slug: str
    category: str
    order: int
    related: tuple[str, ...]
    title_sl: str
    title_en: str
    summary_sl: str
    summary_en: str
    body_sl: str
    body_en: str


@dataclass(frozen=True)
class Server:
    hostname: str
    active: bool
    mx_names: tuple[str, ...] = ()  # further names its customers' MX records may use
    login_needs_ascii: bool = False  # IDN domains log in with their xn-- form


@dataclass(frozen=True)
class Package:
    domain: str  # as written (Unicode); the seed stores it in ASCII
    plan: str
    disk_quota_mb: int
    server: str  # a Server's hostname


@dataclass(frozen=True)
class Step:
    text_sl: str
    text_en: str
    protocol: str = ""  # "imap" or "pop3": the step is only for that protocol
    variant: str = ""  # "encrypted" or "plain": only for that connection


@dataclass(frozen=True)
class GuideWarning:
    """Something to know about a program, shown on its guide page."""

    text_sl: str
    text_en: str


@dataclass(frozen=True)
class Program:
    slug: str
    name: str
    platform: str
    icon: str
    auto_configuration: str
    user_agent_hint: str
    order: int
    steps: tuple[Step, ...]
    name_en: str = ""  # only where the English name differs
    aliases: tuple[str, ...] = ()  # further names customers search for
    active: bool = True  # offered in the wizard
    retired: bool = False  # its maker ended it: the guide page says so
    warnings: tuple[GuideWarning, ...] = ()


@dataclass(frozen=True)
class Synonym:
    phrase: str
    expansion: str
    article: str | None  # an Article's slug


@dataclass(frozen=True)
class DemoContent:
    categories: tuple[Category, ...]
    articles: tuple[Article, ...]
    servers: tuple[Server, ...]
    packages: tuple[Package, ...]
    ports: tuple[PortOption, ...]  # the same value the rest of the portal reads ports as
    programs: tuple[Program, ...]
    word_forms: tuple[tuple[str, ...], ...]
    synonyms: tuple[Synonym, ...]


def load_demo(content_dir: Path = CONTENT_DIR) -> DemoContent:
    data = load_toml(content_dir / "demo.toml")
    where = content_dir / "demo.toml"
    search = data.get("search", {})
    categories = tuple(build(Category, entry, where) for entry in data.get("categories", []))
    category_order = {category.slug: category.order for category in categories}
    articles = [load_article(path) for path in (content_dir / "articles").glob("*.md")]
    # The order the help centre shows them in: by category, then by the article's own order.
    articles.sort(key=lambda article: (category_order.get(article.category, 0), article.order))
    return DemoContent(
        categories=categories,
        articles=tuple(articles),
        servers=tuple(
            build(Server, {**entry, "mx_names": tuple(entry.get("mx_names", ()))}, where)
            for entry in data.get("servers", [])
        ),
        packages=tuple(build(Package, entry, where) for entry in data.get("packages", [])),
        ports=tuple(build(PortOption, entry, where) for entry in data.get("ports", [])),
        programs=tuple(load_program(entry, where) for entry in data.get("programs", [])),
        word_forms=tuple(tuple(forms) for forms in search.get("word_forms", [])),
        synonyms=tuple(
            Synonym(
                phrase=entry["phrase"],
                expansion=entry.get("expansion", ""),
                article=entry.get("article") or None,
            )
            for entry in search.get("synonyms", [])
        ),
    )


def load_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{path}: {error}") from error


def build(kind: type, entry: dict, where: Path):
    try:
        return kind(**entry)
    except TypeError as error:
        raise ContentError(f"{where}: a {kind.__name__.lower()} entry: {error}") from error


def load_program(entry: dict, where: Path) -> Program:
    steps = tuple(
        Step(
            text_sl=step["sl"],
            text_en=step["en"],
            protocol=step.get("protocol", ""),
            variant=step.get("variant", ""),
        )
        for step in entry.get("steps", [])
    )
    warnings = tuple(
        GuideWarning(text_sl=warning["sl"], text_en=warning["en"])
        for warning in entry.get("warnings", [])
    )
    values = {**entry, "steps": steps, "warnings": warnings}
    values["aliases"] = tuple(entry.get("aliases", ()))
    return build(Program, values, where)


def load_article(path: Path) -> Article:
    """One article: TOML front matter between `+++` lines, then `<!-- sl -->` and `<!-- en -->`
    sections with the Markdown bodies."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    match = FRONT_MATTER.match(text)
    if match is None:
        raise ContentError(f"{path}: the file must start with front matter between +++ lines")
    try:
        front = tomllib.loads(match["front"])
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{path}: front matter: {error}") from error
    bodies = split_languages(match["rest"], path)
    try:
        return Article(
            slug=path.stem,
            category=front["category"],
            order=front["order"],
            related=tuple(front.get("related", [])),
            title_sl=front["sl"]["title"],
            title_en=front["en"]["title"],
            summary_sl=front["sl"]["summary"],
            summary_en=front["en"]["summary"],
            body_sl=bodies["sl"],
            body_en=bodies["en"],
        )
    except KeyError as error:
        raise ContentError(f"{path}: front matter lacks {error}") from error


def split_languages(text: str, path: Path) -> dict[str, str]:
    """The Markdown after each language marker, without the blank lines around it: the text as
    the admin form saves it (Django strips a field's leading and trailing whitespace), so an
    untouched save does not record a trailing newline as a change."""
    parts = LANGUAGE_MARKER.split(text)
    # parts: [text before the first marker, language, body, language, body, ...]
    if parts[0].strip() or parts[1::2] != ["sl", "en"]:
        raise ContentError(f"{path}: expected a <!-- sl --> section, then a <!-- en --> section")
    return {
        language: body.strip("\n") for language, body in zip(parts[1::2], parts[2::2], strict=True)
    }
