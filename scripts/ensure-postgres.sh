#!/usr/bin/env bash
# Make sure a PostgreSQL server is installed and print its binary directory.
#
# Usage: scripts/ensure-postgres.sh
#
# Looks for /usr/lib/postgresql/<version>/bin containing both `postgres` and
# `initdb` (highest version first). If there is none and we are root, installs
# Debian's `postgresql` package with apt-get. The bin dir is printed on stdout
# as the last line; everything else goes to stderr. Exits non-zero with a
# message when no server can be found or installed.
#
# The test suite (tests/pgserver.py) starts its own throw-away server from
# this bin dir, so Debian's default "main" cluster is never used. When this
# script installs the package it disables the creation of that cluster, so a
# fresh install does not leave a system server running on port 5432.
#
# As root it also makes sure the `postgres` OS user exists (the server refuses
# to run as root; the test harness runs it as that user).
#
# Environment:
#   NEWSGRAPH_PG_LIBDIR  where to look for <version>/bin
#                        (default /usr/lib/postgresql; for testing)
set -euo pipefail

PG_LIBDIR="${NEWSGRAPH_PG_LIBDIR:-/usr/lib/postgresql}"

log() { echo "ensure-postgres: $*" >&2; }
die() { log "error: $*"; exit 1; }

# Print the highest-versioned bin dir that holds a server, or nothing.
find_bindir() {
    local dir
    [[ -d "$PG_LIBDIR" ]] || return 0
    # Version dirs are "15", "16", "9.6", ...: sort them as versions, newest first.
    while IFS= read -r dir; do
        if [[ -x "$PG_LIBDIR/$dir/bin/postgres" && -x "$PG_LIBDIR/$dir/bin/initdb" ]]; then
            echo "$PG_LIBDIR/$dir/bin"
            return 0
        fi
    done < <(ls -1 "$PG_LIBDIR" 2>/dev/null | sort -rV)
}

ensure_postgres_user() {
    [[ "$(id -u)" -eq 0 ]] || return 0
    if ! getent passwd postgres >/dev/null; then
        log "creating the 'postgres' OS user"
        useradd --system --user-group --home-dir /var/lib/postgresql \
            --no-create-home --shell /bin/bash postgres \
            || die "could not create the 'postgres' OS user"
    fi
}

install_postgres() {
    command -v apt-get >/dev/null || die "no PostgreSQL server under $PG_LIBDIR and no apt-get to install one"
    log "no PostgreSQL server under $PG_LIBDIR; installing Debian's 'postgresql' package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || die "apt-get update failed"
    # Install postgresql-common first so we can switch off the default
    # cluster before the server package's postinst would create (and start)
    # it. Same approach as the official postgres Docker image.
    apt-get install -y -qq postgresql-common >&2 || die "apt-get install postgresql-common failed"
    local conf=/etc/postgresql-common/createcluster.conf
    if [[ -f "$conf" ]]; then
        sed -ri 's/^#?\s*(create_main_cluster)\s*=.*$/\1 = false/' "$conf"
        grep -q '^create_main_cluster' "$conf" || echo 'create_main_cluster = false' >>"$conf"
    fi
    apt-get install -y -qq postgresql >&2 || die "apt-get install postgresql failed"
}

bindir="$(find_bindir)"
if [[ -z "$bindir" ]]; then
    if [[ "$(id -u)" -ne 0 ]]; then
        die "no PostgreSQL server under $PG_LIBDIR (need <version>/bin/postgres and initdb) and not root, so cannot install it; run: sudo apt-get install postgresql"
    fi
    install_postgres
    bindir="$(find_bindir)"
    [[ -n "$bindir" ]] || die "installed 'postgresql' but still found no server under $PG_LIBDIR"
fi

ensure_postgres_user
echo "$bindir"
