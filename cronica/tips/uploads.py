"""The tip line's upload handler: files are encrypted while they stream in.

Django's default handlers write any upload over 2.5 MB to a plaintext temporary file. This
handler replaces them for the tip views: each chunk goes straight into a
``StreamingEncryptor`` (ciphertext only on disk). Files small enough to clean are also kept
in memory (never on disk) up to ``CRONICA_TIPS_CLEAN_MAX_BYTES`` (videos:
``CRONICA_TIPS_CLEAN_VIDEO_MAX_BYTES``); when the file is complete the cleaner runs on that
copy and the cleaned version is encrypted too. The source then chooses which one to send.
"""

from dataclasses import dataclass, field
from typing import BinaryIO

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest
from pyrage import x25519

from cronica.scrubbing import files as scrubbing

from .config import number
from .streaming import StreamingEncryptor, encrypt_bytes


class TooLarge(Exception):
    pass


@dataclass
class EncryptedFile:
    """What the view learns about one uploaded file. ``name`` and ``content_type`` are the
    source's own and only ever go inside the encrypted manifest."""

    position: int
    name: str
    content_type: str
    size: int = 0
    original_blob: str = ""
    original_cipher_size: int = 0
    kind: str | None = None
    findings: set[str] = field(default_factory=set)
    cleaned_blob: str = ""
    cleaned_cipher_size: int = 0
    cleaned_size: int = 0
    clean_error: str = ""

    @property
    def cleanable(self) -> bool:
        return bool(self.cleaned_blob)

    def close(self) -> None:
        """Django closes every object in request.FILES; the ciphertext is already closed."""

    def blobs(self) -> list[str]:
        return [b for b in (self.original_blob, self.cleaned_blob) if b]


class EncryptingUploadHandler(FileUploadHandler):
    chunk_size = 256 * 1024

    def __init__(
        self, recipients: list[x25519.Recipient], request: HttpRequest | None = None
    ) -> None:
        super().__init__(request)
        self.recipients = recipients
        self.max_file = number("CRONICA_TIPS_MAX_FILE_BYTES")
        self.max_total = number("CRONICA_TIPS_MAX_SUBMISSION_BYTES")
        self.clean_max = number("CRONICA_TIPS_CLEAN_MAX_BYTES")
        self.clean_video_max = number("CRONICA_TIPS_CLEAN_VIDEO_MAX_BYTES")
        self.results: list[EncryptedFile] = []
        self.error: TooLarge | None = None
        self.total = 0
        self._encryptor: StreamingEncryptor | None = None

    # Django calls these for every file field of the multipart body.
    def new_file(
        self,
        field_name: str,
        file_name: str,
        content_type: str,
        content_length: int | None,
        charset: str | None = None,
        content_type_extra: dict[str, str] | None = None,
    ) -> None:
        super().new_file(
            field_name, file_name, content_type, content_length, charset, content_type_extra
        )
        self._current = EncryptedFile(
            len(self.results) + 1, file_name or "file", content_type or "application/octet-stream"
        )
        self._encryptor = StreamingEncryptor(self.recipients)
        self._memory: list[bytes] = []
        self._keep = True
        self._head = b""

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        assert self._encryptor is not None  # new_file() made it for this file
        self.total += len(raw_data)
        self._current.size += len(raw_data)
        if self._current.size > self.max_file or self.total > self.max_total:
            self.error = TooLarge()
            self._encryptor.abort()
            self._encryptor = None
            self.abort_all()
            raise StopUpload(connection_reset=False)
        self._encryptor.write(raw_data)
        if self._keep:
            if len(self._head) < 512:
                self._head += raw_data[:512]
            kind = scrubbing.kind_of(self._head)
            bound = self.clean_video_max if kind == "video" else self.clean_max
            if self._current.size > bound or (kind is None and len(self._head) >= 512):
                self._keep, self._memory = False, []
            else:
                self._memory.append(raw_data)
        return None

    def file_complete(self, file_size: int) -> EncryptedFile | None:
        current, encryptor = self._current, self._encryptor
        assert encryptor is not None  # new_file() made it for this file
        self._encryptor = None
        if current.size == 0:  # an empty file carries nothing worth keeping
            encryptor.abort()
            return None
        current.original_blob = encryptor.finish()
        current.original_cipher_size = encryptor.writer.size
        self.results.append(current)
        if self._keep and self._memory:
            plaintext = b"".join(self._memory)
            self._memory = []
            result = scrubbing.scrub(plaintext)
            del plaintext
            current.kind, current.findings = result.kind, result.findings
            current.clean_error = result.error
            if result.cleaned is not None:
                current.cleaned_size = len(result.cleaned)
                current.cleaned_blob, current.cleaned_cipher_size = encrypt_bytes(
                    result.cleaned, self.recipients
                )
        else:
            current.kind = scrubbing.kind_of(self._head)
            current.clean_error = "too large to clean" if current.kind else ""
        self._memory, self._head = [], b""
        return current  # placed in request.FILES; the view reads handler.results

    def upload_interrupted(self) -> None:
        if self._encryptor is not None:
            self._encryptor.abort()
            self._encryptor = None
        self.abort_all()

    def abort_all(self) -> None:
        """Delete every blob written for this request (a failed submission keeps nothing)."""
        from . import blobs

        for result in self.results:
            for name in result.blobs():
                blobs.delete(name)
        self.results = []


class BodyEndWatcher:
    """Wraps the request body stream and remembers how it ended.

    Django's multipart parser accepts a body cut off before its closing boundary: the last
    file simply ends where the bytes stopped. A tip cut short by a dropped connection must
    not be stored as if complete, so the view asks ``complete()`` after parsing.
    """

    TAIL = 256

    def __init__(self, stream: BinaryIO, content_type: str) -> None:
        self.stream = stream
        self.tail = b""
        boundary = ""
        for part in content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "boundary":
                boundary = value.strip('"')
        self.closing = b"--" + boundary.encode("latin-1") + b"--" if boundary else None

    def read(self, *args: int, **kwargs: int) -> bytes:
        data = self.stream.read(*args, **kwargs)
        self.tail = (self.tail + data)[-self.TAIL :]
        return data

    def readline(self, *args: int, **kwargs: int) -> bytes:
        data = self.stream.readline(*args, **kwargs)
        self.tail = (self.tail + data)[-self.TAIL :]
        return data

    def complete(self) -> bool:
        """True when the body was not multipart, or ended with its closing boundary."""
        return self.closing is None or self.closing in self.tail
