"""The mail app's admin, one module per area; Django's autodiscovery imports this package.

- packages.py: mail servers, hosting packages and their CSV import/export;
- ports.py: the ports table;
- programs.py: mail programs, their setup steps and guide-page warnings;
- providers.py: known mail providers (other companies' mail).
"""

from portal.mail.admin.packages import HostingPackageAdmin, ServerAdmin
from portal.mail.admin.ports import PortSettingAdmin
from portal.mail.admin.programs import (
    MailProgramAdmin,
    ProgramStepAdmin,
    ProgramStepInline,
    ProgramWarningAdmin,
)
from portal.mail.admin.providers import MailProviderAdmin

__all__ = [
    "HostingPackageAdmin",
    "MailProgramAdmin",
    "MailProviderAdmin",
    "PortSettingAdmin",
    "ProgramStepAdmin",
    "ProgramStepInline",
    "ProgramWarningAdmin",
    "ServerAdmin",
]
