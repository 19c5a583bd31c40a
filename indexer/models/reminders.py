"""Reminders mailed to a provider's editors about parts of its listing that are due
(DESIGN.md §10 "Freshness", `indexer remind`).

One row per provider while its listing stays due: the day of the first reminder, of the
last one, and how many went out, so a daily run mails each reminder once. The row is
removed when the listing is no longer due, so the next time it is due starts afresh.
"""

from datetime import date

from sqlmodel import Field, SQLModel


class Reminder(SQLModel, table=True):
    provider_id: str = Field(foreign_key="provider.id", primary_key=True)
    first_sent_on: date
    last_sent_on: date
    count: int
