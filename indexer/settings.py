"""One typed settings object, read from the environment.

Shared by the indexer and the portal so both agree on the database and search backend.
The default database lives outside the source tree (XDG data directory) so a checkout
stays clean and a `git clean` never throws away loaded data.
"""

import os
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRET = "development-only-not-secret"
DEVELOPMENT_URL = "http://127.0.0.1:5000"  # gunicorn.conf.py's bind


def default_data_dir() -> Path:
    """Where local state (SQLite file, embedded index) lives when nothing is configured."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "jeugdhulpgids"


def default_database_url() -> str:
    return f"sqlite:///{default_data_dir() / 'jeugdhulpgids.db'}"


class Settings(BaseSettings):
    """Configuration; every field maps to an upper-case environment variable."""

    model_config = SettingsConfigDict(extra="ignore")

    app_env: Literal["development", "test", "production"] = "development"
    database_url: str = Field(default_factory=default_database_url)
    secret_key: str = PLACEHOLDER_SECRET
    default_locale: str = "nl"
    # Reverse proxies in front of the portal (e.g. 1 behind nginx doing HTTPS), so it sees the
    # scheme families used (secure cookies); 0 trusts no forwarding headers at all.
    proxy_hops: int = 0
    # The portal's home page as families reach it (https://jeugdhulpgids.nl): links sent on,
    # like a shortlist's share link, are built from it, never from the Host header any client
    # can set. Required in production; without it such links stay relative.
    public_url: str | None = None
    # Search: the embedded engine (tantivy, an index folder) unless Meilisearch is chosen.
    search_backend: Literal["embedded", "meilisearch"] = "embedded"
    index_dir: Path = Field(default_factory=lambda: default_data_dir() / "index")
    # The embedded engine keeps the documents it has read, decoded, until the index changes:
    # about 12 kB each, at most the whole index per process (90 MB for 7,800 documents).
    keep_documents: bool = True
    meili_url: str | None = None
    meili_admin_key: str | None = None  # the indexer's key: writes settings and documents
    meili_search_key: str | None = None  # the portal's key: search only, never the master key
    meili_index: str = "providers"
    meili_timeout_s: float = 5.0
    # How long an index writer (`indexer update`, an import) waits for another one to finish
    # before it gives up with a message naming the holder (indexer/search/locks.py).
    index_lock_timeout_s: float = 60.0
    # Files region staff upload in the browser, kept with their checksums in one folder per
    # upload, and each upload's report (docs/import.md, "Loading in the browser").
    imports_dir: Path = Field(default_factory=lambda: default_data_dir() / "imports")
    # Where the portal counts sign-in attempts per address: per process by default (one
    # process per core, gunicorn.conf.py); a shared store such as redis:// for more.
    ratelimit_storage_uri: str = "memory://"
    # Mail (invitations, password resets, reminders): through this SMTP server when set;
    # without one, outside production, each message is written as an .eml file into
    # MAIL_OUTBOX instead (indexer/mail.py). MAIL_USE_TLS upgrades with STARTTLS.
    mail_server: str | None = None
    mail_port: int = 25
    mail_username: str | None = None
    mail_password: str | None = None
    mail_use_tls: bool = False
    mail_sender: str = "Jeugdhulpgids <noreply@localhost>"
    mail_outbox: Path = Field(default_factory=lambda: default_data_dir() / "outbox")

    @field_validator("public_url")
    @classmethod
    def _public_url_is_an_address(cls, value: str | None) -> str | None:
        """An http(s) address with a host, kept without its trailing slash so paths can
        follow; a mistyped one fails at start rather than in every link sent."""
        if not value:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("PUBLIC_URL must be an address like https://jeugdhulpgids.nl")
        if parts.query or parts.fragment:
            raise ValueError("PUBLIC_URL must not have a query (?) or fragment (#)")
        return value.rstrip("/")

    @property
    def link_base(self) -> str:
        """Where links in mails point: PUBLIC_URL, or in development the address `make run`
        serves on. Never the Host header of a request, which any client sets."""
        return self.public_url or DEVELOPMENT_URL

    def check_safe_to_serve(self) -> None:
        """Refuse to serve outside development with the placeholder secret key, and in
        production without the HTTPS address that links sent to families are built from."""
        if self.app_env != "development" and self.secret_key == PLACEHOLDER_SECRET:
            raise RuntimeError(
                "SECRET_KEY is still the development placeholder; set a long random value "
                "before running with APP_ENV other than development."
            )
        if self.app_env == "production" and not (self.public_url or "").startswith("https://"):
            raise RuntimeError(
                "PUBLIC_URL must be the portal's https:// address (e.g. "
                "https://jeugdhulpgids.nl) when APP_ENV is production: share links are built "
                "from it, never from the request's Host header."
            )
