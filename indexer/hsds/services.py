"""A provider's contracted offer in one region as one HSDS service, and what hangs off it.

A service is provider × region: a family's question is "who helps here", and everything a
region buys from a provider there (its profiles × intensities, segments and role) is one
offer with one set of facts. So a provider working for two regions has two services, each
with the region's municipalities as its service area and attributes that link the
region's own profile and intensity terms.
"""

from indexer.hsds.assurance import assured_date
from indexer.hsds.current import Current, Offer
from indexer.hsds.ids import hsds_id, location_id, organization_id, service_id
from indexer.hsds.records import LANGUAGE, dutch, record
from indexer.hsds.taxonomies import (
    INTENSITIES,
    PROFILES,
    ROLE,
    SEGMENT,
    attribute,
    contract_term_id,
    scheme_attribute,
)
from indexer.languages import iso_name

ACTIVE = "active"  # only contracts valid on the export day are exported


def services(current: Current) -> list[dict]:
    return [_service(offer, current) for offer in current.offers]


def _service(offer: Offer, current: Current) -> dict:
    provider, region = offer.provider, offer.region
    return record(
        {
            "id": service_id(region.id, provider.id),
            "name": f"{provider.name} ({region.name})",
            "status": ACTIVE,
        },
        organization_id=organization_id(provider.id),
        description=dutch(provider.descriptions),
        url=provider.website,
        email=provider.email,
        minimum_age=provider.min_age,
        maximum_age=provider.max_age,
        assured_date=assured_date(current.confirmations.get(provider.id, {})),
    )


def languages(current: Current) -> list[dict]:
    """The languages the provider speaks, per service, by their stored ISO 639-1 code, or
    ISO 639-3 where a language has no two-letter code (indexer.languages): HSDS's rule."""
    return [
        record(
            {"id": hsds_id("language", *_key(offer), code)},
            service_id=service_id(*_key(offer)),
            name=iso_name(code, LANGUAGE),
            code=code,
        )
        for offer in current.offers
        for code in offer.provider.languages
    ]


def service_areas(current: Current) -> list[dict]:
    """The region's municipalities: the families a region's contract is for live there."""
    return [
        record(
            {"id": hsds_id("service_area", *_key(offer), place.code)},
            service_id=service_id(*_key(offer)),
            name=place.name,
            description=f"Gemeente {place.name} (CBS-code {place.code}) in jeugdregio "
            f"{offer.region.name}",
        )
        for offer in current.offers
        for place in current.municipalities.get(offer.region.id, [])
    ]


def service_at_locations(current: Current) -> list[dict]:
    """Every location of the provider, for each of its services: a family may travel to
    any of them, as the listing shows them all."""
    return [
        record(
            {"id": hsds_id("service_at_location", *_key(offer), place.location_id)},
            service_id=service_id(*_key(offer)),
            location_id=location_id(offer.provider.id, place.location_id),
        )
        for offer in current.offers
        for place in current.locations.get(offer.provider.id, [])
    ]


def service_attributes(current: Current) -> list[dict]:
    exported = {_key(offer) for offer in current.offers}
    return [link for offer in current.offers for link in _links(offer, current, exported)]


def _key(offer: Offer) -> tuple[str, str]:
    return offer.region.id, offer.provider.id


def _links(offer: Offer, current: Current, exported: set[tuple[str, str]]) -> list[dict]:
    """The profiles, intensities (light to heavy), segments and roles the offer holds."""
    region_id, contracts = offer.region.id, offer.contracts
    link = service_id(*_key(offer))
    intensities = sorted(
        {c.intensity_code for c in contracts},
        key=lambda code: (current.intensities[(region_id, code)].sort_order, code),
    )
    codes = [(PROFILES, code) for code in sorted({c.profile_code for c in contracts})]
    codes += [(INTENSITIES, code) for code in intensities]
    links = [scheme_attribute("service", link, region_id, s, code) for s, code in codes]
    links += [
        attribute("service", link, SEGMENT, contract_term_id(segment))
        for segment in sorted({c.segment for c in contracts})
    ]
    return links + [
        attribute("service", link, ROLE, contract_term_id(role), _mains(offer, role, exported))
        for role in sorted({c.role for c in contracts})
    ]


def _mains(offer: Offer, role: str, exported: set[tuple[str, str]]) -> str | None:
    """An onderaannemer's main contractors in the region ("one family, one plan") as their
    organization ids, ";"-separated; only those the export holds, so no id dangles."""
    region_id = offer.region.id
    mains = {
        c.main_contractor_id
        for c in offer.contracts
        if c.role == role and (region_id, c.main_contractor_id) in exported
    }
    return ";".join(sorted(organization_id(main) for main in mains)) or None
