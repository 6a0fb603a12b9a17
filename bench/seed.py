"""A realistic database for benchmarks: interviews over three years, most of them long over.

Of the interviews that are not live around the day measured, 55% got a reply, 30% were closed
and the rest were never followed up: by the rules they are overdue (about 1,500 in 10,000),
the stale rows a list must not pay for.
"""
import random
from datetime import date, timedelta

from backend import create_app, service
from backend.db import database
from backend.models import FollowUp, Interview, due_on

COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka",
             "Tyrell", "Cyberdyne", "Soylent", "Aperture", "Vandelay", "Pied Piper"]
POSITIONS = ["Product Manager", "Data Analyst", "Software Engineer", "Designer", "Recruiter"]
TIMELINES = [None, None, "in one week", "in two weeks", "by Friday", "by the end of the month",
             "within 10 business days", "we'll be in touch"]
TOKEN = "bench-token-0123456789"
REPLIED, CLOSED = 0.55, 0.30  # of the interviews that ended; the rest were never followed up


def kind_of(n: int, due_target: int) -> str:
    """Most interviews ended long ago; a few are live around the day measured."""
    if n < due_target:
        return "due"          # waiting for a follow-up on the day measured
    if n < due_target + 100:
        return "upcoming"     # interviewed in the last few days
    if n < due_target + 130:
        return "moving_on"    # two follow-ups sent, no answer
    return "old"              # replied, closed or never followed up


def seed(path: str, on: date, count: int = 10_000, due_target: int = 50, rng_seed: int = 7):
    """Fill `path` and return (app, n): interviews 1..n are the live ones due on `on`."""
    app = create_app({"DATABASE": path, "TOKEN": TOKEN})
    rng = random.Random(rng_seed)
    rows, follow_ups = [], []
    for n in range(count):
        kind = kind_of(n, due_target)
        back = {"due": (6, 7), "upcoming": (0, 2), "moving_on": (30, 40),
                "old": (20, 3 * 365)}[kind]
        day = on - timedelta(days=rng.randint(*back))
        interview = Interview(
            id=n + 1, company=rng.choice(COMPANIES), position=rng.choice(POSITIONS),
            interview_date=day, interviewer_name=f"Person {n}",
            interviewer_email=f"person{n}@example.com",
            timeline=None if kind == "due" else rng.choice(TIMELINES), country="US")
        sent = [day + timedelta(days=7), day + timedelta(days=14)] if kind == "moving_on" else []
        if kind == "old":
            ended = rng.random()
            if ended < REPLIED:
                interview.reply_on = day + timedelta(days=rng.randint(2, 19))
            elif ended < REPLIED + CLOSED:
                interview.outcome = rng.choice(["rejected", "withdrawn", "moved_on", "offer"])
        service.refresh(interview, sent, "US")  # the service's rules, as the API would
        rows.append({field.name: getattr(interview, field.name)
                     for field in Interview._meta.sorted_fields})
        follow_ups += [{"interview": n + 1, "sent_on": sent_on} for sent_on in sent]
    with app.app_context(), database.connection_context(), database.atomic():
        for start in range(0, len(rows), 500):  # many rows per statement: seeding is not measured
            Interview.insert_many(rows[start:start + 500]).execute()
        FollowUp.insert_many(follow_ups).execute()
        due = due_on(on).where(Interview.id <= due_target).count()
    return app, due
