"""The body of ``cronica screen``: JSON lines in, one JSON line of scores out per line.

Shared by the management command (``call_command("screen")``, tests) and the light
entry (cronica/screening/cli.py) that ``cronica screen`` runs, so both keep one contract:
input ``{"text": "..."}`` per line; output ``{"spam": p, "abuse": p, "doxxing": p,
"threat": p, "reasons": [...]}`` per non-blank line, or ``{"error": "..."}`` for a line
that is not such an object or is too long, so outputs stay aligned with inputs.
"""

import io
import json
import os
import sys
from collections.abc import Callable, Iterable
from typing import TextIO

from .scoring import learn_decision, score

# Ten times the longest comment the site accepts: anything longer is not a comment, and
# scoring it would stall the stream (scoring time grows with the text). A line may spell
# each character as a six-character JSON escape, hence the line's own bound.
MAX_TEXT_CHARS = 40_000
MAX_LINE_CHARS = 6 * MAX_TEXT_CHARS + 100


class LearnFileError(Exception):
    """A ``--learn`` file that cannot be read or holds a line that is not an example."""


def stdin_lines() -> TextIO:
    """Standard input as UTF-8 text whatever the locale says, invalid bytes kept as lone
    surrogates: Python's own stdin decodes by the locale, strictly under most of them
    (``en_US.UTF-8``, ``PYTHONIOENCODING=utf-8:strict``), and one bad byte would then end
    the whole stream instead of the line it is on. A stdin that is text already (a
    caller's ``io.StringIO`` under ``call_command``) is read as it is."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return sys.stdin
    return io.TextIOWrapper(buffer, encoding="utf-8", errors="surrogateescape")


def _parse(line: str) -> str:
    if len(line) > MAX_LINE_CHARS:
        raise ValueError(f"text longer than {MAX_TEXT_CHARS} characters")
    item = json.loads(line)
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ValueError('expected an object with a string "text"')
    if len(item["text"]) > MAX_TEXT_CHARS:
        raise ValueError(f"text longer than {MAX_TEXT_CHARS} characters")
    return item["text"]


def screen(lines: Iterable[str], write: Callable[[str], object], newsroom: bool = True) -> None:
    """Scores each non-blank line of ``lines``; ``write`` gets one JSON text per line
    and is flushed by the caller's stream (each answer goes out before the next line is
    read, so a pipe gets answers while it is still open)."""
    for line in lines:
        if not line.strip():
            continue
        try:
            text = _parse(line)
        except (ValueError, RecursionError) as error:
            write(json.dumps({"error": str(error)}))
            continue
        s = score(text, newsroom=newsroom)
        result = {
            "spam": s.spam,
            "abuse": s.abuse,
            "doxxing": s.doxxing,
            "threat": s.threat,
            "reasons": s.reasons,
        }
        write(json.dumps(result, ensure_ascii=False))


def learn(path: str | os.PathLike[str]) -> int:
    """Teaches the newsroom model the labelled JSON lines in ``path``
    (``{"text": ..., "spam": bool, "abuse": bool}``), all checked before any is learned;
    returns how many."""
    try:
        with open(path, encoding="utf-8") as f:
            items = [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError) as error:
        raise LearnFileError(f"cannot read {path}: {error}") from error
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise LearnFileError(f'{path}:{number}: expected an object with a string "text"')
        for label in ("spam", "abuse"):
            if item.get(label) is not None and not isinstance(item[label], bool):
                # "no" or 0 would otherwise be taught as a decision by its truth value.
                raise LearnFileError(f'{path}:{number}: "{label}" must be true, false or null')
    for item in items:
        learn_decision(item["text"], spam=item.get("spam"), abuse=item.get("abuse"))
    return len(items)
