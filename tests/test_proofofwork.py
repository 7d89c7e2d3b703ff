"""A solved challenge passes once, fresh and unforged (cronica/core/proofofwork.py), in
process: the served test (tests/hostile/test_served_privacy.py) sees the same through a
real server, where a shared budget's one-minute window also moves."""

import time

from django.core.cache.backends.locmem import LocMemCache
from django.test import RequestFactory

from cronica.core import proofofwork


def _request(challenge, nonce):
    return RequestFactory().post(
        "/en/tips/return/",
        QUERY_STRING=f"{proofofwork.FIELD_CHALLENGE}={challenge}&{proofofwork.FIELD_NONCE}={nonce}",
    )


def _store():
    return LocMemCache("pow-test", {})


def test_a_solution_is_spent_once():
    store = _store()
    challenge = proofofwork.challenge()
    nonce = proofofwork.solve(challenge)
    assert proofofwork.spend(_request(challenge, nonce), store)
    assert not proofofwork.spend(_request(challenge, nonce), store)


def test_a_wrong_nonce_a_forged_or_an_old_challenge_is_no_work():
    store = _store()
    challenge = proofofwork.challenge()
    nonce = proofofwork.solve(challenge)
    wrong = next(
        str(n)
        for n in range(int(nonce) + 1, int(nonce) + 10_000)
        if not proofofwork.is_solution(challenge, str(n))
    )
    assert not proofofwork.spend(_request(challenge, wrong), store)
    forged = challenge.rsplit(":", 1)[0] + ":forged"
    assert not proofofwork.spend(_request(forged, proofofwork.solve(forged)), store)
    old = proofofwork.challenge(now=time.time() - proofofwork.LIFETIME - 5)
    assert not proofofwork.spend(_request(old, proofofwork.solve(old)), store)
    # none of these spent the real solution
    assert proofofwork.spend(_request(challenge, nonce), store)
