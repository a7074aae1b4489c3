"""The macros staff may place in an article: live data rendered from our own templates."""

from django.template.loader import render_to_string

from portal.help.markup import expand_macros, used_macros
from portal.mail.models import Server
from portal.mail.ports import TABLE_PROTOCOLS, ports_table
from portal.mail.selectors import port_options


def _ports_table() -> str:
    return render_to_string(
        "help/macros/ports_table.html",
        {"rows": ports_table(port_options()), "protocols": [p.label for p in TABLE_PROTOCOLS]},
    )


def _servers() -> str:
    servers = Server.objects.filter(active=True).values_list("hostname", flat=True)
    return render_to_string("help/macros/servers.html", {"servers": list(servers)})


RENDERERS = {"ports-table": _ports_table, "servers": _servers}


def render_article_body(body_html: str) -> str:
    """Expand each macro once (one query per macro used, none otherwise)."""
    rendered = {name: RENDERERS[name]() for name in used_macros(body_html) if name in RENDERERS}
    return expand_macros(body_html, lambda name: rendered.get(name, ""))
