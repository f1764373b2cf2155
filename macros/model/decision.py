"""The arithmetic of the decision aid's pictures: a risk as shaded figures out of 100.

A picture shows the risk's typical value rounded by the guide's one rounding rule
(:func:`macros.model.units.half_up`), so the picture, its text alternative and the words
beside it come from the same number. Only a share (people, children, lengthenings with at
least one event) is drawn: events per 100 can count one person twice, and 100 figures
would then show something the study did not count.

Pure module: no files, no HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.parameters import Parameter
from macros.errors import GuideDataError
from macros.model.units import half_up

FIGURES = 100  # figures in every picture
PER_ROW = 10


@dataclass(frozen=True)
class IconArray:
    """``filled`` of ``FIGURES`` figures shaded, in rows of ``PER_ROW``, filled first."""

    filled: int
    total: int = FIGURES
    per_row: int = PER_ROW

    def cells(self) -> list[tuple[int, int, bool]]:
        """(column, row, shaded) of each figure, shaded ones first, row by row."""
        return [(i % self.per_row, i // self.per_row, i < self.filled) for i in range(self.total)]

    @property
    def rows(self) -> int:
        return -(-self.total // self.per_row)


def icon_array(p: Parameter) -> IconArray:
    """The picture of a risk parameter: its typical value (percent) rounded, halves up."""
    if p.unit != "percent" or p.counted is None or p.counted.measure != "share":
        raise GuideDataError("decision.yml", p.key, "only a share of people can be drawn as figures out of 100")
    filled = half_up(p.typical * FIGURES / 100)
    return IconArray(min(max(filled, 0), FIGURES))
