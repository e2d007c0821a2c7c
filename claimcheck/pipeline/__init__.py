"""The spaCy pipeline: components (registered on import) and the model that ships in models/."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import components  # noqa: F401  (registers the factories)

MODEL_DIR = Path(__file__).resolve().parent.parent.parent / "models" / "claimcheck_en"
PIPE_NAMES = ("claimcheck_sentences", "claimcheck_subjects", "claimcheck_targets", "claimcheck_modifiers", "claimcheck_claims")


def load(path: str | Path | None = None):
    """Load the shipped pipeline with ``spacy.load`` (from ``models/claimcheck_en`` by default).

    One pipeline per folder and process: ``load()``, ``load(None)`` and ``load(MODEL_DIR)`` (or any
    other spelling of the same folder) return the same object.
    """
    return _load(str(Path(path).resolve() if path else MODEL_DIR))


@lru_cache(maxsize=4)
def _load(folder: str):
    import spacy

    from ..errors import ClaimcheckError

    p = Path(folder)
    if not (p / "config.cfg").exists():
        raise ClaimcheckError(f"{p}: no spaCy pipeline here; build it with: python -m claimcheck.pipeline.build")
    # ``Language()`` already builds the language's default tokenizer from the config (the slow
    # part: its ~2,700 special cases); the saved tokenizer is read over it only when it differs
    # from that default (e.g. a pipeline saved by another spaCy version), and then the whole
    # pipeline is loaded as usual, so the components are always loaded after their tokenizer.
    nlp = spacy.load(p, exclude=["tokenizer"])
    saved = p / "tokenizer"
    if saved.exists() and saved.read_bytes() != nlp.tokenizer.to_bytes(exclude=["vocab"]):
        nlp = spacy.load(p)
    return nlp


load.cache_clear = _load.cache_clear  # type: ignore[attr-defined]
