"""The directory's lists spoken ahead of the first caller, in the languages without a Twilio
voice: the names of the regions and of the kinds of help are the deployment's data, said only
by rendering on demand, and a first caller on a slow machine would otherwise hear
`speech-unavailable` in their place (the render goes on for the next one).

Run once in the background after the start-up render of the placeholders; each text is
rendered once and kept on disk (`prompts.spoken`), so later starts find them all at once.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from hotline.catalog import Catalog
from hotline.flows.choosing import Choices, every_question
from hotline.flows.loader import VOICE_FLOW
from hotline.flows.model import ChoiceNode, Flow
from hotline.flows.on_phone import on_phone
from hotline.prompts.render import voice_of
from hotline.prompts.spoken import SpokenCache

log = logging.getLogger("hotline.audio")

RENDER_WAIT_S = 60.0  # one text's render, at most (espeak-ng takes well under a second)


async def speak_directory_lists(
    flows: Mapping[str, Flow],
    choices: Choices,
    languages: Sequence[str],
    catalog: Catalog,
    spoken: SpokenCache,
) -> int:
    """Render each item of the voice flow's lists in `languages` (those without a Twilio
    voice); how many texts were spoken (found on disk or rendered now)."""
    flow = flows.get(VOICE_FLOW)
    if flow is None:
        return 0
    nodes = [n for n in on_phone(flow).nodes.values() if isinstance(n, ChoiceNode)]
    done = 0
    for language in languages:
        voice = voice_of(catalog, language)
        texts = {
            catalog.spoken(language, say.message, dict(say.args))
            for node in nodes
            for question in every_question(node, language, choices)
            for say in question.prompts
            if say.args  # the items; the fixed prompts are recorded or placeholders
        }
        for text in sorted(texts):
            if await spoken.get(language, voice, text, timeout_s=RENDER_WAIT_S) is not None:
                done += 1
    return done
