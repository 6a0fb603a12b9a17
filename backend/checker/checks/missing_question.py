"""missing_question: a follow-up that asks nothing about the status (data/content.toml)."""
from ..context import Context
from ..kinds import Hit, Phrases, follows_up, load

SEVERITY = "warning"
WHY = ("The guide's template ends by asking about the status of the hiring process, or what more "
       "you can provide to help their decision. Without a question, the reader has nothing to "
       "answer. Not asked of a thank-you or a move-on note.")
FLAG = (
    "Hi Anna, thank you for the interview. I'm still very interested in the role.",
)
PASS = (
    "Hi Anna, thank you for the interview. Is there any update on the role?",
    "Thank you again; please let me know if you need anything else from me.",
    ("Thank you for meeting me today; I really enjoyed it.",
     Context(action="thank_you", is_follow_up=False)),
    ("Thank you for your time; I've decided to move on.",
     Context(action="move_on", is_follow_up=False)),
)
RULE = load("content").data["missing_question"]
PRESENT = Phrases(RULE["present"])


def run(draft, context):
    """One whole-draft warning when a follow-up has no question mark and no request."""
    if not draft.word_count or not follows_up(draft, context):
        return
    if "?" not in draft.prose and not PRESENT.present(draft.prose, draft.words):
        yield Hit(0, 0, RULE["message"], RULE["suggestion"])
