"""The languages built in several processes: the same site, byte for byte, and the same failures as in one."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

import child_processes
from clustersite.mkdocs_layer import child_results, language_processes, sitemap_parts
from clustersite.mkdocs_layer.build_state import BuildState
from clustersite.mkdocs_layer.language_shares import PROCESSES_VARIABLE, process_count, shares
from conftest import run_build

LANGUAGES = ["en", "sr", "sr-cyrl", "bg", "cs"]


def test_the_languages_are_cut_into_runs_in_build_order_the_first_no_longer_than_the_others():
    assert shares(LANGUAGES, 2) == [["en", "sr"], ["sr-cyrl", "bg", "cs"]]
    assert shares(LANGUAGES, 3) == [["en"], ["sr", "sr-cyrl"], ["bg", "cs"]]
    assert shares(LANGUAGES, 4) == [["en"], ["sr"], ["sr-cyrl"], ["bg", "cs"]]
    assert shares(LANGUAGES, 1) == [LANGUAGES]
    assert shares(LANGUAGES, 16) == [[code] for code in LANGUAGES]
    assert shares(["en"], 4) == [["en"]]


def test_the_number_of_processes_follows_the_cores_and_languages_or_the_setting(monkeypatch):
    monkeypatch.delenv(PROCESSES_VARIABLE, raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert process_count(5) == 1  # one core: one process
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert process_count(5) == 3  # two cores would not share five languages evenly: one more process
    assert process_count(4) == 2 and process_count(3) == 2 and process_count(2) == 2  # never one per language
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert process_count(6) == 3 and process_count(5) == 4 and process_count(4) == 3
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    assert process_count(5) == 4
    monkeypatch.setenv(PROCESSES_VARIABLE, "2")
    assert process_count(5) == 2
    for wrong in ("0", "two", "-1"):
        monkeypatch.setenv(PROCESSES_VARIABLE, wrong)
        with pytest.raises(PluginError, match=f"{PROCESSES_VARIABLE}='{wrong}' is not a number of processes"):
            process_count(5)


def _entry(loc: str) -> str:
    return f"\n  <url>\n    <loc>{loc}</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{loc}\"/>\n  </url>"


HEAD, TAIL = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', "\n</urlset>"


@pytest.mark.parametrize("documents", [[], ["http://x/files/a.pdf"], ["http://x/files/a.pdf", "http://x/files/b.pdf"]])
def test_the_site_map_parts_join_into_what_one_process_writes(documents):
    pages = {code: [f"http://x/{code}/", f"http://x/{code}/events/"] for code in ("sr", "bg", "cs")}
    pages["en"] = ["http://x/", "http://x/events/"]
    tail = "".join(_entry(loc) for loc in documents) + TAIL

    def part(*codes: str) -> str:
        return HEAD + "".join(_entry(loc) for code in codes for loc in pages[code]) + tail

    assert sitemap_parts.join([part("en", "sr"), part("bg"), part("cs")]) == part("en", "sr", "bg", "cs")
    assert sitemap_parts.join([part("en", "sr", "bg", "cs")]) == part("en", "sr", "bg", "cs")
    with pytest.raises(PluginError, match="do not fit together"):
        sitemap_parts.join([part("en"), part("bg").replace("<urlset ", "<urlset  ")])


def test_a_process_that_stops_without_a_result_fails_the_build_with_a_message():
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os._exit(3)
    os.close(writer)
    kind, message, _ = child_results.received(pid, reader, ["bg", "cs"])["error"]
    assert kind is PluginError and message == "The process building bg, cs stopped (exit status 3) before it finished."


def test_a_result_that_cannot_be_sent_arrives_as_that_error():
    reader, writer = os.pipe()
    assert not child_results.send(writer, {"findings": {"x": [lambda: None]}}, "bg")  # pickle cannot carry a lambda
    with os.fdopen(reader, "rb") as pipe:
        kind, message, _ = pickle.loads(pipe.read())["error"]
    assert kind is PluginError and message.startswith("Building the 'bg' pages failed: ") and "pickle" in message.lower()


def test_interrupted_while_waiting_for_its_processes_the_build_stops_them(monkeypatch):
    # Ctrl+C during `mkdocs build`: the processes not yet waited for would go on writing into the site.
    children = []
    for codes in (["sr"], ["bg", "cs"]):
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:
            time.sleep(60)
            os._exit(0)
        os.close(writer)
        children.append(language_processes._Child(pid, reader, codes))
    processes = language_processes.LanguageProcesses(expected=["sr", "bg", "cs"])
    processes.share = types.SimpleNamespace(codes=[], asked=[], restore=lambda: None)
    processes.children = children

    def interrupted(pid: int, reader: int, codes: list[str]) -> dict:
        os.close(reader)
        raise KeyboardInterrupt

    monkeypatch.setattr(child_results, "received", interrupted)
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        processes.join(None, BuildState(), None)
    assert time.monotonic() - started < 10
    for child in children:  # the one waited for when Ctrl+C came, and the other: killed and reaped
        with pytest.raises(ChildProcessError):
            os.waitpid(child.pid, os.WNOHANG)


def _outputs(root: Path) -> dict[str, bytes]:
    """Every file, the search index's too."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_several_processes_build_the_site_one_process_builds(project_copy, tmp_path):
    builds = {}
    for count in ("1", "3"):  # 3: en here, sr and sr-cyrl in one process and bg and cs in another, beside it
        result = run_build(tmp_path / count, config=project_copy / "mkdocs.yml", extra_env={PROCESSES_VARIABLE: count})
        assert result.returncode == 0, result.stderr[-3000:]
        builds[count] = _outputs(tmp_path / count)
    assert len(builds["1"]) > 400 and {"sitemap.xml", "sitemap.xml.gz", "404.html", "cs/404.html", "cs/sitemap.xml",
                                       "pagefind/pagefind-entry.json"} <= builds["1"].keys()
    assert builds["1"].keys() == builds["3"].keys()
    assert [name for name in builds["1"] if builds["1"][name] != builds["3"][name]] == []


