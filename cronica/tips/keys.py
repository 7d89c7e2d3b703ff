"""age keys: the newsroom's recipients, and the source's reply identity.

The server only ever holds public keys for tips. The one private key it handles is a
source's reply identity, rebuilt in memory from the codename on a return visit and never
stored. pyrage builds identities only from their text form (Bech32, "AGE-SECRET-KEY-1..."),
so ``identity_from_seed`` encodes 32 derived bytes with the BIP-173 algorithm below.
"""

from django.conf import settings
from pyrage import x25519

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values):
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            checksum ^= _GENERATOR[i] if (top >> i) & 1 else 0
    return checksum


def _bech32(hrp, data):
    words, acc, bits = [], 0, 0
    for byte in data:  # 8-bit bytes to 5-bit groups, zero-padded
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            words.append((acc >> bits) & 31)
    if bits:
        words.append((acc << (5 - bits)) & 31)
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    polymod = _polymod(expanded + words + [0] * 6) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_CHARSET[w] for w in words + checksum)


def identity_from_seed(seed):
    """An age X25519 identity whose secret scalar is ``seed`` (32 bytes)."""
    if len(seed) != 32:
        raise ValueError("an age identity needs a 32-byte seed")
    return x25519.Identity.from_str(_bech32("age-secret-key-", seed).upper())


def parse_recipient(text):
    """The pyrage recipient for ``text``; ValueError with a readable message if invalid."""
    text = (text or "").strip()
    if not text.startswith("age1"):
        raise ValueError("an age recipient starts with age1")
    try:
        return x25519.Recipient.from_str(text)
    except Exception as exc:  # pyrage raises its own RecipientError/ValueError types
        raise ValueError(f"not a valid age recipient: {exc}") from exc


def newsroom_recipients():
    """Every public key a tip is encrypted to: active admin recipients plus those from
    ``CRONICA_TIPS_RECIPIENTS`` (only the latter when the deployment pins them). Empty
    means the tip line is closed."""
    from .models import Recipient
    from .recipients import pinned

    texts = []
    if not pinned():
        texts += Recipient.objects.filter(active=True).values_list("public_key", flat=True)
    texts += list(getattr(settings, "CRONICA_TIPS_RECIPIENTS", []))
    keys, seen = [], set()
    for text in texts:
        if text in seen:
            continue
        seen.add(text)
        try:
            keys.append(parse_recipient(text))
        except ValueError:
            continue  # a mistyped key must not close the line for the valid ones
    return keys
