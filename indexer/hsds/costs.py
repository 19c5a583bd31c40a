"""Tariffs as HSDS cost options: what the region pays per contracted profile × intensity.

Families do not pay these amounts: a cost option is the region's price for the provider's
help (public in the Netherlands), per unit as the region sets it, with the period it is
valid in. One cost option per profile × intensity × segment the service is contracted and
priced for, linked by attributes to the region's profile and intensity terms and to the
segment, so a consumer reads exactly which combination a price is for. A unit is never
converted or mixed: "per traject" and "per jaar" stay side by side (DESIGN.md §11).
"""

from indexer.hsds.current import Current, PricedOffer
from indexer.hsds.ids import hsds_id, service_id
from indexer.hsds.records import dutch, record
from indexer.hsds.taxonomies import (
    INTENSITIES,
    PROFILES,
    SEGMENT,
    attribute,
    contract_term_id,
    scheme_attribute,
)

CURRENCY = "EUR"  # ISO 4217
PAYER = {True: "vast tarief van de regio", False: "eigen tarief van de aanbieder"}


def cost_options(current: Current) -> list[dict]:
    return [_cost_option(price, current) for price in current.prices]


def _cost_option(price: PricedOffer, current: Current) -> dict:
    applied, tariff = price.applied, price.tariff
    region_id = applied.region_id
    profile = current.profiles[(region_id, applied.profile_code)]
    intensity = current.intensities[(region_id, applied.intensity_code)]
    return record(
        {"id": _cost_option_id(price)},
        service_id=service_id(region_id, applied.provider_id),
        valid_from=tariff.valid_from,
        valid_to=tariff.valid_to,
        option=f"{profile.code} {dutch(profile.names)} × {intensity.code} "
        f"{dutch(intensity.names)}, segment {applied.segment}",
        currency=CURRENCY,
        amount=applied.cents / 100,
        amount_description=f"Wat de jeugdregio de aanbieder betaalt, per {applied.unit} "
        f"({PAYER[applied.uniform]})",
    )


def _cost_option_id(price: PricedOffer) -> str:
    applied = price.applied
    return hsds_id(
        "cost_option",
        applied.region_id,
        applied.provider_id,
        applied.segment,
        applied.profile_code,
        applied.intensity_code,
    )


def cost_attributes(current: Current) -> list[dict]:
    """Each cost option's profile, intensity and segment."""
    links = []
    for price in current.prices:
        applied, link = price.applied, _cost_option_id(price)
        region_id = applied.region_id
        links += [
            scheme_attribute("cost_option", link, region_id, PROFILES, applied.profile_code),
            scheme_attribute("cost_option", link, region_id, INTENSITIES, applied.intensity_code),
            attribute("cost_option", link, SEGMENT, contract_term_id(applied.segment)),
        ]
    return links
