"""What a language process sends back to the process that forked it, and how that one takes it.

A child ends by sending one pickled dict through its pipe: what it found and made
(`LanguageProcesses._child` lists the keys), or `{"error": ...}`, its exception as the
parent raises it again. A child that sends nothing, or half of it (killed, or out of
memory), is reported with its exit status.
"""

from __future__ import annotations

import os
import pickle
import traceback

from mkdocs import exceptions
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("clustersite")

Error = tuple[type, str, str]  # the exception's class, its message, and the traceback for the debug log


def send(writer: int, result: dict, code: str | None) -> bool:
    """Send the result; one that cannot be pickled is sent as that error instead (and False is returned)."""
    try:
        data, sent = pickle.dumps(result), True
    except Exception as exc:  # a value in what the child found that pickle cannot carry
        data, sent = pickle.dumps({"error": described(exc, code)}), False
    with os.fdopen(writer, "wb") as pipe:
        pipe.write(data)
    return sent


def received(pid: int, reader: int, codes: list[str]) -> dict:
    """The child's result, once it has ended."""
    with os.fdopen(reader, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    try:
        return pickle.loads(data)
    except Exception:  # nothing came, or half of it: the process was killed, or ran out of memory
        return {"error": (PluginError, f"The process building {', '.join(codes)} stopped "
                                       f"(exit status {os.waitstatus_to_exitcode(status)}) before it finished.", "")}


def described(exc: BaseException, code: str | None) -> Error:
    """The exception as the parent raises it again: MkDocs' own with its message, others named with their language."""
    if isinstance(exc, exceptions.MkDocsException):
        return type(exc), str(exc), ""
    return PluginError, f"Building the '{code}' pages failed: {type(exc).__name__}: {exc}", traceback.format_exc()


def rebuilt(error: Error) -> BaseException:
    kind, message, details = error
    if details:
        log.debug(details)
    return kind(message)
