"""Hosting package CSV: the pure planning module, then the thin admin views around it."""

import base64
import csv
import io
import re

import pytest
from django.utils import translation
from simple_history.manager import HistoryManager

from portal.mail.models import HostingPackage
from portal.mail.package_import import (
    CHANGE,
    CREATE,
    REJECT,
    UNCHANGED,
    ImportFileError,
    PackageValues,
    export_csv,
    plan_import,
)

SERVERS = {"streznik.avant.si", "streznik2.avant.si"}
EXISTING = {
    "vasadomena.si": PackageValues("vasadomena.si", "Start", 5000, "streznik.avant.si"),
    "xn--ebelica-i6a.si": PackageValues("xn--ebelica-i6a.si", "Pro", 20000, "streznik2.avant.si"),
}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def plan(text: str, existing=EXISTING, encoding="utf-8"):
    return plan_import(text.encode(encoding), existing, SERVERS)


def statuses(result) -> list[tuple[int, str, str]]:
    return [(row.line, row.domain, row.status) for row in result.rows]


def test_valid_file_is_planned_row_by_row():
    result = plan(
        "domain,plan,quota_mb,server\n"
        "vasadomena.si,Start,5000,streznik.avant.si\n"
        "čebelica.si,Pro Plus,30000,streznik2.avant.si\n"
        "nova-domena.si,Start,1000,STREZNIK.avant.si.\n"
    )
    assert statuses(result) == [
        (2, "vasadomena.si", UNCHANGED),
        (3, "čebelica.si", CHANGE),
        (4, "nova-domena.si", CREATE),
    ]
    changed = result.rows[1]
    assert [(c.column, c.old, c.new) for c in changed.changes] == [
        ("plan", "Pro", "Pro Plus"),
        ("quota_mb", "20000", "30000"),
    ]
    assert result.rows[2].values == PackageValues(
        "nova-domena.si", "Start", 1000, "streznik.avant.si"
    )
    assert result.can_apply
    assert result.has_changes
    assert result.counts == {CREATE: 1, CHANGE: 1, UNCHANGED: 1, REJECT: 0}


def test_idn_domains_in_either_form_are_the_same_domain():
    unicode_form = plan("domain,plan,quota_mb,server\nčebelica.si,Pro,20000,streznik2.avant.si\n")
    ascii_form = plan(
        "domain,plan,quota_mb,server\nXN--EBELICA-I6A.SI,Pro,20000,streznik2.avant.si\n"
    )
    assert statuses(unicode_form) == statuses(ascii_form) == [(2, "čebelica.si", UNCHANGED)]
    duplicate = plan(
        "domain,plan,quota_mb,server\n"
        "čebelica.si,Pro,20000,streznik2.avant.si\n"
        "xn--ebelica-i6a.si,Pro,20000,streznik2.avant.si\n"
    )
    # Which of the two rows is meant is for a person to decide: both are rejected.
    assert [row.status for row in duplicate.rows] == [REJECT, REJECT]
    assert duplicate.rows[0].errors == ("The same domain is also on line 3.",)
    assert duplicate.rows[1].errors == ("The same domain is also on line 2.",)


def test_bad_rows_are_rejected_with_reasons_and_block_the_import():
    result = plan(
        "domain,plan,quota_mb,server\n"
        "dobra.si,Start,1000,streznik.avant.si\n"
        "ni domena,Start,1000,streznik.avant.si\n"
        "druga.si,Start,1000,streznik9.avant.si\n"
        "tretja.si,Start,5 GB,streznik.avant.si\n"
        "cetrta.si,,0,streznik.avant.si\n"
        "dobra.si,Start,1000,streznik.avant.si\n"
        "peta.si,Start\n"
    )
    errors = {row.line: row.errors for row in result.rows}
    assert errors[2] == ("The same domain is also on line 7.",)
    assert errors[3] == ("“ni domena” is not a valid domain name.",)
    assert errors[4] == ("Unknown server “streznik9.avant.si”.",)
    assert errors[5] == ("The quota “5 GB” is not a whole number of megabytes (1 or more).",)
    assert errors[6] == (
        "The plan is empty.",
        "The quota “0” is not a whole number of megabytes (1 or more).",
    )
    assert errors[7] == ("The same domain is also on line 2.",)
    assert errors[8] == ("Expected 4 values, found 2.",)
    assert result.counts[REJECT] == 7
    assert not result.can_apply


def test_semicolons_bom_aliases_blank_lines_and_extra_columns_are_understood():
    text = "\ufeffDomain;Plan;Quota;Server hostname;Customer\n\nvasadomena.si;Start;5000;streznik.avant.si;123\n"
    result = plan(text)
    assert statuses(result) == [(3, "vasadomena.si", UNCHANGED)]
    assert result.notices == ("Ignored columns: Customer.",)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"domena,paket\n", "missing: domain, plan, quota_mb, server"),
        (b"domain,plan,quota_mb,server\n", "no packages"),
        ("domain,plan,quota_mb,server\nčebelica.si,P,1,s\n".encode("cp1250"), "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"domain,plan,plan,quota_mb,server\nx.si,a,b,1,s\n", "appears twice"),
    ],
)
def test_unusable_files_get_one_clear_error(data, message):
    with pytest.raises(ImportFileError, match=message):
        plan_import(data, EXISTING, SERVERS)


