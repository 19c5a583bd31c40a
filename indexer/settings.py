"""One typed settings object, read from the environment.

Shared by the indexer and the portal so both agree on the database and search backend.
The default database lives outside the source tree (XDG data directory) so a checkout
stays clean and a `git clean` never throws away loaded data.
"""

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRET = "development-only-not-secret"


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
    # Reverse proxies in front of the portal (e.g. 1 behind nginx doing HTTPS), so share links
    # get the public scheme and host; 0 trusts no forwarding headers at all.
    proxy_hops: int = 0
    # Search: the embedded engine (tantivy, an index folder) unless Meilisearch is chosen.
    search_backend: Literal["embedded", "meilisearch"] = "embedded"
    index_dir: Path = Field(default_factory=lambda: default_data_dir() / "index")
    meili_url: str | None = None
    meili_admin_key: str | None = None  # the indexer's key: writes settings and documents
    meili_search_key: str | None = None  # the portal's key: search only, never the master key
    meili_index: str = "providers"
    meili_timeout_s: float = 5.0

    def check_safe_to_serve(self) -> None:
        """Refuse to serve outside development with the placeholder secret key."""
        if self.app_env != "development" and self.secret_key == PLACEHOLDER_SECRET:
            raise RuntimeError(
                "SECRET_KEY is still the development placeholder; set a long random value "
                "before running with APP_ENV other than development."
            )
