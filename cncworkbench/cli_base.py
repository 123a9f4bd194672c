"""What every ``cncworkbench`` command group shares."""

from __future__ import annotations

import sys

import click

from cncworkbench.errors import UserError


class UserErrorGroup(click.Group):
    """Turns user errors into one line on stderr and exit status 2 (no traceback)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except UserError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
