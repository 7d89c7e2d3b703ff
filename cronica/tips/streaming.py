"""Streaming age encryption fed chunk by chunk.

pyrage's ``encrypt_io`` pulls from a reader, while Django's upload handlers are pushed one
chunk at a time. ``StreamingEncryptor`` runs ``encrypt_io`` in a thread that reads from a
small bounded queue, so memory stays at a few chunks whatever the file size, and only
ciphertext reaches the ``BlobWriter``.

Every plaintext is padded, inside the encryption, to a size bucket (``padded_size``, the
Padmé scheme: at most 12% larger, leaking O(log log n) bits of the size), so neither the
file on disk nor the database row tells a thief a file's exact size. The true size is in
the encrypted manifest; `cronica tips decrypt` cuts the padding off.
"""

import io
import queue
import threading

import pyrage
from pyrage import x25519

from .blobs import BlobWriter

_EOF = None
MIN_BUCKET = 4096


def padded_size(size: int) -> int:
    """The Padmé bucket of ``size`` (Nikitin et al., "Reducing Metadata Leakage from
    Encrypted Files and Communication with PURBs", PETS 2019), at least MIN_BUCKET."""
    size = max(size, MIN_BUCKET)
    exponent = size.bit_length() - 1
    low_bits = exponent - exponent.bit_length()
    mask = (1 << low_bits) - 1
    return (size + mask) & ~mask


class _QueueReader(io.RawIOBase):
    def __init__(self, chunks: queue.Queue[bytes | None]) -> None:
        self._chunks = chunks
        self._pending = memoryview(b"")
        self._offset = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        while self._offset >= len(self._pending) and not self._done:
            chunk = self._chunks.get()
            if chunk is _EOF:
                self._done = True
            else:
                assert chunk is not None
                self._pending, self._offset = memoryview(chunk), 0
        if size is None or size < 0:
            size = len(self._pending) - self._offset
        data = bytes(self._pending[self._offset : self._offset + size])
        self._offset += len(data)
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class StreamingEncryptor:
    """``write()`` plaintext chunks, then ``finish()`` for the committed blob name, or
    ``abort()`` to leave nothing behind."""

    def __init__(
        self, recipients: list[x25519.Recipient], queue_chunks: int = 4, padding: bytes = b"\0"
    ) -> None:
        if not recipients:
            raise ValueError("no recipient to encrypt to")
        self.writer = BlobWriter()
        self.plaintext_size = 0
        self._padding = padding
        self._chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=queue_chunks)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(recipients,), daemon=True)
        self._thread.start()

    def _run(self, recipients: list[x25519.Recipient]) -> None:
        try:
            pyrage.encrypt_io(_QueueReader(self._chunks), self.writer, recipients)
        except BaseException as exc:  # reported to the caller in finish()
            self._error = exc
            # Keep draining so a producer blocked on put() is released.
            while self._chunks.get() is not _EOF:
                pass

    def write(self, chunk: bytes | bytearray | memoryview) -> None:
        if chunk:
            self.plaintext_size += len(chunk)
            self._chunks.put(bytes(chunk))

    def finish(self) -> str:
        remaining = padded_size(self.plaintext_size) - self.plaintext_size
        while remaining > 0:
            step = min(remaining, 1 << 20)
            self._chunks.put(self._padding * step)
            remaining -= step
        self._chunks.put(_EOF)
        self._thread.join()
        if self._error is not None:
            self.writer.discard()
            raise RuntimeError(f"encryption failed: {self._error}") from self._error
        return self.writer.commit()

    def abort(self) -> None:
        if self._thread.is_alive():
            self._chunks.put(_EOF)
            self._thread.join()
        self.writer.discard()


def encrypt_bytes(
    data: bytes, recipients: list[x25519.Recipient], padding: bytes = b"\0"
) -> tuple[str, int]:
    """Encrypt a small in-memory plaintext (manifest, cleaned file) to a committed blob.
    The manifest pads with spaces, which JSON ignores."""
    encryptor = StreamingEncryptor(recipients, padding=padding)
    try:
        view = memoryview(data)
        for start in range(0, len(view), 1 << 20):
            encryptor.write(view[start : start + (1 << 20)])
        return encryptor.finish(), encryptor.writer.size
    except BaseException:
        encryptor.abort()
        raise
