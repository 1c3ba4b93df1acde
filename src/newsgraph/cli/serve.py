"""``newsgraph serve``: the web pages and JSON API (see newsgraph.web)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ._options import Db, exit_on_error, fail

__all__ = ["serve"]


def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to listen on; the default serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="Enable POST /api/ingest and the upload form.")] = False,
    token: Annotated[Optional[str], typer.Option(help="Bearer token that uploads must present (required with --allow-ingest); or $NEWSGRAPH_TOKEN.", envvar="NEWSGRAPH_TOKEN")] = None,
) -> None:
    """Serve the pages (overview, articles, entities, events, network, search) and the JSON API under /api."""
    if allow_ingest and not token:
        fail("--allow-ingest needs --token TOKEN (uploads are refused without one)")
    if token and not allow_ingest:
        fail("--token is only used with --allow-ingest")
    if allow_ingest and len(token) < 16:
        fail("--token must be at least 16 characters")
    if not 0 < port < 65536:
        fail(f"--port {port} is not a TCP port")
    # The web stack is imported only when serving: no other command needs it.
    import uvicorn

    from ..web import create_app

    with exit_on_error():
        app = create_app(db, allow_ingest=allow_ingest, token=token, warm=True)
    typer.echo(f"newsgraph serving {app.state.store.display_url} on http://{host}:{port}/ "
               f"({'ingest allowed' if allow_ingest else 'read-only'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
