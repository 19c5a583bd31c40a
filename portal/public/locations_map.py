"""A map of a provider's locations that needs no outside service: an SVG drawn from the
region's own postcode centroids (grey dots) with the locations as numbered points.

Map tiles may be configured later; this map always works, offline and in print.
"""

from dataclasses import dataclass
from math import cos, radians

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from indexer.models import Location, Municipality, Postcode

WIDTH = 320
PADDING = 16
# Built once: made per page, the statement took more time than the database reading it.
REGION_CENTROIDS = (
    select(Postcode.latitude, Postcode.longitude)
    .join(Municipality, col(Municipality.code) == col(Postcode.municipality_code))
    .where(Municipality.region_id == bindparam("region_id"))
)


@dataclass
class MapPoint:
    x: float
    y: float
    number: int = 0


@dataclass
class LocationsMap:
    width: int
    height: int
    background: list[MapPoint]
    locations: list[MapPoint]


def locations_map(
    locations: list[Location], *, session: Session, region_id: str
) -> LocationsMap | None:
    placed = [loc for loc in locations if loc.latitude is not None]
    if not placed:
        return None
    # Through the session's connection: plain rows, without the ORM's bookkeeping per call.
    centroids = session.connection().execute(REGION_CENTROIDS, {"region_id": region_id}).all()
    points = [(lat, lon) for lat, lon in centroids] + [
        (loc.latitude, loc.longitude) for loc in placed
    ]
    south, north = min(p[0] for p in points), max(p[0] for p in points)
    west, east = min(p[1] for p in points), max(p[1] for p in points)
    squeeze = cos(radians((south + north) / 2))  # a degree of longitude is shorter up north
    span_x = max((east - west) * squeeze, 0.01)
    span_y = max(north - south, 0.01)
    scale = (WIDTH - 2 * PADDING) / max(span_x, span_y)
    height = int(span_y * scale + 2 * PADDING)

    def project(lat: float, lon: float, number: int = 0) -> MapPoint:
        x = PADDING + (lon - west) * squeeze * scale
        y = PADDING + (north - lat) * scale
        return MapPoint(round(x, 1), round(y, 1), number)

    return LocationsMap(
        WIDTH,
        height,
        [project(lat, lon) for lat, lon in centroids],
        [project(loc.latitude, loc.longitude, n) for n, loc in enumerate(placed, start=1)],
    )
