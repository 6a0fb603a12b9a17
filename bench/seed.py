"""A realistic database for benchmarks: 10,000 interviews over three years."""
import random
from datetime import date, timedelta

from backend import create_app, records
from backend.db import database
from backend.models import FollowUp, Interview, due_on

COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka",
             "Tyrell", "Cyberdyne", "Soylent", "Aperture", "Vandelay", "Pied Piper"]
POSITIONS = ["Product Manager", "Data Analyst", "Software Engineer", "Designer", "Recruiter"]
TIMELINES = [None, None, "in one week", "in two weeks", "by Friday", "by the end of the month",
             "within 10 business days", "we'll be in touch"]
TOKEN = "bench-token-0123456789"


def kind_of(n: int, due_target: int) -> str:
    """Most interviews ended long ago; a few are live around the day measured."""
    if n < due_target:
        return "due"          # waiting for a follow-up on the day measured
    if n < due_target + 100:
        return "upcoming"     # interviewed in the last few days
    if n < due_target + 130:
        return "moving_on"    # two follow-ups sent, no answer
    return "ended"            # replied or closed


def seed(path: str, on: date, count: int = 10_000, due_target: int = 50, rng_seed: int = 7):
    """Fill `path` and return (app, number due on `on`)."""
    app = create_app({"DATABASE": path, "TOKEN": TOKEN})
    rng = random.Random(rng_seed)
    with app.app_context(), database.connection_context(), database.atomic():
        for n in range(count):
            kind = kind_of(n, due_target)
            back = {"due": (8, 20), "upcoming": (0, 2), "moving_on": (30, 40),
                    "ended": (20, 3 * 365)}[kind]
            day = on - timedelta(days=rng.randint(*back))
            interview = Interview(
                company=rng.choice(COMPANIES), position=rng.choice(POSITIONS),
                interview_date=day, interviewer_name=f"Person {n}",
                interviewer_email=f"person{n}@example.com",
                timeline=None if kind == "due" else rng.choice(TIMELINES), country="US")
            sent = [day + timedelta(days=7), day + timedelta(days=14)] if kind == "moving_on" else []
            if kind == "ended":
                if rng.random() < 0.55:
                    interview.reply_on = day + timedelta(days=rng.randint(2, 19))
                else:
                    interview.outcome = rng.choice(["rejected", "withdrawn", "moved_on", "offer"])
            records.refresh(interview, sent, "US")
            interview.save()
            for sent_on in sent:
                FollowUp.create(interview=interview, sent_on=sent_on)
        due = due_on(on).count()
    return app, due
