"""Reading TwiML in tests the way Twilio acts on it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from tests.conftest import PUBLIC_URL


@dataclass(frozen=True)
class Twiml:
    """The parts of a TwiML answer a test looks at."""

    root: ET.Element

    @classmethod
    def parse(cls, body: str) -> Twiml:
        root = ET.fromstring(body)  # noqa: S314 - our own server's answer
        assert root.tag == "Response", body
        return cls(root)

    @property
    def body(self) -> str:
        """The whole document, as text."""
        return ET.tostring(self.root, encoding="unicode")

    @property
    def verbs(self) -> list[str]:
        return [el.tag for el in self.root]

    @property
    def spoken(self) -> list[str]:
        """Every text said, in order, Gather prompts included."""
        return [(el.text or "").strip() for el in self.root.iter("Say")]

    @property
    def played(self) -> list[str]:
        """Every audio URL played, in order, Gather prompts included."""
        return [(el.text or "").strip() for el in self.root.iter("Play")]

    def said(self, fragment: str) -> bool:
        return any(fragment in text for text in self.spoken)

    def action(self, verb: str = "Gather") -> str:
        """The path and query (relative to the public URL) the verb posts its result to."""
        element = self.root.find(verb)
        assert element is not None, f"no <{verb}> in {self.verbs}"
        return _relative(element.get("action", ""))

    def redirect(self) -> str:
        element = self.root.find("Redirect")
        assert element is not None, f"no <Redirect> in {self.verbs}"
        return _relative(element.text or "")

    def query(self, verb: str = "Gather") -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlsplit(self.action(verb)).query).items()}


def _relative(url: str) -> str:
    assert url.startswith(PUBLIC_URL), f"{url} is not on the public URL"
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