def test_export_is_the_format_the_import_reads():
    exported = export_csv(EXISTING.values())
    assert exported.splitlines()[0] == "domain,plan,quota_mb,server"
    assert "čebelica.si,Pro,20000,streznik2.avant.si" in exported
    result = plan_import(exported.encode("utf-8"), EXISTING, SERVERS)
    assert {row.status for row in result.rows} == {UNCHANGED}


def test_fingerprint_changes_when_what_would_be_written_changes():
    text = "domain,plan,quota_mb,server\nnova.si,Start,1000,streznik.avant.si\n"
    assert plan(text).fingerprint == plan(text).fingerprint
    assert plan(text).fingerprint != plan(text.replace("1000", "2000")).fingerprint


# The admin views -------------------------------------------------------------------------

IMPORT_URL = "/en/admin/mail/hostingpackage/import/"
APPLY_URL = "/en/admin/mail/hostingpackage/import/apply/"


def upload(client, text: str, name="packages.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = text.encode("utf-8") if isinstance(text, str) else text
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data, "text/csv")})


def apply_form(page: str) -> dict:
    content = re.search(r'name="content" value="([^"]*)"', page).group(1)
    fingerprint = re.search(r'name="fingerprint" value="([^"]*)"', page).group(1)
    return {"content": content, "fingerprint": fingerprint}


def snapshot() -> list[tuple]:
    return list(
        HostingPackage.objects.order_by("domain").values_list(
            "domain", "plan", "disk_quota_mb", "server__hostname"
        )
    )


def history_rows() -> int:
    return HostingPackage.history.count()


VALID_FILE = (
    "domain,plan,quota_mb,server\n"
    "vasadomena.si,Start,5000,streznik.avant.si\n"
    "xn--ebelica-i6a.si,Pro Plus,25000,streznik.avant.si\n"
    "žabica.si,Start,1000,streznik2.avant.si\n"
)


def test_dry_run_changes_nothing_and_applying_writes_all(administrator_client, hosted):
    before, history_before = snapshot(), history_rows()

    dry_run = upload(administrator_client, VALID_FILE)

    page = dry_run.content.decode()
    assert dry_run.status_code == 200
    assert "1 package to create" in page
    assert "1 package to change" in page
    assert "žabica.si" in page
    assert snapshot() == before
    assert history_rows() == history_before

    applied = administrator_client.post(APPLY_URL, apply_form(page))

    assert applied.status_code == 302
    cebelica = HostingPackage.objects.get(domain="xn--ebelica-i6a.si")
    assert (cebelica.plan, cebelica.disk_quota_mb, cebelica.server.hostname) == (
        "Pro Plus",
        25000,
        "streznik.avant.si",
    )
    assert HostingPackage.objects.filter(domain="xn--abica-tib.si").exists()
    assert history_rows() == history_before + 2
    assert cebelica.history.latest().history_change_reason == "Imported from CSV"


def test_reimporting_the_same_file_changes_nothing(administrator_client, hosted):
    first = upload(administrator_client, VALID_FILE).content.decode()
    administrator_client.post(APPLY_URL, apply_form(first))
    after_first, history_after_first = snapshot(), history_rows()

    again = upload(administrator_client, VALID_FILE).content.decode()

    assert "3 packages unchanged" in again
    assert "nothing to import" in again
    assert 'name="fingerprint"' not in again
    assert snapshot() == after_first
    assert history_rows() == history_after_first


def test_a_file_with_bad_rows_applies_nothing(administrator_client, hosted):
    bad = VALID_FILE + "neznan-streznik.si,Start,1000,streznik9.avant.si\n"
    before, history_before = snapshot(), history_rows()

    dry_run = upload(administrator_client, bad)

    page = dry_run.content.decode()
    assert "1 row rejected" in page
    assert "Unknown server “streznik9.avant.si”." in page
    assert 'name="fingerprint"' not in page
    # Even a hand-made apply request writes nothing: the plan is checked again.
    forged = {
        "content": base64.b64encode(bad.encode()).decode(),
        "fingerprint": "0" * 64,
    }
    response = administrator_client.post(APPLY_URL, forged)
    assert response.status_code == 409
    assert snapshot() == before
    assert history_rows() == history_before


