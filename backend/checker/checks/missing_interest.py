"""missing_interest: the draft does not restate interest in the role (data/content.toml)."""
from ..context import Context
from ..kinds import Hit, Pattern, Phrases, load

SEVERITY = "warning"
WHY = ("The guide: \"Express my continued interest in the position\" — a follow-up is there to show "
       "you still want the role. Not asked of a move-on note, which closes the door gracefully.")
FLAG = (
    "Hi Anna, thank you for the interview. Is there any update on the timeline?",
    ("Thank you for meeting me today.", Context(action="thank_you", is_follow_up=False)),
)
PASS = (
    "Hi Anna, thank you for the interview. I'm still very interested. Any update?",
    "Thanks again! I'm excited about the possibility of joining your team.",
    ("Thank you for your time; I've decided to move on.",
     Context(action="move_on", is_follow_up=False)),
)
RULE = load("content").data["missing_interest"]
PRESENT = Phrases(RULE["present"])
WANTING = Pattern(RULE["patterns"])


def run(draft, context):
    """One whole-draft warning when a follow-up or thank-you says no word of interest."""
    if context.action == "move_on" or not draft.word_count:
        return
    if not PRESENT.present(draft.prose, draft.words) and not WANTING.search(draft.prose,
                                                                             words=draft.words):
        yield Hit(0, 0, RULE["message"], RULE["suggestion"])
