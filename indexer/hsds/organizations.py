"""Providers as HSDS organizations, with their registry numbers and phone.

Only what a provider publishes as an organisation: name, description, its public website,
e-mail address and phone, and its KvK and AGB numbers (public registers). The phone belongs
to the organization, recorded once, not repeated for each region it works in.
"""

from indexer.hsds.current import Current
from indexer.hsds.ids import hsds_id, organization_id
from indexer.hsds.records import dutch, record

# (provider field, org-id.guide scheme or None where it lists none, what the number is)
IDENTIFIERS = (
    ("kvk", "NL-KVK", "KvK-nummer"),
    ("agb", None, "AGB-code"),
)


def organizations(current: Current) -> list[dict]:
    return [
        record(
            {
                "id": organization_id(provider.id),
                "name": provider.name,
                "description": dutch(provider.descriptions),
            },
            email=provider.email,
            website=provider.website,
        )
        for provider in current.providers
    ]


def organization_identifiers(current: Current) -> list[dict]:
    return [
        record(
            {
                "id": hsds_id("organization_identifier", provider.id, field),
                "identifier_type": kind,
                "identifier": getattr(provider, field),
            },
            organization_id=organization_id(provider.id),
            identifier_scheme=scheme,
        )
        for provider in current.providers
        for field, scheme, kind in IDENTIFIERS
        if getattr(provider, field)
    ]


def phones(current: Current) -> list[dict]:
    return [
        record(
            {"id": hsds_id("phone", provider.id), "number": provider.phone},
            organization_id=organization_id(provider.id),
            type="voice",
        )
        for provider in current.providers
        if provider.phone
    ]