def test_apply_is_refused_if_packages_changed_since_the_dry_run(administrator_client, hosted):
    page = upload(administrator_client, VALID_FILE).content.decode()
    HostingPackage.objects.filter(domain="vasadomena.si").update(plan="Spremenjen")

    response = administrator_client.post(APPLY_URL, apply_form(page))

    assert response.status_code == 409
    assert "Nothing was imported" in response.content.decode()
    assert not HostingPackage.objects.filter(domain="xn--abica-tib.si").exists()


def test_apply_is_atomic_when_a_write_fails(administrator_client, hosted, monkeypatch):
    page = upload(administrator_client, VALID_FILE).content.decode()
    before, history_before = snapshot(), history_rows()

    def failing_history(*args, **kwargs):
        raise RuntimeError("disk full")

    # The new package's row is written first; its history row then fails.
    monkeypatch.setattr(HistoryManager, "bulk_history_create", failing_history)
    administrator_client.raise_request_exception = False
    response = administrator_client.post(APPLY_URL, apply_form(page))

    assert response.status_code == 500
    assert snapshot() == before  # the created package was rolled back too
    assert history_rows() == history_before


def test_unusable_upload_gets_a_clear_error(administrator_client, hosted):
    response = upload(administrator_client, b"domain,plan\n")
    assert response.status_code == 400
    assert "missing: quota_mb, server" in response.content.decode()
    too_big = upload(administrator_client, b"a" * (1024 * 1024 + 1))
    assert too_big.status_code == 400
    assert "too large" in too_big.content.decode()


def test_export_downloads_the_same_format(support_client, hosted):
    response = support_client.get("/en/admin/mail/hostingpackage/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    lines = response.content.decode("utf-8").splitlines()
    assert lines[0] == "domain,plan,quota_mb,server"
    assert "čebelica.si,Pro,20000,streznik2.avant.si" in lines


# Spreadsheet formulas and large files (issue 13, item 6) -----------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_export_writes_formula_cells_as_text(start):
    exported = export_csv(
        [PackageValues("vasadomena.si", f"{start}1+1", 5000, "streznik.avant.si")]
    )
    rows = list(csv.reader(io.StringIO(exported)))
    assert rows[1] == ["vasadomena.si", f"'{start}1+1", "5000", "streznik.avant.si"]


@pytest.mark.parametrize("raw", ["\t=1+1", "=1+1", " =1+1", "+Pro", "-Start", "@SUM(A1)", "\r=1"])
def test_import_rejects_a_plan_a_spreadsheet_would_run(raw):
    result = plan_import(
        b'domain,plan,quota_mb,server\nnova.si,"' + raw.encode() + b'",1000,streznik.avant.si\n',
        EXISTING,
        SERVERS,
    )
    assert result.rows[0].status == REJECT
    assert "a spreadsheet would run as a formula" in result.rows[0].errors[0]


def test_an_exported_formula_cell_reads_back_unchanged():
    existing = {"vasadomena.si": PackageValues("vasadomena.si", "=Pro", 5000, "streznik.avant.si")}
    exported = export_csv(existing.values()).encode()
    assert statuses(plan_import(exported, existing, SERVERS)) == [(2, "vasadomena.si", UNCHANGED)]


def test_export_view_neutralises_formulas(support_client, hosted):
    HostingPackage.objects.filter(domain="vasadomena.si").update(plan="=HYPERLINK(1)")
    lines = support_client.get("/en/admin/mail/hostingpackage/export/").content.decode()
    assert "vasadomena.si,'=HYPERLINK(1),5000,streznik.avant.si" in lines.splitlines()


def many_packages(count: int, bad_every: int = 0) -> str:
    rows = ["domain,plan,quota_mb,server"]
    for number in range(count):
        quota = "veliko" if bad_every and number % bad_every == 0 else "1000"
        rows.append(f"paket-{number:05d}.si,Start,{quota},streznik.avant.si")
    return "\n".join(rows) + "\n"


def test_a_large_dry_run_summarises_instead_of_listing_every_row(administrator_client, hosted):
    page = upload(administrator_client, many_packages(2000, bad_every=10)).content.decode()
    assert "200 rows rejected" in page
    assert "1800 packages to create" in page
    assert "the first 50 of 200" in page
    assert "the first 50 of 1800" in page
    assert page.count('class="staff-import-row ') == 100  # 50 rejected, 50 to create
    assert "paket-00000.si" in page
    assert "paket-01990.si" not in page


def test_applying_many_rows_takes_a_bounded_number_of_queries(
    administrator_client, hosted, django_assert_max_num_queries
):
    page = upload(administrator_client, many_packages(3000)).content.decode()
    # Writing row by row would take at least 6,000 queries (package + history per row); in
    # batches it takes a few dozen (SQLite limits a batch to 999 values, hence the margin).
    with django_assert_max_num_queries(60):
        response = administrator_client.post(APPLY_URL, apply_form(page))
    assert response.status_code == 302
    assert HostingPackage.objects.filter(domain__startswith="paket-").count() == 3000
    assert HostingPackage.history.filter(domain="paket-02999.si").get().history_user is not None
