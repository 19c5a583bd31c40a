"""Which outcome figures may be shown, sorted on and badged (DESIGN.md §5).

Only a provider's figures over its whole offer in the region are used for search (rows with
no profile and no intensity), from the most recent period. A figure whose count is below the
region's minimum is withheld ("too few to say"): the count stays, the figure becomes None.
"""

from collections.abc import Sequence
from datetime import date

from indexer.models import Outcome

PERIOD_ENDS = {"": (12, 31), "H1": (6, 30), "H2": (12, 31)}
PERIOD_ENDS |= {"Q1": (3, 31), "Q2": (6, 30), "Q3": (9, 30), "Q4": (12, 31)}


# The document fields of a provider without published outcomes in a region.
NO_FIGURES = {
    "outcome_period": None,
    "closed_trajectories": None,
    "goal_attainment_pct": None,
    "dropout_pct": None,
    "satisfaction_youth": None,
    "satisfaction_youth_n": None,
    "satisfaction_parents": None,
    "satisfaction_parents_n": None,
    "has_outcomes": False,
}


def period_end(period: str) -> date:
    year, _, part = period.partition("-")
    month, day = PERIOD_ENDS[part]
    return date(int(year), month, day)


def _span(period: str) -> int:
    """Longer periods win a tie on end date: a year says more than its last half."""
    return {"": 3, "H1": 2, "H2": 2}.get(period.partition("-")[2], 1)


def period_order(period: str) -> tuple[date, int]:
    """Sorts periods from old to new: by end date, a longer period after a shorter one
    ending on the same day."""
    return period_end(period), _span(period)


def latest(outcomes: Sequence[Outcome]) -> Outcome | None:
    """The provider-wide row (no profile, no intensity) of the newest period: rows of the
    store or plain rows with the same names."""
    overall = [o for o in outcomes if not o.profile_code and not o.intensity_code]
    return max(overall, key=lambda o: period_order(o.period), default=None)


def published_figures(outcomes: list[Outcome], min_count: int) -> dict:
    """The search-document fields for a provider's outcomes in one region."""
    outcome = latest(outcomes)
    if outcome is None:
        return dict(NO_FIGURES)
    enough = (outcome.closed_trajectories or 0) >= min_count
    youth = (outcome.satisfaction_youth_n or 0) >= min_count
    parents = (outcome.satisfaction_parents_n or 0) >= min_count
    figures = {
        "outcome_period": outcome.period,
        "closed_trajectories": outcome.closed_trajectories,
        "goal_attainment_pct": outcome.goal_attainment_pct if enough else None,
        "dropout_pct": outcome.dropout_pct if enough else None,
        "satisfaction_youth": outcome.satisfaction_youth if youth else None,
        "satisfaction_youth_n": outcome.satisfaction_youth_n,
        "satisfaction_parents": outcome.satisfaction_parents if parents else None,
        "satisfaction_parents_n": outcome.satisfaction_parents_n,
    }
    figures["has_outcomes"] = any(
        figures[name] is not None
        for name in (
            "goal_attainment_pct",
            "dropout_pct",
            "satisfaction_youth",
            "satisfaction_parents",
        )
    )
    return figures
