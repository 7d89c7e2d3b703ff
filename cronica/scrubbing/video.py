"""Video and audio: container metadata (location, device, dates, encoder) and data tracks,
removed by ffmpeg with a stream copy (no re-encoding, so no quality loss).

ffmpeg needs a file, and plaintext must not touch persistent disk: input and output are
anonymous memory files (``memfd_create``), handed to ffmpeg as ``/dev/fd/N``. They live in
RAM like a tmpfs and vanish when closed, which is why the tip line only cleans videos up to
a configurable size.
"""

import json
import os
import subprocess

TIMEOUT = 600
_LOCATION_KEYS = ("location", "com.apple.quicktime.location.iso6709", "location-eng")
_DEVICE_KEYS = (
    "make",
    "model",
    "com.apple.quicktime.make",
    "com.apple.quicktime.model",
    "com.android.manufacturer",
    "com.android.model",
)


class NotAVideo(ValueError):
    """ffprobe/ffmpeg could not read or rewrite the stream."""


def _memfd(name, data=b""):
    fd = os.memfd_create(name, os.MFD_CLOEXEC)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def _run(args, fds):
    try:
        return subprocess.run(args, pass_fds=fds, capture_output=True, timeout=TIMEOUT, check=True)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        raise NotAVideo(f"{args[0]} failed") from exc


def probe(data):
    fd = _memfd("probe", data)
    try:
        result = _run(
            [
                "ffprobe",
                "-v",
                "error",
                "-print_format",
                "json",
                "-show_format",
                "-show_streams",
                f"/dev/fd/{fd}",
            ],
            [fd],
        )
    finally:
        os.close(fd)
    return json.loads(result.stdout or b"{}")


def inspect_video(data):
    info = probe(data)
    if not info.get("streams"):
        raise NotAVideo("no streams")
    found = set()
    tags = {k.lower(): v for k, v in (info.get("format", {}).get("tags") or {}).items()}
    for stream in info["streams"]:
        tags.update({f"stream:{k.lower()}": v for k, v in (stream.get("tags") or {}).items()})
        if stream.get("codec_type") in ("data", "subtitle", "attachment"):
            found.add("data_tracks")
    plain = {k.split(":", 1)[-1] for k in tags}
    if plain & set(_LOCATION_KEYS):
        found.add("gps")
    if plain & set(_DEVICE_KEYS):
        found.add("device")
    if "creation_time" in plain or "date" in plain:
        found.add("datetime")
    if plain & {"encoder", "com.apple.quicktime.software", "software"}:
        found.add("software")
    if (
        plain
        - set(_LOCATION_KEYS)
        - set(_DEVICE_KEYS)
        - {
            "creation_time",
            "date",
            "encoder",
            "software",
            "com.apple.quicktime.software",
            "major_brand",
            "minor_version",
            "compatible_brands",
            "language",
            "handler_name",
            "vendor_id",
        }
    ):
        found.add("other")
    return found


_MUXERS = {
    "mov,mp4,m4a,3gp,3g2,mj2": "mp4",
    "matroska,webm": "matroska",
    "avi": "avi",
    "mpegts": "mpegts",
    "ogg": "ogg",
    "mp3": "mp3",
    "wav": "wav",
    "flac": "flac",
}


def clean_video(data):
    """The same audio and video streams in a fresh container with no metadata."""
    info = probe(data)
    muxer = _MUXERS.get(info.get("format", {}).get("format_name", ""))
    if muxer is None:
        raise NotAVideo("container not supported for cleaning")
    source, target = _memfd("in", data), _memfd("out")
    try:
        _run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-nostdin",
                "-i",
                f"/dev/fd/{source}",
                "-map",
                "0:v?",
                "-map",
                "0:a?",
                "-dn",
                "-sn",
                "-map_metadata",
                "-1",
                "-map_chapters",
                "-1",
                "-fflags",
                "+bitexact",
                "-flags:v",
                "+bitexact",
                "-flags:a",
                "+bitexact",
                "-c",
                "copy",
                "-f",
                muxer,
                "-y",
                f"/dev/fd/{target}",
            ],
            [source, target],
        )
        size = os.lseek(target, 0, os.SEEK_END)
        os.lseek(target, 0, os.SEEK_SET)
        chunks = []
        while size > 0:
            chunk = os.read(target, min(size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(source)
        os.close(target)
