"""What a cold ``claimcheck check`` pays for: no pandas, dask or HTML extraction for a text
article, one pipeline per process, the saved tokenizer honoured. Behaviour, not timing: the figures
are in the README's benchmark section (``benchmarks/bench.py``)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import pipeline
from claimcheck.reference import Row, load_reference

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "corpus" / "articles" / "example-2026-01-26.txt"
HEAVY = ("pandas", "dask", "distributed", "trafilatura", "lxml")

# runs ``claimcheck ARGS`` as the console script does, then prints the top-level packages imported
_RUN_CLI = """
import json, os, sys
sys.argv = ["claimcheck"] + json.loads(sys.argv[1])
try:
    from claimcheck.cli import main
    main()
except SystemExit as e:
    code = e.code
else:
    code = 0
sys.stdout.flush()
os.write(2, ("\\nMODULES " + json.dumps([code, sorted({m.split('.')[0] for m in sys.modules})]) + "\\n").encode())
"""


def _cli_modules(args: list[str], cwd: Path) -> tuple[int, set[str], str]:
    r = subprocess.run([sys.executable, "-c", _RUN_CLI, json.dumps(args)], capture_output=True, text=True, cwd=cwd, timeout=300)
    line = [x for x in r.stderr.splitlines() if x.startswith("MODULES ")]
    assert line, r.stderr
    code, mods = json.loads(line[-1][len("MODULES "):])
    return code, set(mods), r.stdout


@pytest.mark.parametrize("extra", [[], ["--format", "json"], ["--show", "both"]])
def test_check_of_a_text_article_imports_nothing_heavy(tmp_path, extra):
    code, mods, out = _cli_modules(["check", str(EXAMPLE), *extra], tmp_path)
    assert code in (0, 1), out
    assert "spacy" in mods and out.strip()
    assert not mods & set(HEAVY), sorted(mods & set(HEAVY))


def test_check_with_a_user_reference_imports_no_pandas(tmp_path):
    ref = tmp_path / "mine.csv"
    ref.write_text("report_date,dimension,entity,metric,value_usd_m\n2026-01-26,total,All,flow,-1730\n", encoding="utf-8")
    code, mods, out = _cli_modules(["check", str(EXAMPLE), "--reference", str(ref), "--out", str(tmp_path / "r.jsonl")], tmp_path)
    assert code in (0, 1)
    assert (tmp_path / "r.jsonl").exists()
    assert not mods & set(HEAVY), sorted(mods & set(HEAVY))


def test_one_pipeline_per_folder():
    nlp = pipeline.load()
    assert pipeline.load(None) is nlp
    assert pipeline.load(pipeline.MODEL_DIR) is nlp
    assert pipeline.load(str(pipeline.MODEL_DIR) + "/") is nlp
    assert pipeline.load(pipeline.MODEL_DIR / ".." / pipeline.MODEL_DIR.name) is nlp


def test_the_loaded_tokenizer_is_the_saved_one():
    """The shipped pipeline is loaded without re-reading its tokenizer when the saved one equals the
    default one; either way the tokenizer in use serialises to the saved bytes."""
    nlp = pipeline.load()
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == (pipeline.MODEL_DIR / "tokenizer").read_bytes()


def test_a_pipeline_with_its_own_tokenizer_keeps_it(tmp_path):
    import spacy
    from spacy.symbols import ORTH

    nlp = spacy.load(pipeline.MODEL_DIR)
    nlp.tokenizer.add_special_case("claimcheck", [{ORTH: "claim"}, {ORTH: "check"}])
    nlp.to_disk(tmp_path / "model")
    mine = pipeline.load(tmp_path / "model")
    assert mine is not pipeline.load()
    assert [t.text for t in mine("a claimcheck b")] == ["a", "claim", "check", "b"]
    assert [t.text for t in pipeline.load()("a claimcheck b")] == ["a", "claimcheck", "b"]
    assert mine.pipe_names == pipeline.load().pipe_names


def test_reference_rows_and_the_optional_data_frame(tmp_path):
    f = tmp_path / "r.csv"
    f.write_text("note,value_usd_m,metric,entity,dimension,report_date\n"
                 " x ,-1730,flow,All,total,2026-01-26\n,33.5,flow, Bitcoin ,asset,2026-01-26\n", encoding="utf-8")
    ref = load_reference([f])
    assert ref.records == [
        Row(ref.first_report, "total", "All", "flow", -1730.0, "", "", "x", str(f), 2, "total"),
        Row(ref.first_report, "asset", "Bitcoin", "flow", 33.5, "", "", "", str(f), 3, "asset:bitcoin"),
    ]
    pytest.importorskip("pandas")
    df = ref.df
    assert list(df.columns) == list(Row._fields) and len(df) == 2
    assert df["value_usd_m"].tolist() == [-1730.0, 33.5]


def test_the_shipped_pipeline_is_what_the_build_command_makes(tmp_path):
    """``python -m claimcheck.pipeline.build`` from the sources gives the committed ``models/`` byte for
    byte (patterns, catalogue, the saved pattern analyses): the shipped model is never stale."""
    out = tmp_path / "claimcheck_en"
    r = subprocess.run([sys.executable, "-m", "claimcheck.pipeline.build", "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    built = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    shipped = sorted(p.relative_to(pipeline.MODEL_DIR) for p in pipeline.MODEL_DIR.rglob("*") if p.is_file())
    assert built == shipped
    from claimcheck.parse import caseless

    saved = Path("caseless.json")
    if json.loads((pipeline.MODEL_DIR / saved).read_text(encoding="utf-8"))["stamp"] != caseless._stamp():
        # the analyses were saved under another Python, whose re parser they depend on: this one
        # ignores them (and the build writes its own); every other file must still be the same
        assert json.loads((out / saved).read_text(encoding="utf-8"))["stamp"] == caseless._stamp()
        built.remove(saved)
    stale = [str(p) for p in built if (out / p).read_bytes() != (pipeline.MODEL_DIR / p).read_bytes()]
    assert not stale, f"rebuild with: python -m claimcheck.pipeline.build ({stale})"


def test_saved_pattern_analyses_are_the_ones_worked_out():
    from claimcheck.parse import caseless

    data = json.loads((pipeline.MODEL_DIR / "caseless.json").read_text(encoding="utf-8"))
    assert data["patterns"], "no saved analyses"
    if data["stamp"] != caseless._stamp():
        pytest.skip(f"analyses saved under Python {data['stamp'][1]}: this Python ignores them")
    for src, flags, folded, gate in data["patterns"]:
        tree = caseless._parse_lowered(src, flags)
        ok = tree is not None and caseless.foldable(src, flags, tree)
        assert folded == (caseless.lower_pattern(src) if ok else None), src[:80]
        fresh = caseless.required_literals(src, tree) if ok and not flags else None
        assert gate == (list(fresh) if fresh is not None else None), src[:80]


def test_analyses_saved_by_another_python_or_version_are_ignored(tmp_path, monkeypatch):
    from claimcheck.parse import caseless

    monkeypatch.setattr(caseless, "_ANALYSES", {})
    f = tmp_path / "caseless.json"
    f.write_text(json.dumps({"stamp": [caseless.ANALYSES_VERSION, [2, 7]], "patterns": [["abc", 0, "zzz", ["zzz"]]]}), encoding="utf-8")
    assert caseless.load_analyses(f) == 0
    assert caseless.analyse("abc") == ("abc", ("abc",))
    f.write_text("not json", encoding="utf-8")
    assert caseless.load_analyses(f) == 0
    assert caseless.load_analyses(tmp_path / "missing.json") == 0
