"""add_value: an info nudge when a follow-up shares nothing of value (data/content.toml)."""
from ..context import Context
from ..kinds import Hit, Pattern, follows_up, load

SEVERITY = "info"
WHY = ("The seed: \"Always aim to add value in your follow-ups, like sharing relevant achievements "
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
VALUE = Pattern([RULE["link"], *RULE["patterns"]])


def run(draft, context):
    """One whole-draft info when a follow-up names no achievement, resource or link."""
    if draft.word_count and follows_up(draft, context) and not VALUE.search(draft.prose, words=draft.words):
        yield Hit(0, 0, RULE["message"], RULE["suggestion"])
