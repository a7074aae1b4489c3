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
OVERRIDING = ("POSTGRES_", "REDIS_URL", "WEB_PORT", "PORTAL_IMAGE", "COMPOSE_")


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
        assert set(result.stdout.split()) == {"db", "cache", "migrate", "web", "checks"}


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
