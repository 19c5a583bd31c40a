"""One record with the records linked to it nested inside, as HSDS's API serves an object.

The export writes flat records that name each other by id (export); HSDS's reference API
answers `/services/{id}` with the "fully nested" service instead: its organization,
locations, areas, languages, cost options and attributes inside it, each attribute with its
taxonomy term. Nesting is done here from the export's own records, so an API answer and an
export file can never disagree: every nested object is the export's record unchanged (ids
and links included, which HSDS allows), with only its children added. Lists of children
the store can fill are always present, [] when there are none; kinds of HSDS objects the
store never holds (schedules, contacts, funding) are left out, as in the flat records.
"""

from collections import defaultdict

# Reference fields by which a record names its parent (attribute.link_id: any record).
PARENT_FIELDS = ("organization_id", "service_id", "location_id", "taxonomy_id", "link_id")


class Linked:
    """The records of one export, findable by id and by the parent they name."""

    def __init__(self, records: dict[str, list[dict]]) -> None:
        self.records = records
        self._by_id = {name: {row["id"]: row for row in rows} for name, rows in records.items()}
        self._children: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        for name, rows in records.items():
            for row in rows:
                for field in PARENT_FIELDS:
                    if field in row:
                        self._children[(name, field, row[field])].append(row)
        self._nest = {
            "organization": self._organization_with_services,
            "service": self._service,
            "location": self._location,
            "service_at_location": self._service_at_location,
            "taxonomy": dict,
            "taxonomy_term": self._term,
        }

    def nested(self, name: str, record_id: str) -> dict | None:
        """The `name` record `record_id` with what links to it; None when there is none."""
        row = self._by_id[name].get(record_id)
        return None if row is None else self._nest[name](row)

    def _of(self, name: str, field: str, parent_id: str) -> list[dict]:
        """The `name` records whose `field` names `parent_id`."""
        return self._children.get((name, field, parent_id), [])

    def _one(self, name: str, row: dict) -> dict:
        """The `name` record that `row` names in its `<name>_id`."""
        return self._by_id[name][row[f"{name}_id"]]

    def _service(self, service: dict) -> dict:
        sid = service["id"]
        return service | {
            "organization": self._organization(self._one("organization", service)),
            "service_areas": self._of("service_area", "service_id", sid),
            "service_at_locations": [
                self._service_at_location(row)
                for row in self._of("service_at_location", "service_id", sid)
            ],
            "languages": self._of("language", "service_id", sid),
            "cost_options": [
                option | {"attributes": self._attributes(option["id"])}
                for option in self._of("cost_option", "service_id", sid)
            ],
            "attributes": self._attributes(sid),
        }

    def _organization(self, organization: dict) -> dict:
        oid = organization["id"]
        return organization | {
            "organization_identifiers": self._of("organization_identifier", "organization_id", oid),
            "phones": self._of("phone", "organization_id", oid),
            "locations": [
                self._location(row) for row in self._of("location", "organization_id", oid)
            ],
        }

    def _organization_with_services(self, organization: dict) -> dict:
        """HSDS's organization by id: nested, with its services' own fields only."""
        services = self._of("service", "organization_id", organization["id"])
        return self._organization(organization) | {"services": services}

    def _location(self, location: dict) -> dict:
        return location | {"addresses": self._of("address", "location_id", location["id"])}

    def _service_at_location(self, row: dict) -> dict:
        return row | {"location": self._location(self._one("location", row))}

    def _attributes(self, link_id: str) -> list[dict]:
        return [
            link | {"taxonomy_term": self._term(self._one("taxonomy_term", link))}
            for link in self._of("attribute", "link_id", link_id)
        ]

    def _term(self, term: dict) -> dict:
        return term | {"taxonomy_detail": self._one("taxonomy", term)}
