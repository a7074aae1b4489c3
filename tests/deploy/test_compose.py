"""docker-compose.yml validates the way a newcomer uses it: next to a .env copied from .env.example.

No Docker engine is needed: `config` only reads and checks the file. CI installs Debian's
docker-compose (.ci/run); `docker compose` (v2) is checked too where it is installed.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
TOOLS = [["docker-compose"], ["docker", "compose"]]
# Variables of the operator's shell that would override .env in compose's interpolation.
OVERRIDING = ("POSTGRES_", "REDIS_URL", "PROXY_", "TLS_", "PORTAL_", "COMPOSE_")


def installed_tools() -> list[list[str]]:
    found = []
    for tool in TOOLS:
        if shutil.which(tool[0]) is None:
            continue
        version = subprocess.run([*tool, "version"], capture_output=True, check=False)
        if version.returncode == 0:
            found.append(tool)
    return found


@pytest.fixture
def compose_tools():
    tools = installed_tools()
    if not tools:
        pytest.skip("neither docker-compose nor docker compose is installed (.ci/run installs it)")
    return tools


@pytest.fixture
def newcomer_folder(tmp_path):
    for name in ("docker-compose.yml", "Dockerfile", ".dockerignore"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")
    return tmp_path


def compose(tool, folder, *args):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(OVERRIDING)}
    return subprocess.run(
        [*tool, *args], cwd=folder, env=environment, capture_output=True, text=True, check=False
    )


def test_the_compose_file_is_valid_with_the_example_environment(compose_tools, newcomer_folder):
    for tool in compose_tools:
        result = compose(tool, newcomer_folder, "config", "--services")
        assert result.returncode == 0, f"{' '.join(tool)} config:\n{result.stderr}"
        assert set(result.stdout.split()) == {
            "db", "cache", "migrate", "web", "static", "proxy", "checks"
        }  # fmt: skip


def test_compose_refuses_to_run_without_a_database_password(compose_tools, newcomer_folder):
    env_file = newcomer_folder / ".env"
    env_file.write_text(re.sub(r"(?m)^POSTGRES_PASSWORD=.*\n", "", env_file.read_text()))
    for tool in compose_tools:
        result = compose(tool, newcomer_folder, "config", "--quiet")
        assert result.returncode != 0
        assert "set POSTGRES_PASSWORD in .env" in result.stderr


def test_the_image_copies_folders_that_exist_and_checks_the_liveness_path():
    dockerfile = (ROOT / "Dockerfile").read_text()
    sources = re.findall(r"(?m)^COPY (?!--from)(\S+)", dockerfile)
    assert sources, "the Dockerfile copies the project"
    for source in sources:
        assert (ROOT / source).exists(), f"the Dockerfile copies {source}, which does not exist"
    healthcheck = re.search(r"(?ms)^HEALTHCHECK .*?$\n\s+CMD (.*?)$", dockerfile)
    assert healthcheck, "the image has a HEALTHCHECK"
    assert reverse("health-live") in healthcheck.group(1)


def service_blocks(config: str) -> dict[str, str]:
    """The text of each service in `config`'s normalised output (two-space indented YAML)."""
    services = ("\n" + config).split("\nservices:\n", 1)[1].split("\nvolumes:\n", 1)[0]
    parts = re.split(r"(?m)^  ([a-z]+):\n", services)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_web_replicas_sit_behind_the_proxy_and_can_be_scaled(compose_tools, newcomer_folder):
    for tool in compose_tools:
        result = compose(tool, newcomer_folder, "config")
        assert result.returncode == 0, result.stderr
        services = service_blocks(result.stdout)
        # A fixed host port would make `--scale web=3` fail: only the proxy publishes ports.
        assert "ports:" not in services["web"]
        assert re.search(r"(?m)^\s+PORTAL_NGINX_UPSTREAM: web:8000$", services["proxy"])
        assert "/etc/nginx/templates" in services["proxy"]
        assert "deploy/nginx/templates" in services["proxy"]
        assert "deploy/nginx/tls/certificate.pem" in services["proxy"]
    assert (ROOT / "deploy/nginx/templates/default.conf.template").exists()


def test_compose_refuses_to_run_without_a_tls_certificate(compose_tools, newcomer_folder):
    env_file = newcomer_folder / ".env"
    env_file.write_text(re.sub(r"(?m)^TLS_CERTIFICATE=.*\n", "", env_file.read_text()))
    for tool in compose_tools:
        result = compose(tool, newcomer_folder, "config", "--quiet")
        assert result.returncode != 0
        assert "set TLS_CERTIFICATE in .env" in result.stderr
