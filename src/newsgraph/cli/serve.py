"""``newsgraph serve``: the REST API and the dashboard over a store."""
from __future__ import annotations

from typing import Optional

import typer

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, DB_OPTION, ERR, config_from, open_store_or_exit


@app.command("serve")
def serve_cli(
    db: Optional[str] = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Serve the dashboard and the REST API (OpenAPI at /docs and /openapi.json).

    The store must exist (fill it with `newsgraph ingest`), unless writes are on
    (NEWSGRAPH_API_TOKEN set): then a new empty one is created for POST /api/ingest to fill.

    Example: newsgraph serve --db newsgraph.db --port 8000, then open http://127.0.0.1:8000/
    """
    import uvicorn

    from newsgraph.serve import create_app

    cfg = config_from(config, db=db)
    # Read-only, a missing store is a mistyped --db; with writes on, the API may fill a new one.
    store = open_store_or_exit(cfg.db, must_exist=not cfg.api_token)
    stats = store.stats()
    if not stats["articles"]:
        ERR.print(f"[yellow]note:[/yellow] the store {cfg.db} is empty; fill it with `newsgraph ingest` (or `make demo`).")
    writes = "on (bearer token required)" if cfg.api_token else "off (set NEWSGRAPH_API_TOKEN to enable POST /api/ingest)"
    ERR.print(f"newsgraph: {stats['articles']} articles, {stats['events']} events from {cfg.db}; writes {writes}")
    ERR.print(f"dashboard: http://{host}:{port}/   API docs: http://{host}:{port}/docs")
    uvicorn.run(create_app(cfg, store=store), host=host, port=port, log_level="warning")
    store.close()
