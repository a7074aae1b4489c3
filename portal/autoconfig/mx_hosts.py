"""Host names derived from our MX host, where Thunderbird asks for every customer domain.

When neither `autoconfig.<domain>` nor the domain's well-known URL answers, Thunderbird (and
draft-ietf-mailmaint-autoconfig) look up the domain's MX record and ask the mail provider's
own autoconfig host, with the full address in the query:

    https://autoconfig.<MX host minus its first label>/mail/config-v1.1.xml?emailaddress=…
    https://autoconfig.<base domain of the MX host>/mail/config-v1.1.xml?emailaddress=…

For a customer domain whose MX is `mx.avant.si` those are both `autoconfig.avant.si`: one name
in the company's own zone, covered by the company's own certificate, and every hosted domain is
configured without any DNS change by the customer. `PORTAL_MX_HOSTNAME` names the MX host;
settings admit the derived names in ALLOWED_HOSTS. Plain Python: settings import it.
"""

AUTOCONFIG_PREFIX = "autoconfig."


def base_domain(hostname: str) -> str:
    """The last two labels (`mx1.mail.avant.si` → `avant.si`).

    Thunderbird uses the Public Suffix List; for a name under a two-label public suffix
    (`*.co.uk`) this is one label short, so list the right name in DJANGO_ALLOWED_HOSTS too.
    """
    return ".".join(hostname.split(".")[-2:])


def mx_autoconfig_hosts(mx_hostname: str) -> list[str]:
    """The autoconfig host names Thunderbird asks for domains whose MX is `mx_hostname`."""
    name = mx_hostname.strip().rstrip(".").lower()
    if name.count(".") < 2:  # `avant.si` itself: its "domain" is the base domain
        return [AUTOCONFIG_PREFIX + name] if "." in name else []
    full = name.split(".", 1)[1]
    hosts = [AUTOCONFIG_PREFIX + full, AUTOCONFIG_PREFIX + base_domain(name)]
    return list(dict.fromkeys(hosts))
