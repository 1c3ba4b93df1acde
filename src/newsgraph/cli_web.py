"""``newsgraph serve``: the web pages and JSON API (see newsgraph.web). Register with ``register(app)``."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

__all__ = ["serve", "register"]


def serve(
    db: Annotated[Optional[str], typer.Option("--db", help="SQLite file or postgresql:// URL [default: $NEWSGRAPH_DB or ./newsgraph.db]")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on; the default serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="Enable POST /api/ingest and the upload form.")] = False,
    token: Annotated[Optional[str], typer.Option(help="Bearer token that uploads must present (required with --allow-ingest); or $NEWSGRAPH_TOKEN.", envvar="NEWSGRAPH_TOKEN")] = None,
) -> None:
    """Serve the pages (overview, articles, entities, events, network, search) and the JSON API under /api."""
    from .cli import fail
    from .errors import NewsgraphError

    if allow_ingest and not token:
        raise fail("--allow-ingest needs --token TOKEN (uploads are refused without one)")
    if token and not allow_ingest:
        raise fail("--token is only used with --allow-ingest")
    if allow_ingest and len(token) < 16:
        raise fail("--token must be at least 16 characters")
    if not 0 < port < 65536:
        raise fail(f"--port {port} is not a TCP port")
    import uvicorn

    from .web import create_app

    try:
        app = create_app(db, allow_ingest=allow_ingest, token=token, warm=True)
    except NewsgraphError as exc:
        raise fail(str(exc)) from None
    typer.echo(f"newsgraph serving {app.state.store.display_url} on http://{host}:{port}/ "
               f"({'ingest allowed' if allow_ingest else 'read-only'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to a Typer app (cli.py calls this)."""
    app.command("serve")(serve)
