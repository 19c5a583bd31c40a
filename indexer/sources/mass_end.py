"""The guard against an import that would end a region's contracts en masse.

A contract missing from a region's contracts file is ended the day before the import
(sync._remove): right for the odd contract that stopped, a disaster for a file that was
cut off, exported from the wrong sheet or saved with its header only. Families in the
region would stop finding help the next morning. So an import that would end (or, for a
contract starting today, remove) more than a fifth of a region's current contracts, or all
of them, is refused with the list, unless the person loading says it is intended. Every
import path (`indexer load`, a web import) asks this module, so they refuse alike.
"""

from collections import defaultdict
from datetime import date
from fractions import Fraction

from sqlalchemy import func, or_, select
from sqlmodel import Session

from indexer.models import Contract
from indexer.sources.report import Problem
from indexer.sources.sync import Plan, Record

MASS_END_SHARE = Fraction(1, 5)  # ending more than this share of current contracts is refused


def mass_end_problems(session: Session, plan: Plan, filename: str, today: date) -> list[Problem]:
    """For each region losing too many current contracts: why the import is refused and
    how to proceed, then one line per contract it would end, in the report's order."""
    lost: dict[str, list[Record]] = defaultdict(list)
    for old in [old for old, _ in plan.ends] + plan.deletes:
        if old["valid_from"] <= today and (old["valid_to"] is None or old["valid_to"] >= today):
            lost[old["region_id"]].append(old)
    current = _current_counts(session, set(lost), today) if lost else {}
    problems = []
    for region, contracts in sorted(lost.items()):
        total = current[region]
        if len(contracts) < total and len(contracts) <= total * MASS_END_SHARE:
            continue
        problems.append(Problem(filename, 0, "region_id", region, _refusal(len(contracts), total)))
        problems += [
            Problem(filename, 0, "region_id", region, f"would lose its contract with {_what(c)}")
            for c in sorted(contracts, key=_what)
        ]
    return problems


def _current_counts(session: Session, regions: set[str], today: date) -> dict[str, int]:
    query = (
        select(Contract.region_id, func.count())
        .where(Contract.region_id.in_(regions), Contract.valid_from <= today)
        .where(or_(Contract.valid_to.is_(None), Contract.valid_to >= today))
        .group_by(Contract.region_id)
    )
    return dict(session.execute(query).all())


def _refusal(ending: int, total: int) -> str:
    """Starts with the count, so it sorts before the region's contract lines."""
    share = "all of them" if ending == total else f"more than {float(MASS_END_SHARE):.0%}"
    return (
        f"would lose {ending} of its {total} current contracts ({share}): check that the "
        "file is complete; if these contracts really end, load again with --allow-mass-end"
    )


def _what(contract: Record) -> str:
    return (
        f"{contract['provider_id']}: segment {contract['segment']}, profile "
        f"{contract['profile_code']}, intensity {contract['intensity_code']}"
    )
