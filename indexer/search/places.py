"""Postcode → municipality → region, and the PC4 centroid to measure distances from."""

from dataclasses import dataclass

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from indexer.models import Municipality, Postcode


@dataclass(frozen=True)
class Place:
    pc4: str
    municipality_code: str
    municipality_name: str
    region_id: str
    latitude: float
    longitude: float

    @property
    def point(self) -> tuple[float, float]:
        return (self.latitude, self.longitude)


# Built once (indexer/store.py): every results page asks.
PLACE = (
    select(
        Postcode.pc4,
        Municipality.code,
        Municipality.name,
        Municipality.region_id,
        Postcode.latitude,
        Postcode.longitude,
    )
    .join(Municipality, col(Municipality.code) == col(Postcode.municipality_code))
    .where(Postcode.pc4 == bindparam("pc4"))
)


def locate(session: Session, postcode: str) -> Place | None:
    """The place of a PC4 or full postcode ("1011", "1011 AB"); None when unknown."""
    # Through the session's connection: plain rows, without the ORM's work per call.
    row = session.connection().execute(PLACE, {"pc4": postcode.strip()[:4]}).first()
    return None if row is None else Place(*row)
