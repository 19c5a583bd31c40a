"""Taxonomies and their terms, and the attributes that link records to terms.

Every region has its own scheme of support profiles and intensities (P01 in Amsterdam is
not P01 elsewhere), so each region gets one taxonomy of profiles and one of intensities;
a consumer can never mix two regions' codes up. Segment and role are national words of the
Jeugdwet practice, so they form one taxonomy of our own for all regions. Terms carry the
region's own Dutch names and descriptions; ids come from (region, scheme, code).
"""

from dataclasses import dataclass

from indexer.hsds.current import Current
from indexer.hsds.ids import hsds_id
from indexer.hsds.records import LANGUAGE, dutch, record


@dataclass(frozen=True)
class Scheme:
    """One kind of regional taxonomy: its key, the attribute link_type and its texts."""

    key: str
    link_type: str
    name: str
    description: str


PROFILES = Scheme(
    "profile",
    "support_profile",
    "Ondersteuningsprofielen {region}",
    "De ondersteuningsprofielen van jeugdregio {region}: groepen van hulpvragen waarvoor de "
    "regio jeugdhulp inkoopt. Elke regio heeft haar eigen indeling en codes.",
)
INTENSITIES = Scheme(
    "intensity",
    "intensity",
    "Intensiteiten {region}",
    "De intensiteiten van jeugdregio {region}: hoe lang en hoe zwaar de hulp naar "
    "verwachting is, van licht naar zwaar.",
)
CONTRACT_KEY = "contract"
SEGMENT, ROLE = "segment", "role"  # link types of the contract terms
CONTRACT_TAXONOMY = (
    "Contractvormen jeugdhulp",
    "Hoe een aanbieder voor een jeugdregio werkt: het segment van de hulp, en of de aanbieder "
    "hoofdaannemer of onderaannemer is.",
)
# (code as the import writes it, name, description)
CONTRACT_TERMS = (
    (
        "B",
        "Segment B",
        "Specialistische hulp, meestal bij één probleem. De regio betaalt één vast tarief "
        "per profiel en intensiteit.",
    ),
    (
        "C",
        "Segment C",
        "Zeer specialistische hulp bij meer problemen tegelijk. De regio spreekt met elke "
        "aanbieder een eigen tarief af.",
    ),
    (
        "hoofdaannemer",
        "Hoofdaannemer",
        "De aanbieder heeft het contract met de regio en blijft verantwoordelijk voor de hulp.",
    ),
    (
        "onderaannemer",
        "Onderaannemer",
        "De aanbieder werkt onder een hoofdaannemer. Die blijft verantwoordelijk: één gezin, "
        "één plan.",
    ),
)


def taxonomy_id(region_id: str, scheme: Scheme) -> str:
    return hsds_id("taxonomy", region_id, scheme.key)


def term_id(region_id: str, scheme: Scheme, code: str) -> str:
    return hsds_id("taxonomy_term", region_id, scheme.key, code)


def contract_taxonomy_id() -> str:
    return hsds_id("taxonomy", CONTRACT_KEY)


def contract_term_id(code: str) -> str:
    return hsds_id("taxonomy_term", CONTRACT_KEY, code)


def taxonomies(current: Current) -> list[dict]:
    """Each exported region's profiles and intensities, then the contract taxonomy."""
    named = [
        (
            taxonomy_id(region.id, scheme),
            scheme.name.format(region=region.name),
            scheme.description.format(region=region.name),
        )
        for region in current.regions
        for scheme in (PROFILES, INTENSITIES)
    ]
    named.append((contract_taxonomy_id(), *CONTRACT_TAXONOMY))
    return [record({"id": id_, "name": name, "description": text}) for id_, name, text in named]


def taxonomy_terms(current: Current) -> list[dict]:
    """Every code of each exported region's schemes (held by a provider or not: a taxonomy
    is the region's whole list), then the contract terms."""
    terms = []
    for region in current.regions:
        for scheme, rows in ((PROFILES, current.profiles), (INTENSITIES, current.intensities)):
            terms += [
                _term(
                    term_id(region.id, scheme, row.code),
                    taxonomy_id(region.id, scheme),
                    row.code,
                    dutch(row.names),
                    dutch(row.descriptions),
                )
                for row in _in_order(rows, region.id)
            ]
    return terms + [
        _term(contract_term_id(code), contract_taxonomy_id(), code, name, text)
        for code, name, text in CONTRACT_TERMS
    ]


def _in_order(rows: dict, region_id: str) -> list:
    """A region's profiles by code, its intensities from light to heavy."""
    mine = [row for (region, _), row in rows.items() if region == region_id]
    return sorted(mine, key=lambda row: (getattr(row, "sort_order", 0), row.code))


def _term(term: str, taxonomy: str, code: str, name: str, description: str) -> dict:
    return record(
        {"id": term, "name": name, "description": description},
        code=code,
        taxonomy_id=taxonomy,
        language=LANGUAGE,
    )


def attribute(
    link_entity: str, link_id: str, link_type: str, term: str, value: str | None = None
) -> dict:
    """A link from the `link_entity` record `link_id` to a taxonomy term: at most one per
    record and term, which is what makes (record, term) its natural key."""
    return record(
        {"id": hsds_id("attribute", link_id, term)},
        link_id=link_id,
        link_type=link_type,
        link_entity=link_entity,
        taxonomy_term_id=term,
        value=value,
    )


def scheme_attribute(
    link_entity: str, link_id: str, region_id: str, scheme: Scheme, code: str
) -> dict:
    """A link to the term `code` of the region's profiles or intensities."""
    return attribute(link_entity, link_id, scheme.link_type, term_id(region_id, scheme, code))
