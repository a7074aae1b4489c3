"""The hosting company's ports table (from the seed text) as demo data."""

from portal.mail.choices import Protocol, Security

PORTS = [
    # The seed's table; 587 is submission with STARTTLS (RFC 8314), not "SSL".
    (Protocol.POP3, Security.NONE, 110, True),
    (Protocol.POP3, Security.SSL, 995, True),
    (Protocol.IMAP, Security.NONE, 143, True),
    (Protocol.IMAP, Security.SSL, 993, True),
    (Protocol.SMTP, Security.NONE, 26, True),
    (Protocol.SMTP, Security.NONE, 25, False),
    (Protocol.SMTP, Security.SSL, 465, True),
    (Protocol.SMTP, Security.STARTTLS, 587, True),
]
