"""A map of a provider's locations that needs no outside service: an SVG drawn from the
region's own postcode centroids (grey dots) with the locations as numbered points.

Map tiles may be configured later; this map always works, offline and in print. The grey
dots (about 90 a region) are written here as one piece of SVG: drawn by the template, one
loop step with two escaped numbers each, they cost three times as much.
"""

from dataclasses import dataclass
from math import cos, radians

from markupsafe import Markup
from sqlalchemy import Row, bindparam
from sqlmodel import Session, col, select

from indexer.models import Municipality, Postcode

WIDTH = 320
PADDING = 16
# A postcode's grey dot; "%.1f" writes what str(round(v, 1)) does, in half the time.
DOT = '<circle cx="%.1f" cy="%.1f" r="2" class="map__area"/>'
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
    number: int


@dataclass
class LocationsMap:
    width: int
    height: int
    background: Markup  # a grey dot (SVG circle) per postcode of the region
    locations: list[MapPoint]


def locations_map(locations: list[Row], *, session: Session, region_id: str) -> LocationsMap | None:
    placed = [loc for loc in locations if loc.latitude is not None]
    if not placed:
        return None
    # Through the session's connection: plain rows, without the ORM's bookkeeping per call.
    centroids = session.connection().execute(REGION_CENTROIDS, {"region_id": region_id}).all()
    latitudes = [lat for lat, _lon in centroids] + [loc.latitude for loc in placed]
    longitudes = [lon for _lat, lon in centroids] + [loc.longitude for loc in placed]
    south, north = min(latitudes), max(latitudes)
    west, east = min(longitudes), max(longitudes)
    squeeze = cos(radians((south + north) / 2))  # a degree of longitude is shorter up north
    span_x = max((east - west) * squeeze, 0.01)
    span_y = max(north - south, 0.01)
    scale = (WIDTH - 2 * PADDING) / max(span_x, span_y)
    height = int(span_y * scale + 2 * PADDING)

    def x(lon: float) -> float:
        return PADDING + (lon - west) * squeeze * scale

    def y(lat: float) -> float:
        return PADDING + (north - lat) * scale

    dots = "".join([DOT % (x(lon), y(lat)) for lat, lon in centroids])
    return LocationsMap(
        WIDTH,
        height,
        Markup(dots),
        [
            MapPoint(round(x(loc.longitude), 1), round(y(loc.latitude), 1), number)
            for number, loc in enumerate(placed, start=1)
        ],
    )
