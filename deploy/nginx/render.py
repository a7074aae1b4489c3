"""Render the proxy configuration outside Docker: nginx.conf and conf.d/default.conf in a folder.

    python deploy/nginx/render.py OUT_DIR        # then: nginx -c OUT_DIR/nginx.conf

Fills the `${PORTAL_NGINX_…}` placeholders of deploy/nginx/templates/default.conf.template
(the same template the nginx image renders in compose) and of deploy/nginx/nginx.conf.template
from the environment, with defaults that keep every path inside OUT_DIR, so nginx runs as an
ordinary process next to (never instead of) the system's nginx. PORTAL_NGINX_UPSTREAM may list
several replicas, comma-separated ("127.0.0.1:8001,127.0.0.1:8002"): the line naming it is
repeated per replica. A placeholder without a value is an error, never an empty string.
Standard library only, like nginx's envsubst.
"""

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = {
    HERE / "nginx.conf.template": Path("nginx.conf"),
    HERE / "templates" / "default.conf.template": Path("conf.d") / "default.conf",
}
PLACEHOLDER = re.compile(r"\$\{(PORTAL_NGINX_[A-Z0-9_]+)\}")
LISTED = "PORTAL_NGINX_UPSTREAM"


def defaults(out: Path) -> dict[str, str]:
    # As root, the workers would otherwise switch to `nobody`, who cannot read a private folder.
    user = f"user {os.environ.get('USER', 'root')};" if os.geteuid() == 0 else ""
    return {
        "PORTAL_NGINX_SERVER_NAME": "_",
        "PORTAL_NGINX_WORKERS": "auto",
        "PORTAL_NGINX_MIME_TYPES": "/etc/nginx/mime.types",
        "PORTAL_NGINX_RUNTIME_DIR": str(out),
        "PORTAL_NGINX_CACHE_DIR": str(out / "cache"),
        "PORTAL_NGINX_ACCESS_LOG": str(out / "access.log"),
        "PORTAL_NGINX_USER_DIRECTIVE": user,
    }


def render(text: str, values: dict[str, str]) -> str:
    missing = sorted({name for name in PLACEHOLDER.findall(text) if not values.get(name)})
    if missing:
        raise SystemExit(f"set {', '.join(missing)} (see docs/operations.md, 'Reverse proxy')")
    lines = []
    for line in text.splitlines(keepends=True):
        if f"${{{LISTED}}}" in line:
            for address in filter(None, map(str.strip, values[LISTED].split(","))):
                lines.append(line.replace(f"${{{LISTED}}}", address))
        else:
            lines.append(PLACEHOLDER.sub(lambda match: values[match.group(1)], line))
    return "".join(lines)


def render_to(out: Path, environment: dict[str, str]) -> Path:
    """Render both files into `out` (created, with nginx's temp folders); the main file's path."""
    out = out.resolve()
    values = defaults(out) | {k: v for k, v in environment.items() if k.startswith("PORTAL_NGINX_")}
    for template, target in TEMPLATES.items():
        (out / target).parent.mkdir(parents=True, exist_ok=True)
        (out / target).write_text(render(template.read_text(), values))
    for folder in ("cache", "client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (out / folder).mkdir(exist_ok=True)
    return out / "nginx.conf"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    print(render_to(Path(sys.argv[1]), dict(os.environ)))
