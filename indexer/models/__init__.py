"""SQLModel tables for every entity of DESIGN.md §2, one module per area.

Natural keys from the import contract are the primary keys: an import can then diff the
incoming rows against the store by key, which is what makes reloading idempotent. Optional
key parts (a tariff's provider, an outcome's profile) are stored as "" rather than NULL,
because NULLs never collide in a primary key or unique constraint.
"""

from indexer.models import accounts  # noqa: F401  (registers the account tables)
from indexer.models.audit import AuditEntry
from indexer.models.edits import Confirmation, Conflict, OwnedField, PendingChange  # noqa: F401
from indexer.models.geography import Municipality, Postcode, Region, Team, TeamPostcode
from indexer.models.imports import ImportRun  # noqa: F401  (registers the import run table)
from indexer.models.offer import Contract, Intensity, Profile, Tariff
from indexer.models.outcomes import Outcome, OutcomeNorm, WaitTime
from indexer.models.providers import Location, Provider
from indexer.models.reminders import Reminder  # noqa: F401  (registers the reminder table)

__all__ = [
    "AuditEntry",
    "Contract",
    "Intensity",
    "Location",
    "Municipality",
    "Outcome",
    "OutcomeNorm",
    "Postcode",
    "Profile",
    "Provider",
    "Region",
    "Tariff",
    "Team",
    "TeamPostcode",
    "WaitTime",
]
