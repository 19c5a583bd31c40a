"""Distances on result cards and the distance order of the embedded engine."""

from random import Random

from indexer.search.documents import distance_km, nearness


def test_distance_km_is_the_great_circle_distance() -> None:
    utrecht, amsterdam = (52.0907, 5.1214), (52.3676, 4.9041)
    assert round(distance_km(utrecht, amsterdam), 1) == 34.2  # 30.8 km north, 14.8 km west
    assert distance_km(utrecht, utrecht) == 0.0


def test_nearness_orders_places_as_their_distance_does() -> None:
    """The embedded engine sorts by nearness, not by distance_km; both must give one order,
    also for places north, south, east and west of the origin and at the origin itself."""
    origin = (52.09, 5.12)
    random = Random(16)
    places = [origin] + [
        (random.uniform(50.7, 53.6), random.uniform(3.3, 7.3)) for _ in range(2_000)
    ]
    near = nearness(origin)
    by_nearness = sorted(places, key=lambda place: near(*place))
    assert by_nearness == sorted(places, key=lambda place: distance_km(origin, place))
    assert by_nearness[0] == origin
