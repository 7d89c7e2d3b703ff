"""Hostile input to `cronica screen`, through the real executable on a site of its own.

The command is run as independent checks run it: `.venv/bin/cronica screen` in a child
process, with its own SQLite data directory (migrated and loaded with the demo once per
test process; never the suite's DATABASE_URL, which a child must not migrate). Its
contract: one JSON line out per non-blank line in, `{"error": ...}` for a line that is not
an object with a string "text", streaming (an answer per line before stdin closes), no
traceback, memory flat however many lines come.
"""

import json
import os
import select
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from tests.durability.served_site import REPO, _base_env

EXECUTABLE = REPO / ".venv" / "bin" / "cronica"
SCORES = {"spam", "abuse", "doxxing", "threat", "reasons"}

_site = {}


def sqlite_site_env():
    """The environment of a migrated SQLite site with the demo loaded (newsroom and
    knowledge base), made once per test process and removed at exit."""
    if not _site:
        import atexit

        data_dir = Path(tempfile.mkdtemp(prefix="cronica-qa-cli-"))
        env = _base_env(data_dir)
        env.pop("DATABASE_URL", None)  # a database of its own, never the suite's
        for step in (["migrate", "--noinput"], ["demo"]):
            subprocess.run(
                [str(EXECUTABLE), *step],
                env=env,
                cwd=REPO,
                check=True,
                capture_output=True,
                timeout=300,
            )
        _site.update(env)
        atexit.register(shutil.rmtree, data_dir, ignore_errors=True)
    return dict(_site)


def run(command, stdin, env, timeout=120):
    """(exit code, stdout, stderr) of `cronica COMMAND` fed ``stdin`` (bytes)."""
    done = subprocess.run(
        [str(EXECUTABLE), command],
        input=stdin,
        env=env,
        cwd=REPO,
        capture_output=True,
        timeout=timeout,
    )
    return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")


def screen(lines, env):
    code, out, err = run("screen", lines, env)
    assert code == 0 and "Traceback" not in err, err
    return [json.loads(line) for line in out.decode().splitlines()]


def is_scores(result):
    return set(result) == SCORES and all(0 <= result[k] <= 1 for k in SCORES - {"reasons"})


def test_bad_lines_get_an_error_line_and_good_lines_keep_their_place(site_env):
    lines = [
        b'{"text": "Buen reportaje, gracias"}',
        b"not json at all",
        b'{"text": "unterminated',
        b"[1, 2, 3]",
        b'"just a string"',
        b"null",
        b"42",
        b'{"text": 5}',
        b'{"text": null}',
        b'{"text": ["a"]}',
        b"{}",
        b'{"body": "wrong key"}',
        b'{"text": "' + b"[{" * 1500 + b'"}',  # looks nested, is a plain string
        b"[" * 500,
        b'{"text": "casino viagra www.a.com www.b.com buy now"}',
        b'{"text": "ok", "text": {"dup": 1}}',
        b'{"text": "Eres un pendejo"}',
    ]
    # Whatever the locale: under a strict one (en_US.UTF-8, or this) Python's own stdin
    # would end the stream at the first bad byte.
    strict = {**site_env, "PYTHONIOENCODING": "utf-8:strict"}
    results = screen(b"\n".join(lines) + b"\n", strict)
    assert len(results) == len(lines)
    good = {0, 12, 14, 16}
    for number, result in enumerate(results):
        if number in good:
            assert is_scores(result), (number, result)
        else:
            assert set(result) == {"error"} and result["error"], (number, result)
    assert results[14]["spam"] >= 0.5 and results[16]["abuse"] >= 0.5
    assert results[0]["spam"] < 0.5 and results[0]["abuse"] < 0.5


def test_nesting_past_the_parsers_limit_gets_an_error_line(site_env):
    results = screen(b"[" * 100_000 + b'\n{"text": "after"}\n', site_env)
    assert len(results) == 2 and set(results[0]) == {"error"} and is_scores(results[1])


def test_empty_and_blank_stdin_write_nothing_and_succeed(site_env):
    assert screen(b"", site_env) == []
    assert screen(b"\n\n   \n\t\n", site_env) == []


def test_invalid_utf8_lines_do_not_stop_the_stream(site_env):
    lines = [
        b'{"text": "antes"}',
        b'{"text": "\xff\xfe casino \xc3\x28"}',
        b"\xff" * 1000,
        b'{"text": "\xed\xa0\x80 lone surrogate bytes"}',
        b'{"text": "despues"}',
    ]
    # Whatever the locale: under a strict one (en_US.UTF-8, or this) Python's own stdin
    # would end the stream at the first bad byte.
    strict = {**site_env, "PYTHONIOENCODING": "utf-8:strict"}
    results = screen(b"\n".join(lines) + b"\n", strict)
    assert len(results) == len(lines)
    assert is_scores(results[0]) and is_scores(results[-1])
    assert "error" in results[2]
    # Invalid bytes inside a JSON string are read as lone surrogates (stdin's
    # surrogateescape): the line is still a JSON object with a text, and is scored.
    assert is_scores(results[1]) and is_scores(results[3])
    assert results[1]["spam"] >= 0.5  # "casino" still read


