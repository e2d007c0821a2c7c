"""Reading articles (text, Markdown, saved HTML, stdin) and writing output files atomically."""
from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import InputError

MAX_ARTICLE_BYTES = 50 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass
class Article:
    text: str
    path: str  # "-" for stdin
    published: date | None = None  # from HTML metadata, when present


def _decode(raw: bytes, name: str) -> str:
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: looks like a binary file (NUL bytes); pass a UTF-8 text, Markdown or HTML article")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise InputError(f"{name}:{line}: not valid UTF-8 (byte 0x{raw[e.start]:02x}); re-save the article as UTF-8") from None


def html_to_text(html: str) -> tuple[str, date | None]:
    """Main text and publication date of a saved article page, by trafilatura."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True) or ""
    published = None
    try:
        meta = trafilatura.extract_metadata(html)
        if meta is not None and meta.date:
            published = date.fromisoformat(meta.date[:10])
    except (ValueError, TypeError):
        published = None
    return text, published


def read_article(path: str | Path) -> Article:
    name = str(path)
    if name == "-":
        if sys.stdin is None or sys.stdin.closed:
            raise InputError("-: standard input is closed; pipe or paste the article text")
        raw = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
    else:
        p = Path(path)
        if p.is_dir():
            raise InputError(f"{name}: is a directory; use 'claimcheck batch {name}' to check a folder")
        try:
            with open(p, "rb") as f:
                raw = f.read(MAX_ARTICLE_BYTES + 1)
        except FileNotFoundError:
            raise InputError(f"{name}: no such file; check the path") from None
        except PermissionError:
            raise InputError(f"{name}: permission denied; check the file's permissions") from None
        except OSError as e:
            raise InputError(f"{name}: cannot read ({e.strerror})") from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise InputError(f"{name}: larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB; split the article")
    text = _decode(raw, name)
    if "\x00" in text:
        text = text.replace("\x00", " ")
    published = None
    if name.lower().endswith(HTML_SUFFIXES) or (name == "-" and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
        text, published = html_to_text(text)
    return Article(text, name, published)


def write_atomic(path: str | Path, data: str) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=str(p.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(data)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
