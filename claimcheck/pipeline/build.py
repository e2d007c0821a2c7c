"""Build the spaCy pipeline into ``models/claimcheck_en`` from sources in the repo.

    python -m claimcheck.pipeline.build [--out DIR]

Starts from ``spacy.blank("en")`` (no downloaded model), adds the project's own registered
components, loads the subject catalogue from the bundled reference data and
``corpus/aliases.csv``, and saves everything (patterns and aliases included) with ``nlp.to_disk``.
The result is deterministic: the same sources give the same files.
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import spacy

from ..catalogue import Catalogue
from ..parse import caseless
from ..reference import bundled_files, load_reference
from . import MODEL_DIR, PIPE_NAMES


def build(out: Path = MODEL_DIR) -> Path:
    nlp = spacy.blank("en")
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    ref = load_reference(bundled_files())
    entities = [(sid, name) for sid, (_dim, name) in sorted(ref.subjects().items())]
    nlp.get_pipe("claimcheck_subjects").set_catalogue(Catalogue.build(entities))
    nlp.meta.update({
        "name": "claimcheck_en", "version": "0.1.0",
        "description": "claimcheck rule pipeline on spacy.blank('en'): sentences, subject linking, targets, modifiers, claims",
        "author": "claimcheck", "license": "MIT",
    })
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    # run the pipeline once, so that every pattern is compiled, and save the patterns' analyses
    # (lowercased form, required literals) for a faster start
    spacy.load(out)("Crypto funds saw outflows of $1.7 billion last week, a fourth week of outflows.")
    caseless.save_analyses(out / "caseless.json")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    args = ap.parse_args(argv)
    print(f"built {build(args.out)}")


if __name__ == "__main__":
    main()
