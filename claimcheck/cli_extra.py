"""Registers the sub-commands that live outside cli.py (eval, batch) on the Typer app."""
import importlib

for _mod in ("claimcheck.cli_eval", "claimcheck.cli_batch"):
    try:
        importlib.import_module(_mod)
    except ModuleNotFoundError as e:  # a sub-command not written yet
        if e.name != _mod:
            raise
