"""add_value: an info nudge when a follow-up shares nothing of value (data/content.toml)."""
from ..context import Context
from ..kinds import Hit, Pattern, follows_up, load

SEVERITY = "info"
WHY = ("The guide: \"Always aim to add value in your follow-ups, like sharing relevant achievements "
       "or resources\": a project, a success story, a certification, an article or a case study "
       "shows you are engaged, not just waiting. Only a nudge: a plain check-in is still fine.")
FLAG = (
    "Hi Anna, thank you for the interview. I'm still very interested. Any update?",
)
PASS = (
    "Thank you again! Since we spoke I finished my AWS certification. Any update?",
    "Thanks again. I thought of you when I read this article: https://example.com/trends",
    ("Thank you for meeting me today.", Context(action="thank_you", is_follow_up=False)),
)
RULE = load("content").data["add_value"]
VALUE = Pattern(RULE["patterns"])
LINK = Pattern([RULE["link"]])
RESOURCE = Pattern([RULE["resources"]])
DETERMINER = Pattern([RULE["determiner"]])  # "my portfolio", "a short analysis", not a job title


def run(draft, context):
    """One whole-draft info when a follow-up names no achievement, resource or link."""
    if not draft.word_count or not follows_up(draft, context):
        return
    if VALUE.search(draft.prose, words=draft.words) or _has_link(draft):
        return
    for resource in RESOURCE.finditer(draft.prose, words=draft.words):
        if DETERMINER.search(draft.prose[max(0, resource.start() - 60):resource.start()]):
            return
    yield Hit(0, 0, RULE["message"], RULE["suggestion"])


def _has_link(draft) -> bool:
    """A web address: every form the pattern knows has "/" or "www." in it."""
    hay = draft.words.hay
    return ("/" in hay or "www." in hay) and LINK.search(draft.prose) is not None
