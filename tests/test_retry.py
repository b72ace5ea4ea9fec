"""The one retry policy (shared/retry.py) every outbound caller uses."""

from __future__ import annotations

import pytest

from shared.retry import Backoff, is_retryable_status, parse_retry_after, retrying


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(" 7 ") == 7.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == 10.0
    # A date already past means "now", never a negative wait.
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412500.0) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after("-3") is None
    assert parse_retry_after(None) is None


def test_only_429_and_server_errors_are_worth_another_try() -> None:
    statuses = (200, 201, 204, 400, 401, 403, 404, 409, 410, 429, 500, 502, 503, 504)
    assert {s for s in statuses if is_retryable_status(s)} == {429, 500, 502, 503, 504}


def test_backoff_grows_exponentially_with_jitter_and_honours_retry_after() -> None:
    policy = Backoff(base=1.0, cap=32.0)
    for attempt, bound in [(1, 1.0), (2, 2.0), (3, 4.0), (6, 32.0), (9, 32.0)]:
        waits = [policy.delay(attempt) for _ in range(200)]
        assert all(0 <= w <= bound for w in waits)
        assert max(waits) > bound / 2  # jittered across the whole range, not a constant
    assert policy.delay(1, 7.0) == 7.0
    assert policy.delay(1, 120.0) == 32.0  # a server's hint is capped too
    assert Backoff(1.0, 32.0, retry_after_cap=60.0).delay(1, 120.0) == 60.0


class Later(Exception):
    def __init__(self, retry_after: float | None = None) -> None:
        super().__init__("later")
        self.retry_after = retry_after


class Never(Exception):
    pass


async def test_retrying_tries_what_it_accepts_up_to_the_budget_and_reraises() -> None:
    calls = 0
    waits: list[float] = []
    policy = Backoff(base=0.001, cap=0.002)
    with pytest.raises(Later):
        async for attempt in retrying(
            attempts=3,
            backoff=policy,
            retry_on=lambda e: isinstance(e, Later),
            before_sleep=lambda state: waits.append(state.upcoming_sleep),
        ):
            with attempt:
                calls += 1
                raise Later()
    assert calls == 3
    assert len(waits) == 2 and all(0 <= w <= 0.002 for w in waits)


async def test_retrying_stops_at_once_on_what_it_does_not_accept() -> None:
    calls = 0
    with pytest.raises(Never):
        async for attempt in retrying(
            attempts=5, backoff=Backoff(0.001, 0.002), retry_on=lambda e: isinstance(e, Later)
        ):
            with attempt:
                calls += 1
                raise Never()
    assert calls == 1


async def test_retrying_waits_what_the_server_asked() -> None:
    waits: list[float] = []
    answers = iter([Later(retry_after=0.03), Later(retry_after=0.01)])

    async def call() -> str:
        error = next(answers, None)
        if error is not None:
            raise error
        return "done"

    async for attempt in retrying(
        attempts=3,
        backoff=Backoff(base=10.0, cap=60.0),  # without the hint it would wait seconds
        retry_on=lambda e: isinstance(e, Later),
        retry_after_of=lambda e: getattr(e, "retry_after", None),
        before_sleep=lambda state: waits.append(state.upcoming_sleep),
    ):
        with attempt:
            result = await call()
    assert result == "done"
    assert waits == [0.03, 0.01]
