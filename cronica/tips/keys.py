"""age keys: parsing the newsroom's recipients, and the source's reply identity.

The server only ever holds public keys for tips. The one private key it handles is a
source's reply identity, rebuilt in memory from the codename on a return visit and never
stored. pyrage builds identities only from their text form (Bech32, "AGE-SECRET-KEY-1..."),
so ``identity_from_seed`` encodes 32 derived bytes with the ``bech32`` package (the
BIP-173 reference implementation).
"""

from bech32 import bech32_encode, convertbits
from pyrage import x25519


def identity_from_seed(seed: bytes) -> x25519.Identity:
    """An age X25519 identity whose secret scalar is ``seed`` (32 bytes)."""
    if len(seed) != 32:
        raise ValueError("an age identity needs a 32-byte seed")
    words = convertbits(seed, 8, 5)
    assert words is not None  # eight-bit input always converts
    return x25519.Identity.from_str(bech32_encode("age-secret-key-", words).upper())


def parse_recipient(text: str | None) -> x25519.Recipient:
    """The pyrage recipient for ``text``; ValueError with a readable message if invalid."""
    text = (text or "").strip()
    if not text.startswith("age1"):
        raise ValueError("an age recipient starts with age1")
    try:
        return x25519.Recipient.from_str(text)
    except Exception as exc:  # pyrage raises its own RecipientError/ValueError types
        raise ValueError(f"not a valid age recipient: {exc}") from exc
