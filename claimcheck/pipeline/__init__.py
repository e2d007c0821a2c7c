"""The spaCy pipeline: components (registered on import) and the model that ships in models/."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import components  # noqa: F401  (registers the factories)

MODEL_DIR = Path(__file__).resolve().parent.parent.parent / "models" / "claimcheck_en"
PIPE_NAMES = ("claimcheck_sentences", "claimcheck_subjects", "claimcheck_targets", "claimcheck_modifiers", "claimcheck_claims")


@lru_cache(maxsize=2)
def load(path: str | None = None):
    """Load the shipped pipeline with ``spacy.load`` (from ``models/claimcheck_en`` by default)."""
    import spacy

    from ..errors import ClaimcheckError

    p = Path(path) if path else MODEL_DIR
    if not (p / "config.cfg").exists():
        raise ClaimcheckError(f"{p}: no spaCy pipeline here; build it with: python -m claimcheck.pipeline.build")
    return spacy.load(p)
