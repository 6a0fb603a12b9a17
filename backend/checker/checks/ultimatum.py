"""ultimatum: pressure with a deadline, another offer or a threat (data/ultimatum.toml)."""
from ..kinds import load

SEVERITY = "error"
SUBJECT = True
WHY = ("The guide names ultimatums among the mistakes to avoid: \"I have other offers and need to "
       "know soon\" can come off as rude, and pressuring the employer with deadlines harms the "
       "candidate. Better to express continued interest without pressure.")
FLAG = (
    "I have other offers and need to know soon.",
    "If I don't hear back by Friday I will accept another offer.",
    "I need an answer by Monday, please.",
    "Please let me know by end of day tomorrow.",
    "This is your final chance to make me an offer.",
    "Let me know this week, or I'll go with the other company.",
    "Another company has made me an offer, so I'll need a decision within 48 hours.",
    "Unless I hear back soon, I'll have to move on.",
    "Should I not hear back by the end of the month, I will withdraw my application.",
    "I'm giving you until Friday to come back to me with an answer.",
    "If I don't hear back by Friday, I will accept another offer. Best of luck.",
    "My solicitor will be in touch if I hear nothing.",
    "Our offer is only valid until Friday.",
    "Give me a yes or no by tonight.",
    "We need your decision by tomorrow.",
    "If you can't match it, I'll take the other offer.",
    "That's our final offer.",
    "I need you to respond by Friday.",
    "If you contact me again, I will report you.",
    "I'll post your email on LinkedIn so everyone can see how you treat candidates.",
    "If your company forbids remote work, then I won't work for you.",
)
PASS = (
    "You mentioned a decision by March 17, so I wanted to check in.",
    "I'm happy to send my references by Friday if that helps.",
    "No rush at all; I know you are busy.",
    "I don't want to pressure you, and I don't have other offers.",
    "I can't wait to hear from you!",
    'You said "we need an answer by Friday" about the budget, which makes sense.',
    "I wanted to let you know that I've accepted another offer. Thank you for your time.",
    "If I don't hear back by Friday, I'll check in again next week.",
    "Could you please confirm by tomorrow whether the 10 AM slot still works?",
    "If I don't hear back by the end of next week, I'll drop you another short note.",
    "Before I sign off, thank you again for your time.",
    "If I get no reply, I will move on and wish you well.",
    "I would never take legal steps over a hiring process.",
    "I have an offer from another firm, and this offer expires on Friday.",
    "You mentioned the offer expires at the end of the month.",
    "If you can't make Tuesday, I'll send a few other times.",
    "I understand that's the most you can offer.",
    "I've received another offer and have to respond by Friday, though I'd much prefer to join your team.",
    "The other company asked me to confirm within two days, but I prefer your team.",
    "I can confirm my decision by Friday, as we discussed.",
    "I'd be glad to leave a good review of your interview process.",
    "If there's no news by the 15th, I'll assume the process is ongoing and keep waiting patiently.",
    "I'll share the opening with my network on LinkedIn.",
    "If you contact me again about a role like this, I'll gladly take a look.",
)
BOOK = load("ultimatum")


def run(draft, context):
    """Each phrase of pressure in the user's own words."""
    return BOOK.hits(draft)
