"""Providers' locations as HSDS locations with their postal addresses.

A Dutch address has no province, while HSDS requires `state_province`: it is written as ""
(not part of the address) rather than guessed. Coordinates are those of the store, which
falls back to the postcode's centroid when a region's file gives none.
"""

from indexer.hsds.current import Current
from indexer.hsds.ids import hsds_id, location_id, organization_id
from indexer.hsds.records import record

COUNTRY = "NL"  # ISO 3166-1 alpha-2


def locations(current: Current) -> list[dict]:
    return [
        record(
            {"id": location_id(provider_id, place.location_id), "location_type": "physical"},
            organization_id=organization_id(provider_id),
            name=place.name,
            latitude=place.latitude,
            longitude=place.longitude,
        )
        for provider_id, places in current.locations.items()
        for place in places
    ]


def addresses(current: Current) -> list[dict]:
    """One physical address per location that has a street or a city."""
    return [
        record(
            {
                "id": hsds_id("address", provider_id, place.location_id),
                "address_1": " ".join(filter(None, (place.street, place.house_number))),
                "city": place.city,
                "state_province": "",
                "postal_code": place.postcode,
                "country": COUNTRY,
                "address_type": "physical",
            },
            location_id=location_id(provider_id, place.location_id),
        )
        for provider_id, places in current.locations.items()
        for place in places
        if place.street or place.city
    ]
