"""The sentence encoder: pinned files, refused when changed, vectors that carry meaning."""
import hashlib
import math

import pytest

from backend.checker import encoder, layer
from backend.checker.draft import Draft
from backend.checker.encoder import ENCODER, Encoder
from backend.checker.tone import ModelError


def test_the_shipped_tokenizer_and_the_installed_encoder_match_their_pinned_hashes():
    assert hashlib.sha256(encoder.TOKENIZER.read_bytes()).hexdigest() == encoder.TOKENIZER_SHA256
    installed = encoder.encoder_path().read_bytes()
    assert hashlib.sha256(installed).hexdigest() == encoder.ENCODER_SHA256


def test_a_changed_tokenizer_is_refused_with_a_clear_message(tmp_path):
    changed = tmp_path / "tokenizer.json"
    changed.write_bytes(encoder.TOKENIZER.read_bytes().replace(b'"[UNK]"', b'"[UNX]"', 1))
    with pytest.raises(ModelError) as refused:
        Encoder(tokenizer=changed).load()
    message = str(refused.value)
    assert "SHA-256" in message and "Refusing" in message and "make install" in message


def test_a_changed_encoder_file_is_refused_before_it_is_run(tmp_path):
    impostor = tmp_path / "model.onnx"
    impostor.write_bytes(b"not the encoder")
    with pytest.raises(ModelError) as refused:
        Encoder(model=impostor).load()
    assert "sentence encoder" in str(refused.value) and "Refusing" in str(refused.value)


def test_a_missing_encoder_file_is_refused_with_a_clear_message(tmp_path):
    with pytest.raises(ModelError) as refused:
        Encoder(model=tmp_path / "nowhere.onnx").load()
    assert "cannot be read" in str(refused.value)


def cosine(a, b) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_vectors_have_384_numbers_of_length_one_and_are_the_same_every_time():
    first, again = ENCODER.vectors(["Thank you for the interview."])[0], None
    ENCODER.forget()
    again = ENCODER.vectors(["Thank you for the interview."])[0]
    assert len(first) == encoder.DIMENSIONS
    assert math.isclose(math.sqrt(sum(v * v for v in first)), 1.0, abs_tol=1e-3)
    assert first == again


def test_sentences_of_like_meaning_sit_closer_than_unlike_ones_without_sharing_words():
    waiting, ignored, view = ENCODER.vectors([
        "Why has nobody answered my messages?",
        "I keep writing and you keep ignoring me.",
        "The office has a lovely view of the river.",
    ])
    assert cosine(waiting, ignored) > cosine(waiting, view) + 0.1


def test_a_sentence_is_encoded_once_then_remembered(monkeypatch):
    fresh = Encoder()
    calls = []
    real = fresh._encode
    monkeypatch.setattr(fresh, "_encode", lambda s: calls.append(s) or real(s))
    fresh.vectors(["Any update?", "Any update?"])
    fresh.vectors(["Any update?"])
    assert calls == ["Any update?"]


def test_the_memory_holds_at_most_its_size(monkeypatch):
    fresh = Encoder(remembered=3)
    monkeypatch.setattr(fresh, "_encode", lambda s: [0.0] * encoder.DIMENSIONS)
    fresh.vectors([f"Sentence {n}." for n in range(10)])
    assert list(fresh._memory) == ["Sentence 7.", "Sentence 8.", "Sentence 9."]


def test_the_memory_forgets_the_least_recently_used_sentence_first(monkeypatch):
    fresh = Encoder(remembered=3)
    monkeypatch.setattr(fresh, "_encode", lambda s: [0.0] * encoder.DIMENSIONS)
    fresh.vectors(["Thank you.", "Any update?", "Best wishes."])
    fresh.vectors(["Thank you."])  # the user's greeting stays in every draft
    fresh.vectors(["A new sentence."])
    assert list(fresh._memory) == ["Best wishes.", "Thank you.", "A new sentence."]


def test_a_sentence_evicted_while_its_draft_is_encoded_is_still_answered(monkeypatch):
    fresh = Encoder(remembered=1)
    calls = []

    def encode(sentence):
        calls.append(sentence)
        # another check fills the memory while this one encodes its new sentence
        fresh._memory.clear()
        fresh._memory["Another draft's sentence."] = [1.0] * encoder.DIMENSIONS
        return [0.0] * encoder.DIMENSIONS

    monkeypatch.setattr(fresh, "_encode", encode)
    fresh._memory["Thank you."] = [0.5] * encoder.DIMENSIONS
    vectors = fresh.vectors(["Thank you.", "Any update?"])
    assert [v[0] for v in vectors] == [0.5, 0.0] and calls == ["Any update?"]


def test_the_model_reads_at_most_its_number_of_sentences_of_a_long_body(monkeypatch):
    seen = []
    monkeypatch.setattr(ENCODER, "vectors", lambda s: seen.extend(s) or
                        [(0.0,) * encoder.DIMENSIONS] * len(s))
    body = " ".join(f"This is sentence number {n} of a long pasted text." for n in range(100))
    layer.readings(Draft(body))
    assert len(seen) == layer.MOST_SENTENCES


def test_a_remembered_sentence_costs_a_few_kilobytes_not_tens():
    """The memory holds thousands of sentences in a process that runs all day."""
    import tracemalloc

    fresh = Encoder()
    fresh.vectors(["Warm the encoder up."])
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        fresh.vectors([f"This is sentence number {n} of the test." for n in range(100)])
        per_sentence = (tracemalloc.get_traced_memory()[0] - before) / 100
    finally:
        tracemalloc.stop()
    assert per_sentence < 5_000, f"{per_sentence:.0f} bytes per remembered sentence"
