"""The out-of-fold curve training reports: pure arithmetic over item scores (no scikit-learn)."""
import math

from backend.checker import train


def test_the_threshold_flags_at_most_the_budget_of_polite_items():
    polite = [5.0, 4.0, 3.0, 1.0]
    assert train.threshold_for(polite, 0) == 5.001
    assert train.threshold_for(polite, 2) == 3.001
    assert sum(p >= train.threshold_for(polite, 2) for p in polite) == 2
    # never below the floor, however few polite items score high
    assert train.threshold_for(polite, 10) == train.LOWEST_THRESHOLD


def test_the_curve_counts_items_caught_as_the_budget_grows_and_reads_every_budget_in_its_auc():
    polite = [6.0, 4.0, 2.0, 1.0, 0.5]
    bad = [7.0, 5.0, 3.0, 0.0]
    points, auc = train.curve(polite, bad)
    caught = dict(points)
    assert caught[0] == 1 and caught[1] == 2 and caught[2] == 3 and caught[4] == 3
    assert [c for _, c in points] == sorted(c for _, c in points)  # never fewer with more budget
    # 7 beats 5 polite, 5 beats 4, 3 beats 3, 0 beats none: 12 of 20 pairs
    assert math.isclose(auc, 12 / 20)


def test_a_tie_counts_half_and_no_items_gives_no_auc():
    assert train.curve([1.0], [1.0])[1] == 0.5
    assert math.isnan(train.curve([], [1.0])[1])


def test_scores_are_split_by_label_with_insults_teaching_aggression():
    best = {"a": {"aggressive": 3.0}, "b": {"aggressive": 1.0}, "c": {"aggressive": 2.0},
            "d": {"aggressive": 9.0}}
    label_of = {"a": "aggressive", "b": "polite", "c": "hostile", "d": "desperate"}
    polite, bad = train.scores_by_label(best, label_of, "aggressive")
    assert polite == [1.0] and sorted(bad) == [2.0, 3.0]
