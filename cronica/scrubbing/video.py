"""Video and audio: container metadata (location, device, dates, encoder), data tracks,
chapters, cover pictures (which carry their own EXIF) and, inside H.264/HEVC/AV1 video,
SEI and metadata units (where dashcams and some phones write GPS, and encoders their name
and settings), removed by ffmpeg with a stream copy (no re-encoding, so no quality loss):
the ``filter_units`` bitstream filter drops those units from each packet.

ffmpeg needs a file, and plaintext must not touch persistent disk: input and output are
anonymous memory files (``memfd_create``), handed to ffmpeg as ``/dev/fd/N``. They live in
RAM like a tmpfs and vanish when closed, which is why the tip line only cleans videos up to
a configurable size.
"""

import json
import os
import subprocess
from collections.abc import Iterator
from typing import Any

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


def _memfd(name: str, data: bytes = b"") -> int:
    fd = os.memfd_create(name, os.MFD_CLOEXEC)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def _run(args: list[str], fds: list[int]) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(args, pass_fds=fds, capture_output=True, timeout=TIMEOUT, check=True)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        raise NotAVideo(f"{args[0]} failed") from exc


def probe(data: bytes) -> dict[str, Any]:
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


# NAL/OBU unit types that carry no picture: H.264 SEI (6), HEVC prefix/suffix SEI (39, 40),
# AV1 metadata OBUs (5).
_SIDE_UNITS = {"h264": "6", "hevc": "39|40", "av1": "5"}


def _is_cover(stream: dict[str, Any]) -> bool:
    disposition = stream.get("disposition") or {}
    return stream.get("codec_type") == "video" and bool(disposition.get("attached_pic"))


def inspect_video(data: bytes) -> set[str]:
    info = probe(data)
    if not info.get("streams"):
        raise NotAVideo("no streams")
    found = set()
    tags = {k.lower(): v for k, v in (info.get("format", {}).get("tags") or {}).items()}
    for stream in info["streams"]:
        tags.update({f"stream:{k.lower()}": v for k, v in (stream.get("tags") or {}).items()})
        if stream.get("codec_type") in ("data", "subtitle", "attachment"):
            found.add("data_tracks")
        if _is_cover(stream):
            found.add("cover")
        elif stream.get("codec_name") in _SIDE_UNITS:
            found.add("bitstream")
    plain = {k.split(":", 1)[-1] for k in tags}
    if plain & set(_LOCATION_KEYS):
        found.add("gps")
    if plain & set(_DEVICE_KEYS):
        found.add("device")
    if "creation_time" in plain or "date" in plain:
        found.add("datetime")
    if plain & {"encoder", "com.apple.quicktime.software", "software"}:
        found.add("software")
    if plain & {"artist", "album_artist", "composer", "performer", "author", "copyright"}:
        found.add("author")
    if plain & {"title", "album", "comment", "description", "keywords"}:
        found.add("title")
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


_WEBM_CODECS = {"vp8", "vp9", "av1", "opus", "vorbis"}


def _muxer(info: dict[str, Any]) -> str:
    """The muxer that writes the same kind of file: QuickTime stays QuickTime (it carries
    codecs MP4 does not), Matroska with only WebM codecs stays WebM."""
    fmt = info.get("format", {})
    muxer = _MUXERS.get(fmt.get("format_name", ""))
    if muxer is None:
        raise NotAVideo("container not supported for cleaning")
    brand = (fmt.get("tags") or {}).get("major_brand", "").strip()
    if muxer == "mp4" and brand == "qt":
        return "mov"
    kept = {
        s.get("codec_name")
        for s in info.get("streams", [])
        if s.get("codec_type") in ("audio", "video") and not _is_cover(s)
    }
    if muxer == "matroska" and kept and kept <= _WEBM_CODECS:
        return "webm"
    return muxer


