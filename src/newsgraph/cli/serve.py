"""``newsgraph serve``: the REST API and the dashboard over a store."""
from __future__ import annotations

from typing import Optional

import typer

from newsgraph.cli.app import app
from newsgraph.cli.common import CONFIG_OPTION, DB_OPTION, ERR, config_from


@app.command("serve")
def serve_cli(
    db: Optional[str] = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    config: Optional[str] = CONFIG_OPTION,
) -> None:
    """Serve the dashboard and the REST API (OpenAPI at /docs and /openapi.json).

    Example: newsgraph serve --db newsgraph.db --port 8000, then open http://127.0.0.1:8000/
    """
    import uvicorn

    from newsgraph.serve import create_app
    from newsgraph.store import open_store

    cfg = config_from(config, db=db)
    try:
        store = open_store(cfg.db)
    except (ValueError, FileNotFoundError, OSError) as exc:
        ERR.print(f"[red]error:[/red] cannot open the store {cfg.db}: {exc}")
        raise typer.Exit(2) from exc
    stats = store.stats()
    if not stats["articles"]:
        ERR.print(f"[yellow]note:[/yellow] the store {cfg.db} is empty; fill it with `newsgraph ingest` (or `make demo`).")
    writes = "on (bearer token required)" if cfg.api_token else "off (set NEWSGRAPH_API_TOKEN to enable POST /api/ingest)"
    ERR.print(f"newsgraph: {stats['articles']} articles, {stats['events']} events from {cfg.db}; writes {writes}")
    ERR.print(f"dashboard: http://{host}:{port}/   API docs: http://{host}:{port}/docs")
    uvicorn.run(create_app(cfg, store=store), host=host, port=port, log_level="warning")
    store.close()
