"""The real-world corpus is well formed: sources, labels, sentence labels, no duplicates, the split."""
import re
import tomllib
from collections import Counter

import pytest

from backend.checker import realworld
from backend.checker.realworld import LABELS, SPLITS, load, load_all, normalise, split_of

# The least the corpus must hold, per label, all splits together: floors at what the collection
# reached (the goal was at least 200 polite, 120 bad and 25 per bad label, now met for each). The
# floors keep items from being lost silently; raise them as items are added.
MIN_PER_LABEL = {"polite": 408, "ultimatum": 99, "aggressive": 291, "desperate": 77,
                 "placeholder": 111}
MIN_BAD = 578
# No single page may dominate what the checker is measured on.
MAX_PER_SOURCE = 8


@pytest.fixture(scope="module")
def items():
    return load_all()


def test_every_item_has_an_address_and_how_the_source_characterises_it(items):
    for item in items:
        assert re.match(r"https?://[^\s/]+\.[^\s]+$", item.source), item.id
        assert item.source_says.strip(), item.id
        assert item.text.strip() and item.kind.strip(), item.id


def test_labels_are_known_and_only_bad_items_carry_tone_sentences(items):
    for item in items:
        assert item.label in LABELS, item.id
        if item.polite:
            assert item.tone_sentences == (), item.id
        else:
            assert item.tone_sentences, item.id


def test_tone_sentences_are_verbatim_parts_of_the_text(items):
    for item in items:
        for sentence in item.tone_sentences:
            assert sentence.strip() and sentence in item.text, (item.id, sentence)


def test_ids_are_unique_slugs_across_both_splits(items):
    ids = [item.id for item in items]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_no_text_appears_twice_even_across_splits(items):
    texts = Counter(normalise(item.text) for item in items)
    assert [t for t, n in texts.items() if n > 1] == []


def test_no_text_is_quoted_inside_another(items):
    # A sentence quoted alone and again inside its whole e-mail would count one writer twice.
    texts = sorted({normalise(item.text) for item in items}, key=len)
    for i, short in enumerate(texts):
        assert not any(short in longer for longer in texts[i + 1:]), short[:60]


def test_each_item_sits_in_the_split_its_text_hashes_to(items):
    for item in items:
        assert item.split == split_of(item.text), item.id


def test_the_split_rule_is_the_documented_hash():
    # Pinned: the split of a text must never change, or the locked part leaks into tuning.
    assert normalise("  Thank   you\nfor your TIME ") == "thank you for your time"
    assert normalise("I\u2019m \u201cfine\u201d") == normalise("I'm \"fine\"")
    assert split_of("Thank you for your time") == split_of("thank you  for your time")
    shares = Counter(split_of(f"text number {n}") for n in range(2000))
    assert 0.30 < shares["locked"] / 2000 < 0.40


def test_minimum_counts_and_every_label_has_locked_items(items):
    labels = Counter(item.label for item in items)
    for label in LABELS:
        assert labels[label] >= MIN_PER_LABEL[label], (label, labels[label])
        assert any(i.label == label and i.split == "locked" for i in items), label
        assert any(i.label == label and i.split == "dev" for i in items), label
    assert sum(n for label, n in labels.items() if label != "polite") >= MIN_BAD, labels


def test_no_single_source_dominates(items):
    per_source = Counter(item.source for item in items)
    assert max(per_source.values()) <= MAX_PER_SOURCE, per_source.most_common(3)


def test_files_are_plain_toml_tables_of_items_with_known_fields():
    fields = {"id", "label", "kind", "text", "tone_sentences", "source", "source_says"}
    for split in SPLITS:
        with open(realworld.path(split), "rb") as file:
            raw = tomllib.load(file)
        assert set(raw) == {"item"}
        for entry in raw["item"]:
            assert set(entry) == fields, entry.get("id")


def test_load_takes_a_split_name_and_refuses_others():
    assert {item.split for item in load("dev")} == {"dev"}
    assert {item.split for item in load("locked")} == {"locked"}
    with pytest.raises(ValueError):
        load("tuning")