def clean_video(data: bytes) -> bytes:
    """The same audio and video streams in a fresh container with no metadata."""
    info = probe(data)
    muxer = _muxer(info)
    maps, filters, video_index = [], [], 0
    for stream in info.get("streams", []):
        kind = stream.get("codec_type")
        if kind == "audio" or (kind == "video" and not _is_cover(stream)):
            maps += ["-map", f"0:{stream['index']}"]
        if kind == "video" and not _is_cover(stream):
            units = _SIDE_UNITS.get(stream.get("codec_name"))
            if units:
                filters += [f"-bsf:v:{video_index}", f"filter_units=remove_types={units}"]
            video_index += 1
    if not maps:
        raise NotAVideo("no audio or video stream to keep")
    hevc = any(s.get("codec_name") == "hevc" for s in info.get("streams", []))
    if hevc and muxer not in ("mp4", "mov"):
        raise NotAVideo("HEVC outside MP4 cannot be cleaned (SEI in its codec header)")
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
                *maps,
                *filters,
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
        cleaned = b"".join(chunks)
        return strip_hvcc_sei(cleaned) if hevc else cleaned
    finally:
        os.close(source)
        os.close(target)


# HEVC keeps SEI units in its codec header too (the MP4 ``hvcC`` box, copied from the
# encoder's extradata, which ``filter_units`` does not touch): x265 writes its version and
# settings there, and a camera may write anything. The box is rewritten without them.
_MP4_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl"}
_HEVC_ENTRIES = {b"hvc1", b"hev1"}
_SAMPLE_ENTRY_FIELDS = 78  # VisualSampleEntry fields before its child boxes
_HVCC_HEADER = 22


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[int, int, int, bytes]]:
    pos = start
    while pos + 8 <= end:
        size, header = int.from_bytes(data[pos : pos + 4], "big"), 8
        if size == 1:
            size, header = int.from_bytes(data[pos + 8 : pos + 16], "big"), 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            raise NotAVideo("broken MP4 box")
        yield pos, size, header, data[pos + 4 : pos + 8]
        pos += size


def _box(kind: bytes, body: bytes) -> bytes:
    return (8 + len(body)).to_bytes(4, "big") + kind + body


def _strip_hvcc(body: bytes) -> bytes:
    if len(body) <= _HVCC_HEADER:
        return body
    kept: list[bytes] = []
    pos = _HVCC_HEADER + 1
    for _ in range(body[_HVCC_HEADER]):
        nal_type, count = body[pos] & 0x3F, int.from_bytes(body[pos + 1 : pos + 3], "big")
        end = pos + 3
        for _ in range(count):
            end += 2 + int.from_bytes(body[end : end + 2], "big")
        if nal_type not in (39, 40):  # prefix and suffix SEI
            kept.append(body[pos:end])
        pos = end
    return body[:_HVCC_HEADER] + bytes([len(kept)]) + b"".join(kept) + body[pos:]


def _rewrite(data: bytes, start: int, end: int, depth: int = 0) -> bytes:
    out = []
    for pos, size, header, kind in _boxes(data, start, end):
        inner = pos + header
        if kind in _MP4_CONTAINERS:
            body = _rewrite(data, inner, pos + size, depth + 1)
        elif kind == b"stsd":
            body = data[inner : inner + 8] + _rewrite(data, inner + 8, pos + size, depth + 1)
        elif kind in _HEVC_ENTRIES:
            split = inner + _SAMPLE_ENTRY_FIELDS
            body = data[inner:split] + _rewrite(data, split, pos + size, depth + 1)
        elif kind == b"hvcC":
            body = _strip_hvcc(data[inner : pos + size])
        else:
            out.append(data[pos : pos + size])
            continue
        out.append(_box(kind, body))
    return b"".join(out)


def strip_hvcc_sei(mp4: bytes) -> bytes:
    """``mp4`` with SEI arrays removed from every hvcC box. ffmpeg writes ``moov`` after
    ``mdat``, so shrinking it moves no sample; a file laid out otherwise is refused."""
    top = list(_boxes(mp4, 0, len(mp4)))
    kinds = [kind for *_rest, kind in top]
    if b"moov" in kinds and b"mdat" in kinds and kinds.index(b"moov") < kinds.index(b"mdat"):
        raise NotAVideo("MP4 with its index before the media cannot be rewritten")
    return _rewrite(mp4, 0, len(mp4))
