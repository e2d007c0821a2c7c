"""``claimcheck batch``: inputs, the per-article function, bad files, exit codes, outputs, dask."""
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import batch as B
from claimcheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "corpus" / "articles"
EXAMPLE = ARTICLES / "example-2026-01-26.txt"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article-2026-01-26.txt"

needs_seed = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not present")

EXAMPLE_COUNTS = {"claims": 13, "verified": 13, "conflicting": 0, "unverified": 0}
SEED_COUNTS = {"claims": 25, "verified": 20, "conflicting": 4, "unverified": 1}


def counts(row):
    return {k: row[k] for k in ("claims", "verified", "conflicting", "unverified")}


def snapshot(folder: Path) -> dict:
    out = {}
    for p in sorted(folder.rglob("*")):
        st = p.lstat()
        out[str(p)] = (p.is_dir(), st.st_mtime_ns, st.st_mode, hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else None)
    return out


@pytest.fixture
def tree(tmp_path):
    """A folder of good and bad inputs."""
    d = tmp_path / "in"
    (d / "sub" / "deeper").mkdir(parents=True)
    shutil.copy(EXAMPLE, d / "example.txt")
    if SEED.exists():
        shutil.copy(SEED, d / "sub" / "seed.md")
    (d / "sub" / "deeper" / "notes.csv").write_text("not an article", encoding="utf-8")  # not matched by --glob
    (d / ".hidden").mkdir()
    shutil.copy(EXAMPLE, d / ".hidden" / "skipped.txt")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "latin1.txt").write_bytes("Fonds: $1,7 milliard de sorties, caf\xe9".encode("latin-1"))
    (d / "folder.md").mkdir()  # a folder named like an article
    (d / "empty.txt").write_text("", encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(d / "pipe.txt")  # reading it would block: must be skipped, not read
    return d


def invoke(*args):
    return CliRunner().invoke(app, ["batch", *map(str, args)], env={"COLUMNS": "160"})


# --- inputs ----------------------------------------------------------------------------------------------

def test_iter_inputs_walks_sorted_and_filters(tree):
    got = [os.path.relpath(p, tree) for p in B.iter_inputs([tree], B.parse_globs(B.DEFAULT_GLOB))]
    expected = ["binary.txt", "empty.txt", "example.txt", "folder.md", "latin1.txt"]
    if hasattr(os, "mkfifo"):
        expected.append("pipe.txt")
    if SEED.exists():
        expected.append(os.path.join("sub", "seed.md"))
    assert got == expected
    # explicit files are taken whatever their name, each once; a missing one is passed on (an error row)
    csv_file = tree / "sub" / "deeper" / "notes.csv"
    got = list(B.iter_inputs([csv_file, tree / "nope.txt", csv_file], ("*.txt",)))
    assert got == [str(csv_file), str(tree / "nope.txt")]
    assert list(B.iter_inputs([tree / "sub"], ("deeper/*.csv",))) == [str(csv_file)]


def test_iter_inputs_is_lazy(tmp_path):
    for k in range(50):
        (tmp_path / f"{k:03}.txt").write_text("x", encoding="utf-8")
    it = B.iter_inputs([tmp_path])
    assert next(it).endswith("000.txt")


def test_chunk_sizes():
    assert B.chunk_size_for(5000, 2) == 16
    assert B.chunk_size_for(20, 2) == 3
    assert B.chunk_size_for(3, 8) == 1


# --- the per-article function ------------------------------------------------------------------------------

@needs_seed
def test_check_paths_counts_and_errors(tree):
    cfg = B.BatchConfig(fmt="jsonl")
    names = ["example.txt", "sub/seed.md", "binary.txt", "latin1.txt", "folder.md", "empty.txt", "vanished.txt"]
    if hasattr(os, "mkfifo"):
        names.append("pipe.txt")
    items = [(k, n, str(tree / n)) for k, n in enumerate(names, 1)]
    res = B.check_paths(cfg, items)
    assert [r.number for r in res] == list(range(1, len(names) + 1))
    rows = {r.row["path"]: r.row for r in res}
    assert counts(rows["example.txt"]) == EXAMPLE_COUNTS and rows["example.txt"]["error"] is None
    assert counts(rows["sub/seed.md"]) == SEED_COUNTS
    assert rows["sub/seed.md"]["report_date"] == "2026-01-26"
    assert "binary" in rows["binary.txt"]["error"]
    assert "not valid UTF-8" in rows["latin1.txt"]["error"] and rows["latin1.txt"]["error"].startswith("line 1:")
    assert "directory" in rows["folder.md"]["error"]
    assert rows["empty.txt"]["error"] is None and rows["empty.txt"]["claims"] == 0
    assert "no such file" in rows["vanished.txt"]["error"]
    if hasattr(os, "mkfifo"):
        assert "not a regular file" in rows["pipe.txt"]["error"]
    # the fragments are the JSON Lines of each article
    seed_lines = [json.loads(x) for x in res[1].fragment.splitlines()]
    assert len(seed_lines) == 25 and {x["path"] for x in seed_lines} == {"sub/seed.md"}
    assert json.loads(res[2].fragment)["error"] == rows["binary.txt"]["error"]


# --- the command --------------------------------------------------------------------------------------------

@needs_seed
def test_batch_command_local(tree, tmp_path):
    before = snapshot(tree)
    out = tmp_path / "out" / "claims.jsonl"
    res = invoke(tree, "--out", out, "--jobs", "2")
    assert res.exit_code == 1, res.output  # the seed article has conflicting claims
    assert snapshot(tree) == before  # no input touched
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    claims = [x for x in lines if "verdict" in x]
    errors = [x for x in lines if "error" in x]
    assert len(claims) == 13 + 25
    assert sum(x["verdict"] == "conflicting" for x in claims) == 4
    assert {Path(x["path"]).name for x in errors} >= {"binary.txt", "latin1.txt", "folder.md"}
    assert [p.name for p in out.parent.iterdir()] == ["claims.jsonl"]  # no temporary file left
    # the summary: one row per article, the errors in their column, the totals
    assert "seed.md" in res.stdout and "not valid UTF-8" in res.stdout and "is a directory" in res.stdout
    n_bad = 4 if hasattr(os, "mkfifo") else 3  # binary, latin1, folder.md (, pipe)
    assert f"{3 + n_bad} articles: 3 checked, {n_bad} could not be read" in res.stdout
    assert "38 claims: 33 verified, 4 conflicting, 1 unverified" in res.stdout


@needs_seed
def test_batch_exit_codes(tree, tmp_path):
    assert invoke(tree / "example.txt", tree / "binary.txt", "--jobs", "1").exit_code == 0  # unreadable file alone: not 2
    assert invoke(tree / "sub" / "seed.md", "--jobs", "1").exit_code == 1
    assert invoke(tree / "sub" / "seed.md", "--jobs", "1", "--fail-on", "never").exit_code == 0
    assert invoke(tree / "example.txt", "--jobs", "1", "--fail-on", "unverified").exit_code == 0
    res = invoke(tree / "binary.txt", tree / "latin1.txt", tree / "missing.txt", "--jobs", "1")
    assert res.exit_code == 2 and "none of the files could be read" in res.stderr
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    res = invoke(empty)
    assert res.exit_code == 2 and "no article files found" in res.stderr
    assert invoke(tree, "--out", tmp_path / "x.unknown").exit_code == 2
    assert invoke(tree, "--scheduler", "tcp://127.0.0.1:1", "--engine", "local").exit_code == 2


def test_batch_refuses_to_overwrite_an_input(tree):
    before = snapshot(tree)
    res = invoke(tree, "--out", tree / "example.txt", "--format", "csv")
    assert res.exit_code == 2 and "also an input" in res.stderr
    res = invoke(tree / "example.txt", "--out", tree / "example.txt", "--format", "jsonl")
    assert res.exit_code == 2
    assert snapshot(tree) == before


@needs_seed
def test_batch_formats_to_stdout_and_files(tree, tmp_path):
    res = invoke(tree / "example.txt", tree / "sub" / "seed.md", "--format", "csv", "--jobs", "1")
    assert res.exit_code == 1
    assert res.stdout.startswith("path,start,end,text,")
    assert len(res.stdout.splitlines()) == 1 + 38
    assert "38 claims" in res.stderr  # the summary goes to stderr when stdout carries the data
    html_out = tmp_path / "r.html"
    res = invoke(tree, "--out", html_out, "--jobs", "2")
    page = html_out.read_text(encoding="utf-8")
    assert page.count("<section class='article'") == (7 if hasattr(os, "mkfifo") else 6)
    assert page.count("<li id='a") == 38
    js = tmp_path / "r.json"
    invoke(tree / "example.txt", tree / "binary.txt", "--out", js, "--jobs", "1")
    data = json.loads(js.read_text(encoding="utf-8"))
    assert [len(a["claims"]) for a in data["articles"]] == [13, 0]
    assert data["articles"][1]["error"] and data["totals"]["errors"] == 1


@needs_seed
def test_dask_engine_matches_local(tmp_path):
    pytest.importorskip("distributed")
    files = [ARTICLES / "a01.txt", ARTICLES / "a02.txt", EXAMPLE, SEED, tmp_path / "gone.txt"]
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    r1 = invoke(*files, "--out", local, "--jobs", "2")
    r2 = invoke(*files, "--out", dask, "--engine", "dask", "--jobs", "2")
    assert r1.exit_code == r2.exit_code == 1, (r1.output, r2.output)
    a, b = local.read_text(encoding="utf-8"), dask.read_text(encoding="utf-8")
    assert a == b
    lines = [json.loads(x) for x in a.splitlines()]
    assert sum(1 for x in lines if x.get("path") == str(SEED)) == 25
    assert sum(1 for x in lines if x.get("path") == str(EXAMPLE)) == 13
    assert lines[-1] == {"path": str(tmp_path / "gone.txt"), "error": "no such file (missing, or removed during the batch)"}
