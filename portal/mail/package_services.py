"""Database side of the package import and export (the decisions are in package_import.py).

Both steps read every package once (one query) and the servers once; applying writes the
created packages in batches (`bulk_create` with their history rows) and the changed ones with
one UPDATE per batch of packages that get the same values (billing has a few dozen plans), so
20,000 rows stay far inside a worker's timeout (bench/package_import.py). Bulk writes send
no model signals, so applying makes the cached pages stale itself, after commit.
"""

from collections import defaultdict

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from portal.mail.addresses import InvalidAddress, to_ascii_domain
from portal.mail.models import HostingPackage, Server
from portal.mail.package_import import (
    CHANGE,
    CREATE,
    ImportFileError,
    ImportPlan,
    PackageValues,
    export_csv,
    plan_import,
)
from portal.page_cache import bump_content_version

BATCH = 1000


class PlanChanged(Exception):
    """The packages or the file changed between the dry run and applying it, or the file has
    rejected rows. `plan` is the dry run as it is now (None when the file can't be read, and
    then `file_error` says why)."""

    def __init__(self, plan: ImportPlan | None, file_error: str = ""):
        super().__init__(file_error or "plan changed")
        self.plan = plan
        self.file_error = file_error


def _ascii_hostname(hostname: str) -> str:
    try:
        return to_ascii_domain(hostname)
    except InvalidAddress:
        return hostname.lower()


def _servers() -> dict[str, Server]:
    return {_ascii_hostname(server.hostname): server for server in Server.objects.all()}


def _packages() -> dict[str, HostingPackage]:
    return {package.domain: package for package in HostingPackage.objects.all()}


def _values(package: HostingPackage, hostnames: dict[int, str]) -> PackageValues:
    return PackageValues(
        package.domain, package.plan, package.disk_quota_mb, hostnames[package.server_id]
    )


def _plan(data: bytes, packages: dict[str, HostingPackage], servers) -> ImportPlan:
    hostnames = {server.pk: hostname for hostname, server in servers.items()}
    existing = {domain: _values(package, hostnames) for domain, package in packages.items()}
    return plan_import(data, existing, set(servers))


def _update_in_groups(packages: list[HostingPackage]) -> None:
    """One UPDATE per batch of packages that get the same values."""
    groups = defaultdict(list)
    for package in packages:
        groups[package.plan, package.disk_quota_mb, package.server_id].append(package.pk)
    for (plan, quota, server_id), ids in groups.items():
        for start in range(0, len(ids), BATCH):
            HostingPackage.objects.filter(pk__in=ids[start : start + BATCH]).update(
                plan=plan, disk_quota_mb=quota, server_id=server_id
            )


def plan_package_import(data: bytes) -> ImportPlan:
    """The dry run: what importing `data` would do to the packages as they are now (2 queries).
    Raises ImportFileError for an unusable file."""
    return _plan(data, _packages(), _servers())


@transaction.atomic
def apply_package_import(data: bytes, fingerprint: str, user=None) -> ImportPlan:
    """Write the plan the person saw, all or nothing. Each created or changed package gets a
    history entry by `user` with the reason "Imported from CSV".

    Raises PlanChanged (nothing written) if the plan is no longer the one with `fingerprint`,
    has rejected rows, or the file can't be read.
    """
    # Lock the packages so that no other edit slips in between checking and writing.
    list(HostingPackage.objects.select_for_update().values_list("pk", flat=True))
    packages, servers = _packages(), _servers()
    try:
        plan = _plan(data, packages, servers)
    except ImportFileError as error:
        raise PlanChanged(None, str(error)) from error
    if plan.fingerprint != fingerprint or not plan.can_apply:
        raise PlanChanged(plan)
    created, changed = [], []
    for row in plan.rows:
        if row.status == CREATE:
            package = HostingPackage(domain=row.values.domain)
            created.append(package)
        elif row.status == CHANGE:
            package = packages[row.values.domain]
            changed.append(package)
        else:
            continue
        package.plan = row.values.plan
        package.disk_quota_mb = row.values.quota_mb
        package.server = servers[row.values.server]
    history = {"default_user": user, "default_change_reason": _("Imported from CSV")}
    if created:
        bulk_create_with_history(created, HostingPackage, batch_size=BATCH, **history)
    if changed:
        _update_in_groups(changed)
        HostingPackage.history.bulk_history_create(
            changed, batch_size=BATCH, update=True, **history
        )
    if created or changed:
        transaction.on_commit(bump_content_version)
    return plan


def package_export() -> str:
    hostnames = {server.pk: hostname for hostname, server in _servers().items()}
    return export_csv(_values(package, hostnames) for package in HostingPackage.objects.all())
