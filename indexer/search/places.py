"""Postcode → municipality → region, and the PC4 centroid to measure distances from."""

from dataclasses import dataclass

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


def locate(session: Session, postcode: str) -> Place | None:
    """The place of a PC4 or full postcode ("1011", "1011 AB"); None when unknown."""
    pc4 = postcode.strip()[:4]
    row = session.exec(
        select(Postcode, Municipality)
        .join(Municipality, col(Municipality.code) == col(Postcode.municipality_code))
        .where(Postcode.pc4 == pc4)
    ).first()
    if row is None:
        return None
    found, municipality = row
    return Place(
        found.pc4,
        municipality.code,
        municipality.name,
        municipality.region_id,
        found.latitude,
        found.longitude,
    )
