"""A loopback TCP proxy in front of a real server, to make that server fail on cue.

The tests may not stop a server others use (the shared Meilisearch), so the portal talks
to this proxy instead: `cut()` is the server gone (open connections closed, new ones
refused), `silence()` a server that accepts connections and never answers, `restore()`
the server back on the same address.
"""

import socket
import threading
from contextlib import suppress

CHUNK = 65536


class TcpProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._forwarding = True
        self._listener: socket.socket | None = None
        self.port = 0
        self._listen()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cut(self) -> None:
        """The server is gone: nothing listens on the port any more (connection refused)."""
        with self._lock:
            listener, self._listener = self._listener, None
        if listener is not None:
            self._drop(listener)  # shutdown first: close alone leaves accept() listening
        self._close_connections()

    def silence(self) -> None:
        """The server hangs: connections are accepted, and nothing is ever sent on."""
        self._set_forwarding(False)

    def restore(self) -> None:
        """The server is back on the same address, forwarding again."""
        self._set_forwarding(True)

    def close(self) -> None:
        self.cut()

    def __enter__(self) -> "TcpProxy":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- inside ------------------------------------------------------------------------

    def _set_forwarding(self, forwarding: bool) -> None:
        """Listen (again) if cut, and close the connections the other mode left open."""
        with self._lock:
            changed = forwarding != self._forwarding
            self._forwarding = forwarding
        if changed:
            self._close_connections()
        self._listen()

    def _listen(self) -> None:
        with self._lock:
            if self._listener is not None:
                return
            listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(("127.0.0.1", self.port))  # port 0 at first: any free port
            listener.listen(64)
            self.port = listener.getsockname()[1]
            self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:  # closed by cut()
                return
            with self._lock:
                self._connections.add(client)
                forwarding = self._forwarding
            if forwarding:
                threading.Thread(target=self._connect, args=(client,), daemon=True).start()
            # else: held open, unread, until cut(), silence() or restore() closes it

    def _connect(self, client: socket.socket) -> None:
        try:
            server = socket.create_connection(self.target)
        except OSError:
            self._drop(client)
            return
        with self._lock:
            self._connections.add(server)
        for source, sink in ((client, server), (server, client)):
            threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        """Copy bytes one way until either side closes; then close both."""
        with suppress(OSError):
            while data := source.recv(CHUNK):
                sink.sendall(data)
        self._drop(source)
        self._drop(sink)

    def _drop(self, connection: socket.socket) -> None:
        with self._lock:
            self._connections.discard(connection)
        with suppress(OSError):
            connection.shutdown(socket.SHUT_RDWR)
        connection.close()

    def _close_connections(self) -> None:
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            self._drop(connection)
