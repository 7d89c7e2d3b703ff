"""Codenames: eight words from a diceware list, drawn with ``secrets``.

English uses the EFF long list (7,776 words, 103 bits for eight words) and Spanish the
diceware 8,192-word ASCII list (104 bits). The server never stores a codename: Argon2id
with the site salt turns it into a master secret, from which a lookup value (stored, to
find the source) and a reply-key seed (never stored) are derived with keyed BLAKE2b.
"""

import hashlib
import secrets
import unicodedata
from functools import cache
from pathlib import Path

import diceware.wordlist
from argon2.low_level import Type, hash_secret_raw
from django.conf import settings

WORDS = 8
WORDLIST_FILES = {"en": "wordlist_en_eff.txt", "es": "wordlist_es.txt"}
ARGON2_DEFAULTS = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 1}


@cache
def wordlist(language: str) -> tuple[str, ...]:
    path = Path(diceware.wordlist.get_wordlists_dir()) / WORDLIST_FILES.get(
        language, "wordlist_en_eff.txt"
    )
    words = []
    for line in path.read_text("ascii").splitlines():
        word = line.split()[-1] if line.strip() else ""
        if word.isascii() and word.replace("-", "").isalpha():
            words.append(word.lower())
    return tuple(dict.fromkeys(words))


def generate(language: str = "en") -> str:
    words = wordlist(language)
    return " ".join(secrets.choice(words) for _ in range(WORDS))


def normalize(text: str | None) -> str:
    """Lower case, accents folded, single spaces: what a source types back may differ in
    case and spacing from what they were shown."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(text.split())


def looks_valid(text: str | None) -> bool:
    """A cheap check before any slow hash: seven or more words of the lists' shape."""
    words = normalize(text).split()
    return len(words) >= 7 and all(w.replace("-", "").isalpha() and w.isascii() for w in words)


def contains(message: str | None, codename: str | None) -> bool:
    """True when ``message`` contains the codename, ignoring case, accents and spacing."""
    return bool(codename) and normalize(codename) in normalize(message)


def derive(codename: str, salt: bytes) -> tuple[str, bytes]:
    """(lookup hex, reply seed bytes) for ``codename``; slow by design."""
    params = {**ARGON2_DEFAULTS, **getattr(settings, "CRONICA_TIPS_ARGON2", {})}
    master = hash_secret_raw(
        normalize(codename).encode(), salt, hash_len=32, type=Type.ID, **params
    )
    lookup = hashlib.blake2b(master, key=b"cronica-tips-lookup", digest_size=32).hexdigest()
    seed = hashlib.blake2b(master, key=b"cronica-tips-reply", digest_size=32).digest()
    return lookup, seed


def designation() -> str:
    """A random two-word name for the inbox, unrelated to the codename."""
    words = wordlist("en")
    return f"{secrets.choice(words)} {secrets.choice(words)}"
