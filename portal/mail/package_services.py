"""Database side of the package import and export (the decisions are in package_import.py)."""

from django.db import transaction
from django.utils.translation import gettext as _

from portal.mail.addresses import InvalidAddress, to_ascii_domain
from portal.mail.models import HostingPackage, Server
from portal.mail.package_import import (
    CHANGE,
    CREATE,
    ImportPlan,
    PackageValues,
    export_csv,
    plan_import,
)


class PlanChanged(Exception):
    """The packages changed between the dry run and applying it, or the file has errors."""


def _ascii_hostname(hostname: str) -> str:
    try:
        return to_ascii_domain(hostname)
    except InvalidAddress:
        return hostname.lower()


def _servers() -> dict[str, Server]:
    return {_ascii_hostname(server.hostname): server for server in Server.objects.all()}


def _packages() -> dict[str, HostingPackage]:
    return {package.domain: package for package in HostingPackage.objects.select_related("server")}


def _values(package: HostingPackage) -> PackageValues:
    return PackageValues(
        package.domain,
        package.plan,
        package.disk_quota_mb,
        _ascii_hostname(package.server.hostname),
    )


def plan_package_import(data: bytes) -> ImportPlan:
    """The dry run: what importing `data` would do to the packages as they are now (2 queries)."""
    packages = _packages()
    existing = {domain: _values(package) for domain, package in packages.items()}
    return plan_import(data, existing, set(_servers()))


@transaction.atomic
def apply_package_import(data: bytes, fingerprint: str) -> ImportPlan:
    """Write the plan the person saw, all or nothing. Each created or changed package gets a
    history entry with the reason "Imported from CSV".

    Raises PlanChanged (nothing written) if the plan is no longer the one with `fingerprint`
    or has rejected rows.
    """
    # Lock the packages so that no other edit slips in between checking and writing.
    list(HostingPackage.objects.select_for_update().values_list("pk", flat=True))
    plan = plan_package_import(data)
    if plan.fingerprint != fingerprint or not plan.can_apply:
        raise PlanChanged
    servers, packages = _servers(), _packages()
    reason = _("Imported from CSV")
    for row in plan.rows:
        values = row.values
        if row.status == CREATE:
            package = HostingPackage(domain=values.domain)
        elif row.status == CHANGE:
            package = packages[values.domain]
        else:
            continue
        package.plan = values.plan
        package.disk_quota_mb = values.quota_mb
        package.server = servers[values.server]
        package._change_reason = reason
        package.save()
    return plan


def package_export() -> str:
    return export_csv(
        _values(package) for package in HostingPackage.objects.select_related("server")
    )
