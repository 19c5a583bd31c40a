"""How the portal is served, for `make run`, the tests, the benchmark and any deployment.

gunicorn reads this file from the working directory by itself; a deployment runs
`gunicorn -c /path/to/gunicorn.conf.py` from elsewhere. Command-line flags (`--bind`,
`--workers`) still override single settings. The reasoning is in docs/operations.md.
"""

import gc

wsgi_app = "portal:create_app()"
bind = "127.0.0.1:5000"

# Threaded workers: a connection that is open but silent (a phone on a bad network, or
# someone holding sockets open on purpose) waits in the worker's poller, not in the only
# thread of a sync worker; a thread that waited 5 s for a request hands it back to the
# poller. Two processes for the two cores, 32 threads each for slow clients; requests
# spend most of their time in Rust (tantivy) and SQLite, which release the GIL.
worker_class = "gthread"
workers = 2
threads = 32
# Each worker listens on its own socket (SO_REUSEPORT) and the kernel spreads new
# connections over them. On one shared socket the worker that wakes first takes them, so
# one process could serve most of a burst while the other idled: under 16 connections
# result pages ran at 234-338 a second from run to run, with their own sockets at 312-343
# (docs/performance.md).
reuse_port = True
timeout = 30
keepalive = 5

# Logs: no client addresses, no query strings (what families type), no exception
# messages, one line per request (portal/logs.py).
logger_class = "portal.logs.PrivateLogger"
accesslog = "-"
errorlog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'


def post_worker_init(worker) -> None:
    """Read the search vocabulary's words in their dictionary forms (simplemma's Dutch,
    Arabic and Ukrainian dictionaries, about 1 s) before the worker takes requests, so the
    first family searching on it does not wait for that (benchmarks/portal.py saw timeouts).

    Then everything loaded so far (the app, the dictionaries: objects that live as long as
    the worker) is set aside from Python's garbage collector (`gc.freeze`): a full
    collection no longer walks them, and each one it made under load held up every request
    of its worker (result pages under wrk: p95 85-124 ms before, 69-90 ms after, in
    alternating runs; docs/performance.md)."""
    from indexer.search.query_words import term_groups
    from indexer.search.vocabulary import load_vocabulary

    term_groups("mijn kind is bang", load_vocabulary())  # kept by the caches it fills
    gc.collect()
    gc.freeze()
