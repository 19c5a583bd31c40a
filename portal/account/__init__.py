"""Signing in and out for providers and region staff: password, second factor, invitations
and password resets (DESIGN.md §10). Families never need an account."""

from portal.account.routes import blueprint

__all__ = ["blueprint"]
