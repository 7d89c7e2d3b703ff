"""Benchmark: one large upload through the tip line vs the `age` command on the same file.

Starts `cronica serve` (gunicorn, one worker) on a throw-away data directory, posts a
random file of --size-mb through the real /en/tips/send/ form as a browser would (streamed,
multipart), and reports throughput and the peak resident memory of the web worker. Then
`age -r` encrypts the same file in the same run as the baseline.

    .venv/bin/python bench/tips_upload.py [--size-mb 1024]
"""

import argparse
import http.client
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CRONICA = REPO / ".venv" / "bin" / "cronica"
BOUNDARY = "----cronicabench7d1f"
CHUNK = 1 << 20


def descendants(pid):
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            for child in task.read_text().split():
                found.append(int(child))
                queue.append(int(child))
    return found


def peak_rss_mb(pid):
    """VmHWM: the highest resident set size the process has had."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def rss_mb(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def make_file(path, size_mb):
    with open(path, "wb") as f:
        block = os.urandom(CHUNK)
        for i in range(size_mb):
            f.write(block[i % 251 :] + block[: i % 251])  # varied, incompressible blocks


def age_baseline(path, recipient, workdir):
    out = workdir / "baseline.age"
    start = time.perf_counter()
    subprocess.run(["age", "-r", recipient, "-o", str(out), str(path)], check=True)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out.unlink()
    return elapsed, peak


def wait_for(port, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/en/tips/")
            if conn.getresponse().status in (200, 503):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("server did not start")


def upload(port, path, size):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    conn.request("GET", "/en/tips/new/")
    page = conn.getresponse().read().decode()
    fields = dict(re.findall(r'name="(codename_shown|codename_signature)" value="([^"]*)"', page))
    fields.update(mode="new", codename=fields["codename_shown"], message="benchmark")
    head = "".join(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
        for k, v in fields.items()
    )
    head += (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; '
        f'filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n'
    )
    tail = f"\r\n--{BOUNDARY}--\r\n".encode()
    length = len(head.encode()) + size + len(tail)

    def body():
        yield head.encode()
        with open(path, "rb") as f:
            while chunk := f.read(CHUNK):
                yield chunk
        yield tail

    start = time.perf_counter()
    conn.putrequest("POST", "/en/tips/send/")
    conn.putheader("Content-Type", f"multipart/form-data; boundary={BOUNDARY}")
    conn.putheader("Content-Length", str(length))
    conn.putheader("Sec-Fetch-Site", "same-origin")
    conn.endheaders()
    for part in body():
        conn.send(part)
    response = conn.getresponse()
    text = response.read().decode()
    elapsed = time.perf_counter() - start
    if response.status != 200 or "big.bin" not in text:
        raise SystemExit(f"upload failed: {response.status}\n{text[:2000]}")
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    size = args.size_mb * CHUNK

    workdir = Path(tempfile.mkdtemp(prefix="cronica-bench-tips-"))
    try:
        import pyrage

        identity = pyrage.x25519.Identity.generate()
        recipient = str(identity.to_public())
        source = workdir / "big.bin"
        make_file(source, args.size_mb)
        age_seconds, age_peak = age_baseline(source, recipient, workdir)

        env = {
            **os.environ,
            "CRONICA_DATA_DIR": str(workdir / "data"),
            "CRONICA_TIPS_RECIPIENTS": recipient,
            "DJANGO_SETTINGS_MODULE": "cronica.settings",
        }
        subprocess.run([str(CRONICA), "migrate", "--noinput", "-v", "0"], env=env, check=True)
        server = subprocess.Popen(
            [str(CRONICA), "serve", "--port", str(args.port), "--workers", "1", "--no-worker"],
            env={
                **env,
                "CRONICA_TIPS_MAX_SUBMISSION_BYTES": str(size * 2),
                "CRONICA_TIPS_MAX_FILE_BYTES": str(size * 2),
            },
            stdout=subprocess.DEVNULL,
        )
        try:
            wait_for(args.port)
            workers = descendants(server.pid)
            idle = max(rss_mb(p) for p in workers)
            seconds = upload(args.port, source, size)
            peak = max(peak_rss_mb(p) for p in workers)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        stored = sum(p.stat().st_size for p in (workdir / "data" / "tips").glob("*.age"))

        mb = size / CHUNK
        print(f"file size                 {mb:.0f} MiB")
        print(
            f"tip line upload           {seconds:.1f} s  {mb / seconds:.0f} MiB/s "
            f"(HTTP + multipart + streaming age encryption + fsync)"
        )
        print(
            f"web worker memory         idle {idle:.0f} MiB, peak {peak:.0f} MiB "
            f"(+{peak - idle:.0f} MiB during the upload)"
        )
        print(
            f"age -r (baseline)         {age_seconds:.1f} s  {mb / age_seconds:.0f} MiB/s, "
            f"peak {age_peak:.0f} MiB"
        )
        print(f"throughput ratio          {age_seconds / seconds:.2f} of age's speed")
        print(f"ciphertext stored         {stored / CHUNK:.0f} MiB")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
