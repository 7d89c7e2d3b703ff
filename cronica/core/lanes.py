"""Two lanes of threads per serving process: reads never queue behind requests with a body.

gunicorn's threaded worker hands every request to one pool of threads, first come first
served. Under a comment flood both threads of a process are held by POSTs (screening in
Python, then the wait for SQLite's write gate, cronica/core/writegate.py), and a reader's
GET, which the page cache answers in a fraction of a millisecond, waits behind them: the
read's p99 rose 3 to 5 times during a flood (bench/README.md, "Comment flood vs Isso").
A trickled upload holds a thread the same way.

``LaneWorker`` (what ``cronica serve`` runs, cronica/cli.py) keeps a second pool of as
many threads. Before handing a connection over it peeks, without reading, at the start
of the request waiting on it: a ``GET`` or ``HEAD`` goes to the reading lane, anything
else (or a request gunicorn already holds bytes of) to the other. A new connection
whose request has not arrived yet waits on the poller, as gunicorn keeps a connection
that sends nothing in time, and is judged when it does. Both lanes share the process's interpreter, so a POST still
costs the readers some CPU, but never their turn. Over TLS nothing can be peeked at and
every request takes the one lane, as with gunicorn's own worker.
"""

import selectors
import socket
import time
from concurrent import futures
from functools import partial
from typing import Any

from gunicorn.workers.gthread import ThreadWorker

READS = (b"GET ", b"HEAD ")


def peek(sock: socket.socket) -> bytes | None:
    """The first bytes waiting on ``sock``, left there for the parser; None when none
    have arrived yet (b"" when the client has closed)."""
    try:
        return sock.recv(5, socket.MSG_PEEK | socket.MSG_DONTWAIT)
    except (BlockingIOError, InterruptedError):
        return None
    except OSError:  # reset: the handler finds out and closes it
        return b""


class LaneWorker(ThreadWorker):  # type: ignore[misc]
    """gunicorn's ``gthread`` worker with a lane of its own for GET and HEAD."""

    def init_process(self) -> None:
        self.read_pool = futures.ThreadPoolExecutor(max_workers=self.cfg.threads)
        super().init_process()

    def enqueue_req(self, conn: Any) -> None:
        # Bytes gunicorn read ahead are the next request's, and an HTTP/2 connection
        # carries many: neither can be judged by peeking, nor can TLS.
        judged = not self.cfg.is_ssl and not (
            conn.initialized and (conn.is_http2 or conn.parser.unreader.buf.getvalue())
        )
        start = peek(conn.sock) if judged else b""
        if start is None and not conn.initialized and not conn.data_ready:
            self._wait_for_data(conn)  # a new connection: judged once its request arrives
            return
        pool = self.read_pool if start and start.startswith(READS) else self.tpool
        fs = pool.submit(self.handle, conn)
        fs.add_done_callback(lambda fut: self.method_queue.defer(self.finish_request, conn, fut))

    def _wait_for_data(self, conn: Any) -> None:
        """On the poller, as gunicorn keeps a connection that sent nothing in time."""
        conn.timeout = time.monotonic() + self.cfg.keepalive
        self.pending_conns.append(conn)
        self.poller.register(
            conn.sock, selectors.EVENT_READ, partial(self.on_pending_socket_readable, conn)
        )

    def handle_quit(self, sig: Any, frame: Any) -> None:
        self.read_pool.shutdown(wait=False)
        super().handle_quit(sig, frame)
