"""SIGKILL in the middle of writes loses nothing answered, corrupts nothing, doubles nothing.

A shortened run of the loop in crash.py; bench/bench_crash.py runs 200 rounds.
"""
from tests.reliability.crash import crash_rounds

ROUNDS = 12


def test_killing_the_server_mid_write_loses_no_answered_write(tmp_path):
    ledger = crash_rounds(str(tmp_path / "followup.db"), ROUNDS, seed=3)
    assert ledger.answered > ROUNDS * 5  # the kills really landed among writes
    assert ledger.lost >= ROUNDS  # and each cut some answers off
    assert ledger.pending == []  # every lost write was retried and landed exactly once
