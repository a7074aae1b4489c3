"""Outlook's first question: `GET /autodiscover/autodiscover.json` (Autodiscover v2).

Current Outlook (Microsoft 365, the new Outlook for Windows, Outlook for Mac, iOS and Android)
asks `https://autodiscover.<domain>/autodiscover/autodiscover.json?Email=<address>&Protocol=…`
or `…/autodiscover.json/v1.0/<address>?Protocol=…` before anything else. For the protocol
`AutodiscoverV1` (matched in any letter case) the answer names the URL of the classic (POX)
endpoint, which then returns the settings: `{"Protocol": "AutodiscoverV1", "Url": "https://…"}`.
Any other protocol (ActiveSync, EWS, REST: services we do not run) gets a 400 with the error
document Exchange Online sends, `{"ErrorCode": "InvalidProtocol", "ErrorMessage": …}`.

The answer is the same for every address: which mailboxes exist, and whether the domain is
hosted here, is left to the POX endpoint, which answers a domain we do not host with an error.
"""

import json
from dataclasses import dataclass

CONTENT_TYPE = "application/json; charset=utf-8"
AUTODISCOVER_V1 = "AutodiscoverV1"


@dataclass(frozen=True)
class JsonAnswer:
    status: int
    document: dict[str, str]

    @property
    def body(self) -> bytes:
        return json.dumps(self.document).encode()


def answer(protocol: str | None, address_given: bool, pox_url: str) -> JsonAnswer:
    """What to send for a request with this `Protocol=` value.

    `address_given`: the request carried a syntactically valid address (the address itself is
    not needed for the answer and is never passed here).
    """
    if not address_given:
        return JsonAnswer(
            400,
            {
                "ErrorCode": "InvalidUser",
                "ErrorMessage": "A valid email address is required (Email= or /v1.0/<address>).",
            },
        )
    if (protocol or "").strip().lower() != AUTODISCOVER_V1.lower():
        # The value is not echoed: it is the client's input and has no place in our output.
        return JsonAnswer(
            400,
            {
                "ErrorCode": "InvalidProtocol",
                "ErrorMessage": f"The given protocol value is invalid. "
                f"Supported values are '{AUTODISCOVER_V1}'.",
            },
        )
    return JsonAnswer(200, {"Protocol": AUTODISCOVER_V1, "Url": pox_url})
