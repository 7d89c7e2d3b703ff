"""Streaming age encryption fed chunk by chunk.

pyrage's ``encrypt_io`` pulls from a reader, while Django's upload handlers are pushed one
chunk at a time. ``StreamingEncryptor`` runs ``encrypt_io`` in a thread that reads from a
small bounded queue, so memory stays at a few chunks whatever the file size, and only
ciphertext reaches the ``BlobWriter``.
"""

import io
import queue
import threading

import pyrage

from .blobs import BlobWriter

_EOF = None


class _QueueReader(io.RawIOBase):
    def __init__(self, chunks):
        self._chunks = chunks
        self._pending = memoryview(b"")
        self._offset = 0
        self._done = False

    def readable(self):
        return True

    def read(self, size=-1):
        while self._offset >= len(self._pending) and not self._done:
            chunk = self._chunks.get()
            if chunk is _EOF:
                self._done = True
            else:
                self._pending, self._offset = memoryview(chunk), 0
        if size is None or size < 0:
            size = len(self._pending) - self._offset
        data = bytes(self._pending[self._offset : self._offset + size])
        self._offset += len(data)
        return data

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class StreamingEncryptor:
    """``write()`` plaintext chunks, then ``finish()`` for the committed blob name, or
    ``abort()`` to leave nothing behind."""

    def __init__(self, recipients, queue_chunks=4):
        if not recipients:
            raise ValueError("no recipient to encrypt to")
        self.writer = BlobWriter()
        self.plaintext_size = 0
        self._chunks = queue.Queue(maxsize=queue_chunks)
        self._error = None
        self._thread = threading.Thread(target=self._run, args=(recipients,), daemon=True)
        self._thread.start()

    def _run(self, recipients):
        try:
            pyrage.encrypt_io(_QueueReader(self._chunks), self.writer, recipients)
        except BaseException as exc:  # reported to the caller in finish()
            self._error = exc
            # Keep draining so a producer blocked on put() is released.
            while self._chunks.get() is not _EOF:
                pass

    def write(self, chunk):
        if chunk:
            self.plaintext_size += len(chunk)
            self._chunks.put(bytes(chunk))

    def finish(self):
        self._chunks.put(_EOF)
        self._thread.join()
        if self._error is not None:
            self.writer.discard()
            raise RuntimeError(f"encryption failed: {self._error}") from self._error
        return self.writer.commit()

    def abort(self):
        if self._thread.is_alive():
            self._chunks.put(_EOF)
            self._thread.join()
        self.writer.discard()


def encrypt_bytes(data, recipients):
    """Encrypt a small in-memory plaintext (manifest, cleaned file) to a committed blob."""
    encryptor = StreamingEncryptor(recipients)
    try:
        view = memoryview(data)
        for start in range(0, len(view), 1 << 20):
            encryptor.write(view[start : start + (1 << 20)])
        return encryptor.finish(), encryptor.writer.size
    except BaseException:
        encryptor.abort()
        raise
