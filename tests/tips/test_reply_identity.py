"""The source's reply identity: 32 derived bytes encoded as an age secret key with the
``bech32`` package (BIP-173). Known answers pin the encoding; pyrage and the standard
``age`` tool must accept the key."""

import os
import subprocess

import pytest
from pyrage import decrypt, encrypt

from cronica.tips.keys import identity_from_seed

KNOWN = [
    (
        bytes(range(32)),
        "AGE-SECRET-KEY-1QQQSYQCYQ5RQWZQFPG9SCRGWPUGPZYSNZS23V9CCRYDPK8QARC0SWRYDWG",
    ),
    (bytes(32), "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ8H00W3"),
]


@pytest.mark.parametrize(("seed", "text"), KNOWN)
def test_known_seeds_give_known_keys(seed, text):
    assert str(identity_from_seed(seed)) == text


def test_a_seed_must_be_32_bytes():
    with pytest.raises(ValueError):
        identity_from_seed(bytes(31))


def test_pyrage_and_age_decrypt_with_the_derived_key(tmp_path):
    identity = identity_from_seed(os.urandom(32))
    ciphertext = encrypt(b"reply to the source", [identity.to_public()])
    assert decrypt(ciphertext, [identity]) == b"reply to the source"
    key = tmp_path / "key.txt"
    key.write_text(str(identity) + "\n")
    sealed = tmp_path / "reply.age"
    sealed.write_bytes(ciphertext)
    done = subprocess.run(
        ["age", "-d", "-i", str(key), str(sealed)], capture_output=True, check=True
    )
    assert done.stdout == b"reply to the source"
