"""Unpacks a file as far as it goes and lists every identifying trace left in any part.

Zip members (recursively), every PDF object and stream (raw and decoded), the pictures
inside PDFs and documents (re-read with exiftool), PDF attachments, audio/video tags,
cover pictures and attachments (extracted with ffmpeg, then re-read with exiftool), and
the H.264/HEVC bitstream (ffmpeg's ``trace_headers`` lists every SEI unit, and the raw
bytes are scanned for the SEI payload). The same checker judges cronica's output and
mat2's, so the comparison in docs/security.md is like for like.
"""

import io
import json
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pikepdf

from .crafted import MARKERS

# exiftool groups and tags that identify, whatever their value.
BAD_GROUPS = ("GPS", "XMP", "IPTC", "IFD1", "ICC", "Photoshop", "MakerNotes")
BAD_TAGS = ("Make", "Model", "SerialNumber", "Artist", "Creator", "Comment", "Copyright")


def _markers_in(blob):
    lower = blob.lower()
    found = []
    for marker in MARKERS:
        for encoded in (marker.encode(), marker.encode("utf-16-le")):
            if encoded.lower() in lower:
                found.append(marker)
                break
    return found


def _exiftool_leaks(data, where):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "part"
        path.write_bytes(data)
        out = subprocess.run(
            ["exiftool", "-j", "-a", "-G1", "-s", str(path)],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    tags = json.loads(out)[0]
    leaks = []
    for key in tags:
        group, _, name = key.rpartition(":")
        if group.startswith(BAD_GROUPS) or name in BAD_TAGS:
            leaks.append(f"{where}: exiftool {key}")
    return leaks


def _is_picture(data):
    return data[:3] == b"\xff\xd8\xff" or data[:4] == b"\x89PNG"


def _zip_leaks(data, where):
    leaks = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if archive.comment:
            leaks += [f"{where}: zip comment {m}" for m in _markers_in(archive.comment)]
        for item in archive.infolist():
            if item.date_time != (1980, 1, 1, 0, 0, 0):
                leaks.append(f"{where}/{item.filename}: zip date {item.date_time}")
            leaks += leaks_in(archive.read(item.filename), f"{where}/{item.filename}")
    return leaks


def _pdf_leaks(data, where):
    leaks = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if "/Info" in pdf.trailer:
            leaks.append(f"{where}: /Info")
        for name in pdf.attachments:
            leaks.append(f"{where}: attachment {name}")
        for number, obj in enumerate(pdf.objects):
            here = f"{where}#obj{number}"
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream, pikepdf.Array)):
                text = obj.unparse(resolved=True) if not isinstance(obj, pikepdf.Stream) else b""
                if isinstance(obj, pikepdf.Stream):
                    text = pikepdf.Dictionary(obj.stream_dict).unparse(resolved=True)
                    raw = obj.read_raw_bytes()
                    if _is_picture(raw):
                        leaks += _exiftool_leaks(raw, f"{here} picture")
                    leaks += [f"{here} raw stream: {m}" for m in _markers_in(raw)]
                    try:
                        decoded = obj.read_bytes(decode_level=pikepdf.StreamDecodeLevel.generalized)
                    except pikepdf.PdfError:
                        decoded = b""
                    if _is_picture(decoded):
                        leaks += _exiftool_leaks(decoded, f"{here} picture")
                    leaks += [f"{here} stream: {m}" for m in _markers_in(decoded)]
                leaks += [f"{here}: {m}" for m in _markers_in(text)]
                for key in ("/Metadata", "/JS", "/EmbeddedFiles", "/AA", "/CreationDate", "/M"):
                    if key.encode() + b" " in text or key.encode() + b"(" in text:
                        leaks.append(f"{here}: {key}")
    return leaks


def _ffprobe(path):
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-of", "json", "-show_format", "-show_streams", str(path)],
        capture_output=True,
        check=True,
    ).stdout
    return json.loads(out)


_HARMLESS_TAGS = {
    "major_brand",
    "minor_version",
    "compatible_brands",
    "handler_name",
    "vendor_id",
    "language",
    "duration",
    "encoder",  # checked below: must not name the software
}


def sei_units(path):
    """How many SEI units the first video stream still has, by ffmpeg's trace_headers."""
    result = subprocess.run(
        [
            "ffmpeg",
            "-v",
            "trace",
            "-nostdin",
            "-i",
            str(path),
            "-map",
            "0:v:0",
            "-c",
            "copy",
            "-bsf:v",
            "trace_headers",
            "-f",
            "null",
            "-",
        ],
        capture_output=True,
        text=True,
    )
    return sum(
        1
        for line in result.stderr.splitlines()
        if "Supplemental Enhancement Information" in line or "Prefix Supplemental" in line
    )


def _media_leaks(data, where):
    leaks = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "media"
        path.write_bytes(data)
        info = _ffprobe(path)
        tags = dict(info.get("format", {}).get("tags") or {})
        for stream in info.get("streams", []):
            for key, value in (stream.get("tags") or {}).items():
                tags[f"stream{stream['index']}:{key}"] = value
            if stream.get("codec_type") in ("attachment", "data", "subtitle"):
                leaks.append(f"{where}: {stream['codec_type']} stream {stream['index']}")
            if (stream.get("disposition") or {}).get("attached_pic"):
                cover = Path(folder) / f"cover{stream['index']}"
                subprocess.run(
                    ["ffmpeg", "-v", "error", "-i", str(path), "-map", f"0:{stream['index']}"]
                    + ["-c", "copy", "-f", "image2", str(cover)],
                    check=True,
                    capture_output=True,
                )
                leaks.append(f"{where}: cover picture")
                leaks += _exiftool_leaks(cover.read_bytes(), f"{where} cover")
            if stream.get("codec_name") in ("h264", "hevc") and sei_units(path):
                leaks.append(f"{where}: SEI units in stream {stream['index']}")
        for key, value in tags.items():
            plain = key.split(":", 1)[-1].lower()
            # The cleaner's own muxer name without a version ("Lavf") says nothing of the
            # source; a versioned one ("Lavf60.3.100") dates their software.
            if plain not in _HARMLESS_TAGS or re.search(r"lav[fc]\d", str(value), re.I):
                leaks.append(f"{where}: tag {key}={value}")
        if info.get("chapters"):
            leaks.append(f"{where}: chapters")
    leaks += [f"{where} bytes: {m}" for m in _markers_in(data)]
    if b"x264 - core" in data or b"x265 (build" in data:
        leaks.append(f"{where}: encoder SEI")
    return leaks


def leaks_in(data, where="file"):
    """Every identifying trace in ``data`` and in everything packed inside it."""
    if data.startswith(b"PK\x03\x04"):
        return _zip_leaks(data, where)
    if data.startswith(b"%PDF-"):
        return _pdf_leaks(data, where)
    if _is_picture(data):
        return _exiftool_leaks(data, where) + [f"{where}: {m}" for m in _markers_in(data)]
    if (
        data[4:8] == b"ftyp"
        or data.startswith((b"ID3", b"\x1a\x45\xdf\xa3"))
        or data[:2] in (b"\xff\xfb", b"\xff\xf3")
    ):
        return _media_leaks(data, where)
    return [f"{where}: {m}" for m in _markers_in(data)]
