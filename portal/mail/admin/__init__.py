"""The mail app's admin, one module per area; Django's autodiscovery imports this package.

- packages.py: mail servers, hosting packages and their CSV import/export;
- ports.py: the ports table;
- programs.py: mail programs and their setup steps.
"""

from portal.mail.admin.packages import HostingPackageAdmin, ServerAdmin
from portal.mail.admin.ports import PortSettingAdmin
from portal.mail.admin.programs import MailProgramAdmin, ProgramStepAdmin, ProgramStepInline

__all__ = [
    "HostingPackageAdmin",
    "MailProgramAdmin",
    "PortSettingAdmin",
    "ProgramStepAdmin",
    "ProgramStepInline",
    "ServerAdmin",
]
