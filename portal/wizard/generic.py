"""Steps for "Another program": the same placeholders as staff-written program steps."""

from django.utils.translation import gettext_lazy as _

GENERIC_STEPS = (
    _(
        "In your mail program, add a new account (often under **Settings › Accounts › Add "
        "account**) and choose to set it up manually."
    ),
    _("Enter your address {email} and choose the account type {incoming_protocol}."),
    _(
        "Incoming mail server: {incoming_server}, port {incoming_port}, security "
        "{incoming_security}."
    ),
    _(
        "Outgoing mail server (SMTP): {outgoing_server}, port {outgoing_port}, security "
        "{outgoing_security}. Turn on **authentication** for outgoing mail."
    ),
    _("User name for both servers: {username}. Password: your mailbox password."),
    _("Save the account and send yourself a test message."),
)
