"""``claimcheck eval GOLD.jsonl ARTICLES_DIR``: score the checker against gold claims.

Exit codes: 0 done (and every ``--min-*`` threshold met), 1 a threshold not met, 2 bad input
(missing file, malformed gold line), 3 an internal error.
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Any, List, Optional

import typer
from rich.console import Console
from rich.table import Table

from .cli import REFERENCE_HELP, app, err, run_guarded


class EvalFmt(str, Enum):
    table = "table"
    json = "json"


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _short(s: str, n: int = 160) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def thresholds_failed(data: dict[str, Any], min_f1: Optional[float], min_verdict: Optional[float]) -> list[str]:
    out = []
    f1, acc = data["extraction"]["f1"], data["verdict"]["accuracy"]
    if min_f1 is not None and f1 < min_f1:
        out.append(f"extraction F1 {f1:.4f} is below --min-f1 {min_f1}")
    if min_verdict is not None and acc < min_verdict:
        out.append(f"verdict accuracy {acc:.4f} is below --min-verdict-accuracy {min_verdict}")
    return out


def print_eval(d: dict[str, Any], console: Console) -> None:
    ex = d["extraction"]
    console.print(f"[bold]claimcheck eval[/bold]: {d.get('gold_file')} on {d.get('articles_dir')} "
                  f"({d['articles']} articles, {d['articles_with_gold']} with gold; dates from {d.get('meta_file') or 'the texts'})")
    for w in d.get("warnings", []):
        console.print(f"[yellow]warning:[/yellow] {w}", markup=True)

    t = Table(title="Scores", title_justify="left")
    for c in ("measure", "value", "counts"):
        t.add_column(c, justify="right" if c != "measure" else "left")
    t.add_row("extraction precision", _pct(ex["precision"]), f"{ex['matched']} of {ex['predicted']} predicted")
    t.add_row("extraction recall", _pct(ex["recall"]), f"{ex['matched']} of {ex['gold']} gold located")
    t.add_row("extraction F1", _pct(ex["f1"]), "")
    for k, name in (("subject", "subject accuracy"), ("metric", "metric accuracy"), ("verdict", "verdict accuracy")):
        t.add_row(name, _pct(d[k]["accuracy"]), f"{d[k]['correct']} of {d[k]['total']} matched")
    t.add_row("verdict right, of all gold", _pct(d["verdict"]["correct_of_gold"]), f"{d['verdict']['correct']} of {ex['gold']}")
    if ex.get("shared_range"):
        t.add_row("gold lines sharing a range", str(ex["shared_range"]), "more lines than occurrences of the quote")
    if ex["unlocated"]:
        t.add_row("gold lines not located", str(ex["unlocated"]), "listed below; not in recall")
    console.print(t)

    conf = d["verdict"]["confusion"]
    t = Table(title="Verdicts of matched claims", title_justify="left")
    t.add_column("gold \\ predicted")
    labels = list(conf)
    for lab in labels:
        t.add_column(lab, justify="right")
    for g in labels:
        t.add_row(g, *[(f"[bold]{conf[g][p]}[/bold]" if g == p else str(conf[g][p])) for p in labels])
    console.print(t)

    t = Table(title="By gold metric", title_justify="left")
    for c in ("metric", "gold", "matched", "verdict correct", "recall", "verdict accuracy"):
        t.add_column(c, justify="left" if c == "metric" else "right")
    for m, r in d["per_metric"].items():
        t.add_row(m, str(r["gold"]), str(r["matched"]), str(r["verdict_correct"]), _pct(r["recall"]), _pct(r["verdict_accuracy"]))
    console.print(t)

    n = d["numbers"]
    console.print(f"Numbers seen in the texts: {n['numbers_seen']} ({n['amounts']} amounts, {n['percents']} percents); "
                  f"{n['numbers_in_predicted_claims']} inside a predicted claim, {n['numbers_in_gold_claims']} inside a gold claim; "
                  f"claims found {n['claims_found']}, gold claims {n['gold_claims']}.")

    def listing(title: str, rows: list[dict], cols: list[tuple[str, Any]]) -> None:
        if not rows:
            console.print(f"{title}: none")
            return
        t = Table(title=f"{title} ({len(rows)})", title_justify="left", show_lines=True)
        for name, _ in cols:
            t.add_column(name, overflow="fold")
        for r in rows:
            t.add_row(*[_short(f(r)) for _, f in cols])
        console.print(t)

    listing("Gold lines not located", d["unlocated"], [
        ("article", lambda r: f"{r['article']} (line {r['line']})"), ("quote", lambda r: r["quote"]),
        ("why", lambda r: r.get("unlocated", "")), ("sentence", lambda r: r["sentence"])])
    listing("Misses (gold not found)", d["misses"], [
        ("article", lambda r: r["article"]), ("quote", lambda r: r["quote"]),
        ("gold", lambda r: f"{r['subject']} {r['metric']} {r['verdict']}"), ("sentence", lambda r: r["sentence"])])
    listing("False alarms (predicted, not in gold)", d["false_alarms"], [
        ("article", lambda r: r["article"]), ("text", lambda r: r["text"]),
        ("predicted", lambda r: f"{r['subject']} {r['metric']} {r['verdict']}"), ("sentence", lambda r: r["sentence"])])
    listing("Wrong verdicts (matched)", d["verdict_errors"], [
        ("article", lambda r: r["gold"]["article"]), ("quote", lambda r: r["gold"]["quote"]),
        ("gold", lambda r: f"{r['gold']['subject']} {r['gold']['metric']} {r['gold']['verdict']}"),
        ("predicted", lambda r: f"{r['predicted']['subject']} {r['predicted']['metric']} {r['predicted']['verdict']}"),
        ("reason", lambda r: r["predicted"]["reason"])])


@app.command("eval")
def eval_(
    gold: Path = typer.Argument(..., help="gold claims, JSON Lines (format: corpus/gold/README.md)"),
    articles_dir: Path = typer.Argument(..., help="folder of the articles (<article>.txt)"),
    meta: Optional[Path] = typer.Option(None, "--meta", help="articles.jsonl with each article's report_date (default: ARTICLES_DIR/../articles.jsonl, then ARTICLES_DIR/articles.jsonl)"),
    reference: Optional[List[Path]] = typer.Option(None, "--reference", "-r", help=REFERENCE_HELP),
    fmt: EvalFmt = typer.Option(EvalFmt.table, "--format", "-f", help="a report with tables, or JSON"),
    min_f1: Optional[float] = typer.Option(None, "--min-f1", min=0.0, max=1.0, help="exit 1 when the extraction F1 (0 to 1) is below this"),
    min_verdict_accuracy: Optional[float] = typer.Option(None, "--min-verdict-accuracy", min=0.0, max=1.0, help="exit 1 when the verdict accuracy on matched claims (0 to 1) is below this"),
    debug: bool = typer.Option(False, "--debug", help="show tracebacks"),
):
    """Score extraction (precision/recall/F1) and verdicts against gold claims."""

    def go() -> int:
        from .evaluate import evaluate

        res = evaluate(gold, articles_dir, meta=meta, reference=reference or None)
        d = res.to_dict()
        failed = thresholds_failed(d, min_f1, min_verdict_accuracy)
        d["thresholds"] = {"min_f1": min_f1, "min_verdict_accuracy": min_verdict_accuracy, "failed": failed}
        if fmt == EvalFmt.json:
            sys.stdout.write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            print_eval(d, Console(highlight=False))
        for f in failed:
            err.print(f"claimcheck: {f}", markup=False)
        return 1 if failed else 0

    raise typer.Exit(run_guarded(go, debug))
