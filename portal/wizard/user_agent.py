"""Which kind of device the browser runs on, to preselect the matching mail program.

Returns one of `MailProgram.user_agent_hint`'s values ("iphone", "android", "windows", "mac")
or "" when the User-Agent says nothing useful. Only a preselection: the customer can always
choose another program.
"""

# Checked in order: an iPhone's User-Agent also says "like Mac OS X", and some Windows Phone
# browsers claim to be Android.
_HINTS = (
    ("iphone", ("iphone", "ipad", "ipod")),
    ("", ("windows phone",)),
    ("android", ("android",)),
    ("windows", ("windows nt", "windows")),
    ("mac", ("macintosh", "mac os x")),
)


def device_hint(user_agent: str | None) -> str:
    text = (user_agent or "").lower()
    for hint, markers in _HINTS:
        if any(marker in text for marker in markers):
            return hint
    return ""