def _failure(result) -> str:
    assert result.returncode != 0 and "Traceback" not in result.stderr
    return result.stderr[result.stderr.index("The site was not built"):]


def test_a_hostile_script_on_pages_built_in_another_process_fails_the_build_as_in_one(project_copy, tmp_path):
    main = project_copy / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + '\n{% block footer %}{{ super() }}{% if config.theme.language == "cs" %}'
                    '<script src="https://cdn.example/cs.js"></script>{% endif %}{% endblock %}\n', encoding="utf-8")
    messages = [_failure(run_build(tmp_path / count, config=project_copy / "mkdocs.yml", extra_env={PROCESSES_VARIABLE: count}))
                for count in ("1", "3")]
    assert messages[0] == messages[1]
    lines = messages[0].splitlines()
    assert lines[0] == "The site was not built: 1 thing(s) in the pages are not allowed:"
    assert lines[1].startswith('  <script src="https://cdn.example/cs.js">: src: loads from another host (cdn.example)')
    assert lines[2:6] == ["      on 404.html (from overrides/404.html, with words from data/ui.yaml and data/site.yaml)",
                          "      on /cs/ (from docs/index.cs.md)", "      on /cs/accessibility/ (from docs/accessibility.cs.md)",
                          "      and on 68 more pages"]  # the Czech pages only, built in another process


def test_a_mistake_in_a_language_built_in_another_process_fails_the_build_with_its_message(project_copy, tmp_path):
    (project_copy / "docs" / "links.cs.md").write_text("# Odkazy\n\n[Akce](missing-page.md)\n", encoding="utf-8")
    for count in ("1", "3"):
        result = run_build(tmp_path / count, config=project_copy / "mkdocs.yml", extra_env={PROCESSES_VARIABLE: count})
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert result.stderr.count("'links.cs.md' contains a link 'missing-page.md', but the target is not found") == 1
        assert (result.stdout + result.stderr).count("Aborted with 1 warnings in strict mode!") == 1


_FORKS_WATCHED = """
import gc, json, os, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
frozen_at_fork, real_fork = [], os.fork
def fork():
    frozen_at_fork.append(gc.get_freeze_count())
    return real_fork()
os.fork = fork
build(load_config(sys.argv[1], site_dir=sys.argv[2]))
print(json.dumps({"frozen at fork": frozen_at_fork, "frozen after": gc.get_freeze_count()}))
"""


def test_what_exists_at_the_fork_is_frozen_for_the_children_and_collected_here_again_after(project_copy, tmp_path):
    """In a process of its own, as `mkdocs build` runs: a build forks only where no other thread runs."""
    import json
    import subprocess
    import sys

    from conftest import BUILD_DATE

    env = {**os.environ, "SITE_BUILD_DATE": BUILD_DATE, PROCESSES_VARIABLE: "3", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-c", _FORKS_WATCHED, str(project_copy / "mkdocs.yml"), str(tmp_path / "site")],
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert len(seen["frozen at fork"]) == 2 and min(seen["frozen at fork"]) > 10_000  # the loaded data and pages
    assert seen["frozen after"] == 0  # collected here again: a long preview would otherwise keep every rebuild's cycles
    assert (tmp_path / "site" / "cs" / "index.html").exists()


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or (os.cpu_count() or 1) < 2,
                    reason="reads the processes from /proc (Linux); forks only with two cores or more")
def test_ctrl_c_in_the_terminal_ends_the_language_processes_too(project_copy, tmp_path):
    """They have process groups of their own (so that ending one ends its Pagefind runs), which the terminal's
    Ctrl+C does not reach: the build's process ends them on its way out, wherever the Ctrl+C found it."""
    env = {**os.environ, "SITE_URL": "http://127.0.0.1:8000/", "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-f", str(project_copy / "mkdocs.yml"), "-d",
                              str(tmp_path / "site")], cwd=project_copy, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, preexec_fn=child_processes.ctrl_c_as_in_a_terminal)
    own = Path(f"/proc/{build.pid}/cmdline").read_bytes().replace(b"\0", b" ")
    deadline, forked = time.monotonic() + 60, []
    while not forked and build.poll() is None and time.monotonic() < deadline:
        forked = [pid for pid, command in child_processes.children(build.pid) if command == own]
        time.sleep(0.01)
    assert forked, "the build ended before it forked"
    build.send_signal(signal.SIGINT)
    assert build.wait(timeout=60) != 0
    time.sleep(0.5)  # ended with the build, not when their own work is done (a second or more later)
    assert [pid for pid in forked if child_processes.alive(pid)] == []