def test_json_escaped_surrogates_and_controls_are_scored(site_env):
    lines = [
        '{"text": "casino \\ud800 viagra \\udfff www.x\\u0000y.com"}',
        '{"text": "\\u202e\\u200b' + "\\u0301" * 600 + '"}',
        '{"text": "' + "\\u0000" * 600 + '"}',
    ]
    results = screen(("\n".join(lines) + "\n").encode(), site_env)
    assert len(results) == 3 and all(is_scores(r) for r in results)
    assert results[0]["spam"] >= 0.5


def test_a_huge_line_is_refused_by_its_length_not_scored(site_env):
    """Scoring time grows with the text, so a line past MAX_TEXT_CHARS gets an error line
    without being scored (the stream never stalls on it: bench/cli_long_inputs.py times
    it); a text exactly at the cap is still scored, and the next line keeps its place."""
    from cronica.screening.management.commands.screen import MAX_TEXT_CHARS

    lines = [
        json.dumps({"text": "a" * MAX_TEXT_CHARS}),
        json.dumps({"text": "a" * (MAX_TEXT_CHARS + 1)}),
        json.dumps({"text": "spam casino " * 85_000}),  # ~1 MB, past the line bound too
        json.dumps({"text": "after"}),
    ]
    results = screen(("\n".join(lines) + "\n").encode(), site_env)
    too_long = {"error": f"text longer than {MAX_TEXT_CHARS} characters"}
    assert len(results) == 4
    assert is_scores(results[0]) and is_scores(results[3])
    assert results[1] == results[2] == too_long


def _peak_memory_kb(stdin_bytes, env):
    """Runs `cronica screen` on ``stdin_bytes``; (output line count, peak RSS in KB)."""
    process = subprocess.Popen(
        [str(EXECUTABLE), "screen"],
        env=env,
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    counted = []
    reader = threading.Thread(target=lambda: counted.append(sum(1 for _ in process.stdout)))
    reader.start()
    process.stdin.write(stdin_bytes)
    process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    reader.join(timeout=60)
    assert process.returncode == 0
    return counted[0], usage.ru_maxrss


def test_ten_thousand_lines_stream_with_flat_memory(site_env):
    def lines(n):
        return "".join(
            json.dumps({"text": f"comentario {i} de la plaza"}) + "\n" for i in range(n)
        ).encode()

    few_count, few_peak = _peak_memory_kb(lines(10), site_env)
    many_count, many_peak = _peak_memory_kb(lines(10_000), site_env)
    assert (few_count, many_count) == (10, 10_000)
    assert many_peak - few_peak < 20_000, (few_peak, many_peak)  # KB


def test_each_line_is_answered_before_stdin_closes(site_env):
    process = subprocess.Popen(
        [str(EXECUTABLE), "screen"],
        env=site_env,
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        for line in (
            b'{"text": "hola"}\n',
            b"not json\n",
            b'{"text": 1}\n',
            b'{"text": "adios"}\n',
        ):
            process.stdin.write(line)
            process.stdin.flush()
            ready, _, _ = select.select([process.stdout], [], [], 30)
            assert ready, f"no answer to {line!r} while stdin is open"
            assert json.loads(process.stdout.readline())
    finally:
        process.stdin.close()
        process.wait(timeout=30)
    assert process.returncode == 0


def test_a_bad_learn_file_is_a_clear_error(site_env, tmp_path):
    for name, content in (
        ("broken.jsonl", b'{"text": "ok"}\n{oops\n'),
        ("binary.jsonl", b"\xff\xfe\x00\x01" * 100),
    ):
        path = tmp_path / name
        path.write_bytes(content)
        done = subprocess.run(
            [str(EXECUTABLE), "screen", "--learn", str(path)],
            input=b"",
            env=site_env,
            cwd=REPO,
            capture_output=True,
            timeout=120,
        )
        err = done.stderr.decode("utf-8", "replace")
        assert done.returncode != 0 and "Traceback" not in err, err
        assert name in err and done.stdout == b""
    missing = subprocess.run(
        [str(EXECUTABLE), "screen", "--learn", str(tmp_path / "no")],
        input=b"",
        env=site_env,
        cwd=REPO,
        capture_output=True,
        timeout=120,
    )
    assert missing.returncode != 0 and b"Traceback" not in missing.stderr
