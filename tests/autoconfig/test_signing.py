"""Signed Apple profiles: CMS SignedData a device verifies against the signer's CA.

The CA and the signing certificate are made in the test with trustme; the signature is checked
with `openssl smime -verify` (the tool an operator would use) and the content compared with the
unsigned profile byte for byte.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import trustme
from cryptography.hazmat.primitives import serialization
from django.core.exceptions import ImproperlyConfigured

from portal.autoconfig.signing import load_signer
from portal.autoconfig.views import mobileconfig_response
from portal.mail.addresses import parse_email
from portal.mail.selectors import mail_settings_for

ROOT = Path(__file__).resolve().parent.parent.parent
PROFILE_URL = "/mobileconfig/"
OPENSSL = shutil.which("openssl")


@pytest.fixture
def ca():
    return trustme.CA()


@pytest.fixture
def signing_files(tmp_path, ca):
    """PEM files of a signing certificate issued by an intermediate of `ca`."""
    intermediate = ca.create_child_ca()
    leaf = intermediate.issue_cert("profiles.example.si")
    files = {
        "cert": tmp_path / "signing-cert.pem",
        "key": tmp_path / "signing-key.pem",
        "chain": tmp_path / "chain.pem",
        "ca": tmp_path / "ca.pem",
    }
    files["cert"].write_bytes(leaf.cert_chain_pems[0].bytes())
    files["key"].write_bytes(leaf.private_key_pem.bytes())
    files["chain"].write_bytes(intermediate.cert_pem.bytes())
    files["ca"].write_bytes(ca.cert_pem.bytes())
    return files


@pytest.fixture
def signed(settings, signing_files):
    settings.APPLE_PROFILE_SIGNING_CERT = str(signing_files["cert"])
    settings.APPLE_PROFILE_SIGNING_KEY = str(signing_files["key"])
    settings.APPLE_PROFILE_SIGNING_CHAIN = str(signing_files["chain"])
    return signing_files


def openssl_verify(
    signed_profile: bytes, ca_file: Path, tmp_path: Path
) -> subprocess.CompletedProcess:
    path = tmp_path / "profile.der"
    path.write_bytes(signed_profile)
    return subprocess.run(
        [
            OPENSSL,
            "smime",
            "-verify",
            "-inform",
            "DER",
            "-in",
            str(path),
            "-CAfile",
            str(ca_file),
            "-purpose",
            "any",
        ],
        capture_output=True,
        check=False,
    )


def test_unsigned_profile_is_a_plain_property_list(client, hosted):
    response = client.get(PROFILE_URL, {"emailaddress": "info@vasadomena.si"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-apple-aspen-config"
    assert response.content.startswith(b"<?xml")


@pytest.mark.skipif(OPENSSL is None, reason="the openssl command is not installed")
def test_signed_profile_verifies_against_the_ca_and_holds_the_unsigned_plist(
    client, hosted, settings, signed, tmp_path
):
    query = {"emailaddress": "info@vasadomena.si"}
    signed_body = client.get(PROFILE_URL, query)
    settings.APPLE_PROFILE_SIGNING_CERT = settings.APPLE_PROFILE_SIGNING_KEY = ""
    unsigned_body = client.get(PROFILE_URL, query).content

    assert signed_body["Content-Type"] == "application/x-apple-aspen-config"
    assert signed_body["Content-Disposition"] == 'attachment; filename="vasadomena.si.mobileconfig"'
    assert signed_body.content[:1] == b"\x30"  # DER: a SEQUENCE, not XML
    result = openssl_verify(signed_body.content, signed["ca"], tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert b"Verification successful" in result.stderr
    assert result.stdout == unsigned_body


@pytest.mark.skipif(OPENSSL is None, reason="the openssl command is not installed")
def test_signed_profile_does_not_verify_against_another_ca(client, hosted, signed, tmp_path):
    stranger = tmp_path / "stranger.pem"
    stranger.write_bytes(trustme.CA().cert_pem.bytes())
    body = client.get(PROFILE_URL, {"domain": "vasadomena.si"}).content
    assert openssl_verify(body, stranger, tmp_path).returncode != 0


def test_the_wizard_download_is_signed_too(hosted, signed):
    response = mobileconfig_response(mail_settings_for(parse_email("info@vasadomena.si")))
    assert response.content[:1] == b"\x30"


# -- Configuration errors stop the start; check --deploy warns while profiles are unsigned -------


def manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "APPLE_"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "settings.base",
        "DJANGO_SECRET_KEY": "a-long-random-production-key-" + "k7Qz" * 10,
        "DJANGO_ALLOWED_HOSTS": "pomoc.example.si",
        **environment,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_missing_certificate_file_stops_the_start(tmp_path, signing_files):
    result = manage(
        "check",
        APPLE_PROFILE_SIGNING_CERT=str(tmp_path / "nowhere.pem"),
        APPLE_PROFILE_SIGNING_KEY=str(signing_files["key"]),
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: APPLE_PROFILE_SIGNING_CERT: cannot read" in result.stderr
    assert "nowhere.pem" in result.stderr


def test_a_key_of_another_certificate_stops_the_start(tmp_path, ca, signing_files):
    other_key = tmp_path / "other-key.pem"
    other_key.write_bytes(ca.issue_cert("other.example.si").private_key_pem.bytes())
    result = manage(
        "check",
        APPLE_PROFILE_SIGNING_CERT=str(signing_files["cert"]),
        APPLE_PROFILE_SIGNING_KEY=str(other_key),
    )
    assert result.returncode != 0
    assert "does not belong to the certificate" in result.stderr


def test_only_one_of_the_two_settings_stops_the_start(signing_files):
    result = manage("check", APPLE_PROFILE_SIGNING_CERT=str(signing_files["cert"]))
    assert result.returncode != 0
    assert "must be set together" in result.stderr


def test_check_deploy_warns_while_profiles_are_unsigned():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "autoconfig.W001" in result.stderr


def test_check_deploy_is_quiet_with_a_signing_certificate(signing_files):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        APPLE_PROFILE_SIGNING_CERT=str(signing_files["cert"]),
        APPLE_PROFILE_SIGNING_KEY=str(signing_files["key"]),
        APPLE_PROFILE_SIGNING_CHAIN=str(signing_files["chain"]),
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_an_encrypted_key_is_refused_with_a_clear_message(tmp_path, signing_files):
    key = serialization.load_pem_private_key(signing_files["key"].read_bytes(), password=None)
    encrypted = tmp_path / "encrypted-key.pem"
    encrypted.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"secret"),
        )
    )
    with pytest.raises(ImproperlyConfigured, match="not an unencrypted PEM private key"):
        load_signer(str(signing_files["cert"]), str(encrypted))
