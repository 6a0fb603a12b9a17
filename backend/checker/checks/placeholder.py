"""placeholder: a template's blank left in the draft, "[Name]", "{{ x }}", "<Company>", "XXX"."""
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
    "On Mon, Mar 9, 2026 at 9:14 AM Anna <anna@acme.com> wrote:\n> Hi [Name], thanks",
)
BOOK = load("placeholder")


def run(draft, context):
    """Each blank in the user's text, signature included, quoted thread excluded."""
    return BOOK.hits(draft)
