"""The hand-written Bech32 encoder in cronica/tips/keys.py against the PyPI ``bech32``
package (the BIP-173 reference implementation, MIT): the same text for random seeds, the
same age identity in pyrage, and a key the standard ``age`` tool decrypts with. Evidence
for replacing the hand-written encoder by the library."""

import os
import subprocess

import pytest
from bech32 import bech32_decode, bech32_encode, convertbits
from pyrage import decrypt, encrypt, x25519

from cronica.tips.keys import _bech32, identity_from_seed

HRP = "age-secret-key-"


def library_secret_key(seed):
    """What keys.identity_from_seed would pass to pyrage, built with the library."""
    return bech32_encode(HRP, convertbits(seed, 8, 5)).upper()


@pytest.mark.parametrize("seed", [bytes(32), b"\xff" * 32, bytes(range(32))])
def test_edge_seeds_encode_the_same(seed):
    assert _bech32(HRP, seed).upper() == library_secret_key(seed)


def test_two_thousand_random_seeds_encode_the_same():
    for _ in range(2000):
        seed = os.urandom(32)
        assert _bech32(HRP, seed).upper() == library_secret_key(seed), seed.hex()


def test_the_library_decodes_what_the_hand_written_encoder_writes():
    seed = os.urandom(32)
    hrp, words = bech32_decode(_bech32(HRP, seed))
    assert hrp == HRP and bytes(convertbits(words, 5, 8, False)) == seed


def test_pyrage_and_age_accept_the_library_key(tmp_path):
    seed = os.urandom(32)
    identity = x25519.Identity.from_str(library_secret_key(seed))
    assert str(identity.to_public()) == str(identity_from_seed(seed).to_public())
    ciphertext = encrypt(b"reply to the source", [identity.to_public()])
    assert decrypt(ciphertext, [identity_from_seed(seed)]) == b"reply to the source"
    key = tmp_path / "key.txt"
    key.write_text(library_secret_key(seed) + "\n")
    sealed = tmp_path / "reply.age"
    sealed.write_bytes(ciphertext)
    done = subprocess.run(
        ["age", "-d", "-i", str(key), str(sealed)], capture_output=True, check=True
    )
    assert done.stdout == b"reply to the source"
