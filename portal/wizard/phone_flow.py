"""How the result page is laid out for the device it is opened on (pure: no request, no ORM).

- On an iPhone or iPad with the Apple profile (the customer chose Mail on iOS, for a domain we
  host), the page leads with one "Install on this iPhone" action and short numbered steps; the
  settings card follows for those who prefer typing.
- On an Android phone, the chosen program's steps come first, then the settings card.
- The QR code (for setting up a phone from a computer) appears only on a computer: on the
  phone itself there is nothing to scan it with.

The device comes from the User-Agent (`device_hint()`). iPadOS Safari may present itself as a
Mac; it then gets the computer layout, whose "Download profile" button installs just as well.
"""

from dataclasses import dataclass

from portal.wizard.user_agent import device_hint

PHONES = {"iphone", "android"}


@dataclass(frozen=True)
class ResultLayout:
    install_first: bool  # the install action and its steps come right after the recommendation
    steps_first: bool  # the program's steps come before the settings card
    show_qr: bool  # the QR code to scan with a phone: only on a computer
    device_name: str = ""  # "iPhone" or "iPad" when install_first


def apple_device_name(user_agent: str | None) -> str:
    return "iPad" if "ipad" in (user_agent or "").lower() else "iPhone"


def result_layout(user_agent: str | None, apple_profile: bool) -> ResultLayout:
    hint = device_hint(user_agent)
    if hint == "iphone" and apple_profile:
        return ResultLayout(
            install_first=True,
            steps_first=False,
            show_qr=False,
            device_name=apple_device_name(user_agent),
        )
    return ResultLayout(
        install_first=False,
        steps_first=hint == "android",
        show_qr=apple_profile and hint not in PHONES,
    )
