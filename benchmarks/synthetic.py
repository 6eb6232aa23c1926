"""Synthetic data sets for the benchmarks, written as the YAML staff would write.

    write_data(folder, projects=…, organisations=…, events=…, news=…)

The files go through the real loader and validation when the site is built. The
words, event types and places come from the shipped data/ui.yaml and
data/places.yaml, so every reference resolves.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "sr", "bg", "cs")
COUNTRIES = ["IT", "HU", "DE", "PT", "RO", "BG", "RS", "CZ", "SK", "HR", "PL", "TR", "ES", "AT", "SI", "GR"]
WORDS = {
    "en": "cluster excellence training partners visit results innovation network management members",
    "sr": "klaster izvrsnost obuka partneri poseta rezultati inovacije mreža upravljanje članovi",
    "bg": "клъстер постижения обучение партньори посещение резултати иновации мрежа управление членове",
    "cs": "klastr excelence školení partneři návštěva výsledky inovace síť řízení členové",
}


def _text(rng: random.Random, words: int, prefix: str = "") -> dict[str, str]:
    return {lang: (prefix + " " + " ".join(rng.choice(WORDS[lang].split()) for _ in range(words))).strip()
            for lang in LANGUAGES}


def sizes_for_pages(total_pages: int) -> dict[str, int]:
    """Record counts that give about `total_pages` built pages over four languages."""
    per_language = max(total_pages // len(LANGUAGES), 30)
    overhead = 22  # index, labels, search, type and staff pages per language
    projects = max(1, per_language // 60)
    organisations = max(4, per_language // 6)
    news = max(1, per_language // 25)
    events = max(4, per_language - overhead - projects - organisations - news)
    return {"projects": projects, "organisations": organisations, "events": events, "news": news}


@dataclass(frozen=True)
class EventShape:
    """How much text an event carries."""

    summary_words: int
    body_every: int  # every n-th event has a body
    body_words: int
    agenda_every: int  # every n-th event has a one-day agenda of three sessions


SHAPES = {
    # Matched, in bytes per part, to the shipped events in data/ (2.2 KB of YAML each on
    # average: title 0.2 KB, summary 0.6, body 0.5, agenda 0.7). The synthetic words are
    # longer than the real ones, hence fewer of them.
    "shipped": EventShape(summary_words=12, body_every=2, body_words=22, agenda_every=5),
    # Every event with a 60-word body; about 5 KB of YAML per event.
    "heavy": EventShape(summary_words=18, body_every=1, body_words=60, agenda_every=4),
}


def write_data(folder: Path, *, projects: int, organisations: int, events: int, news: int, seed: int = 1,
               shape: str = "shipped") -> None:
    """Write data/ with the given number of records; events shaped as `SHAPES[shape]`."""
    rng = random.Random(seed)
    form = SHAPES[shape]
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("ui.yaml", "places.yaml", "site.yaml"):
        shutil.copy(ROOT / "data" / name, folder / name)
    catalogue = yaml.safe_load((ROOT / "data" / "ui.yaml").read_text(encoding="utf-8"))
    places = [p["id"] for p in yaml.safe_load((ROOT / "data" / "places.yaml").read_text(encoding="utf-8"))["places"]]
    event_types = list(catalogue["event_types"])

    org_ids = [f"org-{i:05d}" for i in range(organisations)]
    org_records = []
    for i, org_id in enumerate(org_ids):
        record = {"id": org_id, "name": f"ORGANISATION {i} ASSOCIATION", "short_name": f"ORG{i}",
                  "display_name": _text(rng, 2, f"Cluster {i}"), "type": "cluster", "country": rng.choice(COUNTRIES),
                  "description": _text(rng, 30)}
        if i % 5 == 0:
            awarded = date(2015, 1, 1) + timedelta(days=rng.randrange(3000))
            record["labels"] = [{"level": rng.choice(["bronze", "silver", "gold"]), "awarded_by": "ESCA",
                                 "awarded": awarded.isoformat(), "valid_until": (awarded + timedelta(days=730)).isoformat()}]
        org_records.append(record)
    _dump(folder / "organisations.yaml", {"organisations": org_records})

    (folder / "projects").mkdir(exist_ok=True)
    per_project = [events // projects + (1 if i < events % projects else 0) for i in range(projects)]
    event_number = 0
    for p in range(projects):
        start = date(2012, 1, 1) + timedelta(days=rng.randrange(4000))
        members = rng.sample(org_ids, k=min(len(org_ids), 7))
        project = {
            "id": f"project-{p:04d}", "acronym": f"PRJ-{p}", "title": _text(rng, 6, f"Project {p}"),
            "summary": _text(rng, 20), "objectives": _text(rng, 80), "programme": _text(rng, 3, "Programme"),
            "call": f"CALL-{p}", "start": start.isoformat(), "end": (start + timedelta(days=729)).isoformat(),
            "budget": {"amount": "500000.00", "currency": "EUR"},
            "funding": [{"source": _text(rng, 2, "Fund"), "share": "90"}, {"source": _text(rng, 2, "Agency"), "share": "10"}],
            "consortium": [{"organisation": m, "role": "coordinator" if j == 0 else "partner"} for j, m in enumerate(members)],
        }
        event_records = []
        for _ in range(per_project[p]):
            day = start + timedelta(days=rng.randrange(729))
            record = {
                "id": f"event-{event_number:06d}", "type": rng.choice(event_types), "date": day.isoformat(),
                "location": {"place": rng.choice(places)}, "participants": rng.sample(members, k=3),
                "title": _text(rng, 5, f"Event {event_number}"), "summary": _text(rng, form.summary_words),
            }
            if event_number % form.body_every == 0:
                record["body"] = _text(rng, form.body_words)
            if event_number % form.agenda_every == 0:
                record["end"] = (day + timedelta(days=1)).isoformat()
                record["agenda"] = [{"title": _text(rng, 2, "Day"), "sessions": [
                    {"title": _text(rng, 4), "items": [_text(rng, 5) for _ in range(3)]} for _ in range(3)]}]
            event_records.append(record)
            event_number += 1
        _dump(folder / "projects" / f"project-{p:04d}.yaml", {"project": project, "events": event_records})

    items = [{"id": f"news-{n:05d}", "date": (date(2014, 1, 1) + timedelta(days=rng.randrange(4000))).isoformat(),
              "title": _text(rng, 6, f"News {n}"), "summary": _text(rng, 20), "body": _text(rng, 80),
              "organisations": rng.sample(org_ids, k=2)} for n in range(news)]
    _dump(folder / "news.yaml", {"news": items})


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
