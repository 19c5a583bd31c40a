"""Every way a Meilisearch call can fail, turned into SearchUnavailable in operator words.

Writes are asynchronous tasks, and the client's wait_for_task returns normally for a task
that *failed*: `finish` polls the task itself, with its own deadline, and checks the status,
so a refused document or setting never passes silently.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from time import monotonic, sleep

from meilisearch import Client
from meilisearch.errors import (
    MeilisearchApiError,
    MeilisearchCommunicationError,
    MeilisearchError,
    MeilisearchTimeoutError,
)
from meilisearch.models.task import Task, TaskInfo
from pydantic import ValidationError

from indexer.search.engine import SearchUnavailable


@contextmanager
def translated(url: str, timeout_s: float, doing: str) -> Iterator[None]:
    """Run a client call; raise SearchUnavailable saying what failed while `doing`."""
    try:
        yield
    except MeilisearchApiError as error:
        raise SearchUnavailable(api_message(error, doing)) from error
    except MeilisearchTimeoutError as error:
        raise SearchUnavailable(
            f"Meilisearch at {url} did not answer within {timeout_s:g} s while {doing}"
        ) from error
    except MeilisearchCommunicationError as error:
        raise SearchUnavailable(
            f"cannot reach Meilisearch at {url} while {doing} (is the server running?): "
            f"{error.message}"
        ) from error
    except MeilisearchError as error:
        raise SearchUnavailable(f"Meilisearch failed while {doing}: {error.message}") from error
    except ValidationError as error:  # an answer the client cannot read
        raise SearchUnavailable(f"unexpected answer from Meilisearch while {doing}") from error


def api_message(error: MeilisearchApiError, doing: str) -> str:
    where = f"HTTP {error.status_code}" + (f" {error.code}" if error.code else "")
    message = f"Meilisearch refused {doing} ({where}): {error.message}"
    if error.status_code in (401, 403):
        message += (
            ". Check the API key: writes need the admin key (MEILI_ADMIN_KEY); "
            "the portal's search key may only search"
        )
    return message


# A task the server finished is seen at most this late. Polls are cheap GETs on the same
# host; at 0.5 s a wait-time edit done in 0.7 s was seen after 1.1 s (benchmarks/search.py).
MAX_POLL_S = 0.1


def finish(
    client: Client, info: TaskInfo, url: str, timeout_s: float, task_timeout_s: float
) -> Task:
    """Wait (polling, with a growing interval) for an enqueued task; insist it succeeded."""
    for _ in polls(task_timeout_s):
        with translated(url, timeout_s, f"checking task {info.task_uid} ({info.type})"):
            task = Task(**client.http.get(f"tasks/{info.task_uid}"))
        if task.status not in ("enqueued", "processing"):
            break
    else:
        raise SearchUnavailable(
            f"Meilisearch task {task.uid} ({task.type}) did not finish within "
            f"{task_timeout_s:g} s (still {task.status}); see {url}/tasks/{task.uid}"
        )
    if task.status != "succeeded":
        problem = task.error or {}
        code = f" [{problem['code']}]" if problem.get("code") else ""
        raise SearchUnavailable(
            f"Meilisearch task {task.uid} ({task.type}) {task.status}: "
            f"{problem.get('message', 'no reason given')}{code}"
        )
    return task


def polls(limit_s: float) -> Iterator[None]:
    """Yield at once, then after each pause (growing from 20 ms to MAX_POLL_S) until
    `limit_s` has passed: the caller checks each time and breaks when it sees what it waits
    for."""
    deadline = monotonic() + limit_s
    interval = 0.02
    yield
    while (remaining := deadline - monotonic()) > 0:
        sleep(min(interval, remaining))
        interval = min(interval * 2, MAX_POLL_S)
        yield
