"""The preview's watcher: a saved file starts a rebuild within a few hundredths of a second.

MkDocs' `serve` looks for changed files every 0.5 s, then waits 0.1 s for more
changes before it rebuilds: up to 0.6 s before the rebuild even starts, more than an
edit may take from the save to the new page in the browser. Here the system tells
the preview of each saved file as it is written (inotify on Linux, FSEvents on macOS,
through watchdog, which MkDocs' own watcher comes from), and the rebuild starts once
no other change has come for 0.05 s.

Some file systems (network and container mounts) never send those notifications, so
MkDocs' kind of watcher still looks at the files, every 0.25 s: a look at the watched
folders takes a couple of milliseconds of CPU, and a faster one would take that time
from the rebuild it waits for. A change it sees that a notification has already
reported is not reported again, so a saved file starts one rebuild, not two. Only
writes count: the system also reports each file the build reads, which would start
a rebuild after every rebuild.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from watchdog.events import (
    EVENT_TYPE_CLOSED,
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

if TYPE_CHECKING:  # the preview's server: a build has no use for it
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger("clustersite")

NOTIFICATIONS_VARIABLE = "CLUSTERSITE_CHANGE_NOTIFICATIONS"  # 0: only look at the files, as on a mount without them
POLL_SECONDS = 0.25  # between two looks at the watched files, for file systems that send no notifications
SETTLE_SECONDS = 0.05  # quiet time after a change before the rebuild: an editor's save may touch several files
_WRITES = {EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED, EVENT_TYPE_CLOSED}
_REPORTED_FOR = 2 * POLL_SECONDS + 1.0  # how long a notified change keeps the poller from reporting it again


class _Reported:
    """The paths notifications have reported, and when: the poller leaves those alone."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.paths: dict[str, float] = {}

    def note(self, event: FileSystemEvent) -> None:
        now = time.monotonic()
        with self.lock:
            for path in _paths(event):
                self.paths[path] = now

    def already(self, event: FileSystemEvent) -> bool:
        now = time.monotonic()
        with self.lock:
            return all(now - self.paths.get(path, -_REPORTED_FOR) < _REPORTED_FOR for path in _paths(event))


class _Notified(FileSystemEventHandler):
    def __init__(self, handler: FileSystemEventHandler, reported: _Reported) -> None:
        self.handler, self.reported = handler, reported

    def dispatch(self, event: FileSystemEvent) -> None:
        if event.event_type in _WRITES:
            self.reported.note(event)
            self.handler.dispatch(event)


class _Polled(FileSystemEventHandler):
    def __init__(self, handler: FileSystemEventHandler, reported: _Reported) -> None:
        self.handler, self.reported = handler, reported

    def dispatch(self, event: FileSystemEvent) -> None:
        if not self.reported.already(event):
            self.handler.dispatch(event)


class EitherWatcher:
    """The system's notifications and MkDocs' polling, as one watcher for MkDocs' server."""

    def __init__(self, polling: BaseObserver, notified: BaseObserver | None) -> None:
        self.polling, self.notified, self.reported = polling, notified, _Reported()

    def schedule(self, handler: FileSystemEventHandler, path: str, recursive: bool = False
                 ) -> tuple[ObservedWatch, ObservedWatch | None]:
        notified = None
        if self.notified is not None:
            try:
                notified = self.notified.schedule(_Notified(handler, self.reported), path, recursive=recursive)
            except OSError as exc:  # the system's limit of watches, say: the poller still looks
                log.debug(f"No change notifications for {path} ({exc}); it is looked at every {POLL_SECONDS} s")
        return self.polling.schedule(_Polled(handler, self.reported), path, recursive=recursive), notified

    def unschedule(self, watches: tuple[ObservedWatch, ObservedWatch | None]) -> None:
        polled, notified = watches
        self.polling.unschedule(polled)
        if notified is not None and self.notified is not None:
            self.notified.unschedule(notified)

    def start(self) -> None:
        self.polling.start()
        if self.notified is not None:
            try:
                self.notified.start()  # where inotify adds its watches: the system's limit shows here
            except OSError as exc:
                with contextlib.suppress(Exception):
                    self.notified.stop()  # the watches it did add
                log.warning(f"The preview gets no change notifications ({exc}); it looks for saved files every "
                            f"{POLL_SECONDS} s instead. On Linux, raising fs.inotify.max_user_watches lifts the limit.")
                self.notified = None

    def stop(self) -> None:
        for observer in (self.polling, self.notified):
            if observer is not None:
                observer.stop()

    def join(self) -> None:
        for observer in (self.polling, self.notified):
            if observer is not None and observer.is_alive():
                observer.join()


def watch_closely(server: LiveReloadServer, config: MkDocsConfig) -> LiveReloadServer:
    """Give the server the faster watcher; call it from `on_serve`, before `watch:` folders are added."""
    # MkDocs has already put docs/ and mkdocs.yml on its own watcher (it starts only after on_serve).
    watched = [path for path in (config.docs_dir, config.config_file_path) if path]
    for path in watched:
        server.unwatch(path)
    polling = type(server.observer)(timeout=POLL_SECONDS)  # MkDocs' own kind of watcher, polling
    server.observer = EitherWatcher(polling, None if os.environ.get(NOTIFICATIONS_VARIABLE) == "0" else Observer())
    for path in watched:
        server.watch(path)
    server.build_delay = SETTLE_SECONDS
    return server


def _paths(event: FileSystemEvent) -> list[str]:
    return [path for path in (event.src_path, getattr(event, "dest_path", "")) if path]
