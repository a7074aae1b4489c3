"""`manage.py import_ispdb`: ISPDB files (written here, in the real format) into providers."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.mail.models import MailProvider

EXAMPLE_MAIL = """<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example-mail.net">
    <domain>example-mail.net</domain>
    <domain>Example-Mail.de</domain>
    <displayName>Example Mail</displayName>
    <displayShortName>Example</displayShortName>
    <incomingServer type="imap">
      <hostname>imap.example-mail.net</hostname>
      <port>143</port>
      <socketType>plain</socketType>
      <username>%EMAILADDRESS%</username>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>imap.example-mail.net</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
    </incomingServer>
    <incomingServer type="pop3">
      <hostname>pop.example-mail.net</hostname>
      <port>110</port>
      <socketType>plain</socketType>
      <username>%EMAILADDRESS%</username>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example-mail.net</hostname>
      <port>587</port>
      <socketType>STARTTLS</socketType>
      <username>%EMAILADDRESS%</username>
    </outgoingServer>
    <documentation url="https://help.example-mail.net/imap">
      <descr lang="en">IMAP settings</descr>
    </documentation>
    <enable visiturl="https://example-mail.net/settings">
      <instruction>You must allow IMAP access once.</instruction>
      <instruction lang="de">Sie müssen IMAP einmal erlauben.</instruction>
    </enable>
  </emailProvider>
</clientConfig>
"""


@pytest.fixture
def ispdb_file(tmp_path):
    def write(text, name="config-v1.1.xml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


@pytest.mark.django_db
def test_an_ispdb_file_becomes_a_provider_with_encrypted_servers_only(ispdb_file, capsys):
    call_command("import_ispdb", ispdb_file(EXAMPLE_MAIL))
    provider = MailProvider.objects.get(slug="example-mail-net")
    assert provider.name == "Example Mail"
    assert provider.address_domain_list == ("example-mail.net", "example-mail.de")
    assert provider.mx_suffix_list == ("example-mail.net", "example-mail.de")
    assert (provider.imap_hostname, provider.imap_port, provider.imap_security) == (
        "imap.example-mail.net",
        993,
        "ssl",
    )
    assert provider.pop3_hostname == ""
    assert provider.pop3_port is None
    assert (provider.smtp_port, provider.smtp_security) == (587, "starttls")
    assert provider.help_url == "https://help.example-mail.net/imap"
    assert provider.note_en == "You must allow IMAP access once."
    out = capsys.readouterr().out
    assert "Example Mail: created" in out
    assert "POP3 is offered only without encryption; left out" in out


@pytest.mark.django_db
def test_a_second_import_changes_nothing_and_keeps_what_staff_added(ispdb_file, capsys):
    path = ispdb_file(EXAMPLE_MAIL)
    call_command("import_ispdb", path)
    provider = MailProvider.objects.get(slug="example-mail-net")
    provider.mx_suffixes += "\nmx.example-hosting.net"
    provider.note_en = "Staff's own note."
    provider.save()
    call_command("import_ispdb", path)
    provider.refresh_from_db()
    assert "mx.example-hosting.net" in provider.mx_suffix_list
    assert provider.note_en == "Staff's own note."
    capsys.readouterr()
    call_command("import_ispdb", path)
    assert f"{path}: Example Mail: unchanged" in capsys.readouterr().out
    assert provider.history.count() == 2  # created, then the staff's own edit


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<clientConfig><emailProvider id='x'>", "not well-formed"),
        (
            '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><clientConfig/>',
            "not well-formed XML without a DTD",
        ),
        ("<other/>", "not a clientConfig"),
        ("<clientConfig><emailProvider id='x'/></clientConfig>", "no id or no displayName"),
    ],
)
def test_bad_files_are_refused_with_a_reason_and_the_good_ones_still_imported(
    ispdb_file, capsys, text, message
):
    good = ispdb_file(EXAMPLE_MAIL, "good.xml")
    bad = ispdb_file(text, "bad.xml")
    with pytest.raises(CommandError, match="1 of 2 files were not imported"):
        call_command("import_ispdb", bad, good)
    assert message in capsys.readouterr().err
    assert MailProvider.objects.filter(slug="example-mail-net").exists()
