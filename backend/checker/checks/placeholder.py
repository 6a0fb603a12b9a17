"""placeholder: a template's blank left in the draft, "[Name]", "{{ x }}", "<Company>", "XXX"."""
import re

from ..kinds import load

SEVERITY = "error"
SUBJECT = True
WHY = ("The guide's templates mark blanks as \"[Interviewer's Name]\", \"[Position]\", \"[Date]\". "
       "A blank sent as-is shows the email is a form letter, the opposite of the personal, "
       "professional note a follow-up should be.")
FLAG = (
    "Hi [Interviewer's Name], thank you for the interview.",
    "I'm excited about the [Position] role.",
    "Hello {{ interviewer }},",
    "Thanks again for your time at <Company>.",
    "You mentioned a decision by XXX.",
    "Best regards,\n[Your Name]",
    "I'm still keen on joining INSERT COMPANY.",
    "Our call on TBD was great.",
    "Dear Mr./Ms. Lee, thank you for your time.",
    "Hi NAME, thanks for the call today.",
    "I enjoyed (mention a topic you discussed) in particular.",
    "I'm excited about [mention something specific from the interview that stood out to you].",
)
PASS = (
    "Hi Anna, thank you for the interview for the Product Manager role.",
    "My address is <sam.lee@example.com> and my site <https://sam.dev>.",
    "The start date is still TBD on your side, I know.",
    "I read the paper [1] you mentioned.",
    "Call me at (612) 555-1212; the portfolio is attached (see page 2).",
    "I loved my years at ACME COMPANY and the NYC office.",
    "Your site says 'you will need to contact the [hiring] company for results', so I am.",
    "On Mon, Mar 9, 2026 at 9:14 AM Anna <anna@acme.com> wrote:\n> Hi [Name], thanks",
)
BOOK = load("placeholder")
# An editor's words in a quotation: "'you will need to contact the [hiring] company'". A word in
# small letters inside square brackets, inside an opened quote, is that, not a template's blank.
EDITORIAL = re.compile(r"\[[a-z][^\[\]\n]{0,40}\]")
# An opening quote: one after a space, a bracket or the start, not an apostrophe in a word.
OPENING = re.compile(r"(?:^|(?<=[\s(\[]))['‘\"“]")
CLOSING = re.compile(r"['’\"”](?!\w)")


QUOTE_REACH = 200  # characters before a bracket searched for the quote it may sit in


def quoted(text: str, start: int, first: int) -> bool:
    """Whether a quote opened in text[first:start] (its last QUOTE_REACH characters) is still
    open at `start`. Bounded, so a body of many such brackets still costs linear time."""
    first = max(first, start - QUOTE_REACH)
    opened = [m.start() for m in OPENING.finditer(text, first, start)]
    return bool(opened) and not CLOSING.search(text, opened[-1] + 1, start)


def run(draft, context):
    """Each blank in the user's text, signature included, quoted thread excluded; not an
    editor's insertion inside a quotation."""
    text = draft.mine
    for hit in BOOK.hits(draft):
        if EDITORIAL.fullmatch(text, hit.start, hit.end) and quoted(
                text, hit.start, draft.sentence(hit.start)[0]):
            continue
        yield hit
