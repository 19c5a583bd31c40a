"""The directory as Open Referral HSDS 3.0 records (DESIGN.md §12; docs/hsds-profile.md).

    records = export_records(session, date.today())   # {"service": [...], ...}
    write_files(records, Path("out"))                 # out/service.json, ...

Other directories (a municipality's social map, a national guide) can then take our
providers over in a standard they already read, and take them over again tomorrow: ids are
derived from the store's keys (ids), so a second export names the same things alike.
What is published is only what is current on the export day (current), from the facts
the store holds, in flat records per HSDS object (organizations, services, ...); the
`indexer export hsds` command (command) writes them, and the API nests them by id as HSDS's
own API serves an object (nested).
"""

from indexer.hsds.command import register_export_command
from indexer.hsds.current import UnknownRegion
from indexer.hsds.export import BUILDERS, export_records, write_files
from indexer.hsds.nested import Linked

__all__ = [
    "BUILDERS",
    "Linked",
    "UnknownRegion",
    "export_records",
    "register_export_command",
    "write_files",
]
