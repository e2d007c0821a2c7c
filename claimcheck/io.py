"""Reading articles (text, Markdown, saved HTML, stdin) and writing output files atomically."""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from .errors import InputError

MAX_ARTICLE_BYTES = 50 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass
class Article:
    text: str
    path: str  # "-" for stdin
    published: date | None = None  # from HTML metadata, when present


_UTF16_32_BOMS = {b"\xff\xfe\x00\x00": "UTF-32", b"\x00\x00\xfe\xff": "UTF-32", b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16"}
# control characters (C0 but tab, line feed and carriage return; DEL; C1) are replaced one for one,
# so offsets into the text still hold: an article's escape sequences never reach a terminal
_CONTROLS = {c: " " for c in [*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x20), 0x7F, *range(0x80, 0xA0)]}
_CONTROLS.update({0x0B: "\n", 0x0C: "\n", 0x1C: "\n", 0x1D: "\n", 0x1E: "\n", 0x85: "\n"})
_CONTROLS_TABLE = str.maketrans(_CONTROLS)


def clean_text(text: str) -> str:
    """``text`` with control characters (NUL, ESC, BEL, C1...) replaced, one character for one.

    Vertical tab, form feed, the information separators and NEL become line breaks, the others
    spaces; tab, line feed and carriage return stay. The length never changes.
    """
    return text.translate(_CONTROLS_TABLE)


def _looks_binary(raw: bytes) -> bool:
    """NUL bytes in more than 5 % of the first 8 KB (a text with a stray NUL is still text)."""
    sample = raw[:8192]
    nul = sample.count(0)
    return nul > 0 and nul * 20 > len(sample)


def _decode(raw: bytes, name: str) -> str:
    for bom, enc in _UTF16_32_BOMS.items():
        if raw.startswith(bom):
            raise InputError(f"{name}: {enc} text; re-save the article as UTF-8")
    if _looks_binary(raw):
        raise InputError(f"{name}: looks like a binary file (NUL bytes); pass a UTF-8 text, Markdown or HTML article")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        what = "a binary file" if b"\x00" in raw[:8192] else "not valid UTF-8"
        raise InputError(f"{name}:{line}: {what} (byte 0x{raw[e.start]:02x}); re-save the article as UTF-8 text") from None


class _TextOfHTML(HTMLParser):
    """Plain text of any HTML, however deep or broken (no tree: the stdlib parser streams)."""

    SKIP = {"script", "style", "noscript", "template", "title", "svg"}
    BLOCK = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header", "footer",
             "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "dd", "dt", "main", "aside", "figure"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).splitlines())
        return "\n".join(line for line in lines if line)


def strip_tags(html: str) -> str:
    """The visible text of ``html`` by a streaming parser: the fallback when trafilatura finds none."""
    p = _TextOfHTML()
    try:
        p.feed(html)
        p.close()
    except Exception:  # the stdlib parser is lenient; keep whatever it read
        pass
    return p.text()


def html_to_text(html: str) -> tuple[str, date | None]:
    """Main text and publication date of a saved article page, by trafilatura.

    A page trafilatura cannot read (too deeply nested, broken, or it finds no main text) falls back
    to the page's visible text, so an article's words are never silently dropped.
    """
    try:
        import trafilatura

        text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True) or ""
    except Exception:
        trafilatura, text = None, ""
    if not text.strip():
        text = strip_tags(html)
    published = None
    if trafilatura is not None:
        try:
            meta = trafilatura.extract_metadata(html)
            if meta is not None and meta.date:
                published = date.fromisoformat(meta.date[:10])
        except Exception:
            published = None
    return text, published


def _too_big(name: str) -> InputError:
    return InputError(f"{name}: larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB; split the article")


def _read_stdin() -> bytes:
    stream = sys.stdin
    if stream is None or stream.closed:
        raise InputError("-: standard input is closed; pipe or paste the article text")
    buf = getattr(stream, "buffer", None)
    try:
        if buf is not None:
            return buf.read(MAX_ARTICLE_BYTES + 1)
        return stream.read(MAX_ARTICLE_BYTES + 1).encode("utf-8", "surrogateescape")
    except (OSError, ValueError) as e:
        raise InputError(f"-: cannot read standard input ({getattr(e, 'strerror', None) or e}); pipe or paste the article text") from None


def read_article(path: str | Path) -> Article:
    """An article from a file or ``-`` (standard input): decoded, checked and cleaned.

    Refused with an :class:`InputError` (one line: what and what to do): a directory, a missing or
    unreadable file, more than ``MAX_ARTICLE_BYTES`` (checked before reading), a binary file,
    text that is not UTF-8. Control characters are replaced (see :func:`clean_text`); saved HTML
    pages are reduced to their main text.
    """
    name = str(path)
    if name == "-":
        raw = _read_stdin()
    else:
        p = Path(path)
        try:
            st = p.stat()
        except FileNotFoundError:
            raise InputError(f"{name}: no such file; check the path") from None
        except OSError as e:
            raise InputError(f"{name}: cannot read ({e.strerror}); check the path") from None
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{name}: is a directory; use 'claimcheck batch {name}' to check a folder")
        if stat.S_ISREG(st.st_mode) and st.st_size > MAX_ARTICLE_BYTES:
            raise _too_big(name)
        try:
            with open(p, "rb") as f:
                raw = f.read(MAX_ARTICLE_BYTES + 1)
        except FileNotFoundError:
            raise InputError(f"{name}: no such file; check the path") from None
        except PermissionError:
            raise InputError(f"{name}: permission denied; check the file's permissions") from None
        except IsADirectoryError:
            raise InputError(f"{name}: is a directory; use 'claimcheck batch {name}' to check a folder") from None
        except OSError as e:
            raise InputError(f"{name}: cannot read ({e.strerror})") from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise _too_big(name)
    text = _decode(raw, name)
    published = None
    if name.lower().endswith(HTML_SUFFIXES) or (name == "-" and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
        text, published = html_to_text(text)
    return Article(clean_text(text), name, published)


def file_mode(path: str | Path) -> int:
    """The permissions an output file gets: those of the file it replaces, else the usual
    0666 minus the umask (a temporary file from :mod:`tempfile` is 0600)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(path: str | Path, data: str) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    The file gets the mode of the file it replaces, or for a new file 0666 minus the umask (not
    the 0600 of the temporary file)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    mode = file_mode(p)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=str(p.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
