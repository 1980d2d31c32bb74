"""Small-cell suppression for published tables (open data for other municipalities).

A table of household counts is published with its row totals, column totals and grand total.
No published number may count fewer than `threshold` households (primary suppression), and no
suppressed number may be recomputed from what is published (secondary suppression): in a table
with totals, a suppressed cell is recomputable exactly when it is fixed by the additive
relations of its rows and columns — for instance when it is the only suppressed cell of a row
whose total is published, but also through a chain of rows and columns.

`suppress` marks the primary cells, then while some suppressed number is still determined by
the published ones, suppresses one more: the smallest published cell in a row or column of
that number. Whether a number is determined is decided exactly, not by a rule of thumb: in a two-way
table with its margins a withheld number is fixed by the published ones exactly when it lies on
no cycle of withheld numbers (a bridge of the row–column graph, `_determined`), which the tests
check against plain rational Gaussian elimination. Linear per step, so a year of categories ×
months takes milliseconds. A consequence: every row and column (totals included) holds either
no withheld number or at least two.

Pure Python, no Django import; tests/reports/test_suppression.py checks it with hypothesis."""

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

#: Never publish a count below this, whatever the setting says.
MINIMUM_THRESHOLD = 5
DEFAULT_THRESHOLD = 10

Cell = tuple[int, int]  # (row, column); row == rows means the total row, likewise columns


@dataclass(frozen=True)
class Suppressed:
    """The table with its margins: `values[r][c]` for r ≤ rows, c ≤ columns (the last row and
    column are the totals), and the positions that must not be published."""

    values: tuple[tuple[int, ...], ...]
    hidden: frozenset[Cell]

    def shown(self, row: int, column: int) -> int | None:
        return None if (row, column) in self.hidden else self.values[row][column]


def check_threshold(threshold: int) -> int:
    if threshold < MINIMUM_THRESHOLD:
        raise ValueError(f"threshold {threshold} is below the minimum {MINIMUM_THRESHOLD}")
    return threshold


def with_margins(counts: Sequence[Sequence[int]]) -> tuple[tuple[int, ...], ...]:
    """The counts with a total per row (last column), per column (last row) and the grand
    total (bottom right)."""
    rows = [tuple(row) + (sum(row),) for row in counts]
    width = len(rows[0]) if rows else 1
    totals = tuple(sum(row[c] for row in rows) for c in range(width))
    return tuple(rows) + (totals,)


def suppress(counts: Sequence[Sequence[int]], threshold: int = DEFAULT_THRESHOLD) -> Suppressed:
    """Which numbers of the table (with margins) to withhold. Counts are non-negative
    integers; every row has the same length. A zero is withheld too: it counts fewer
    households than the threshold."""
    check_threshold(threshold)
    if any(len(row) != len(counts[0]) for row in counts):
        raise ValueError("rows differ in length")
    if any(value < 0 for row in counts for value in row):
        raise ValueError("a count is negative")
    values = with_margins(counts)
    if not counts or not counts[0]:
        return Suppressed(values, frozenset())
    height, width = len(values), len(values[0])
    hidden = {(r, c) for r in range(height) for c in range(width) if values[r][c] < threshold}
    while True:
        determined = _determined(hidden, height, width)
        if not determined:
            return Suppressed(values, frozenset(hidden))
        # Mend first where a number is alone in its row or column: the others follow from it.
        determined.sort(key=lambda cell: not _alone(cell, hidden, height, width))
        extra = _complement(determined[0], hidden, values)
        if extra is None:
            # Nothing left to hide in its lines (it does not happen with totals on both
            # sides): publish nothing rather than a recomputable number.
            return Suppressed(
                values, frozenset((r, c) for r in range(height) for c in range(width))
            )
        hidden.add(extra)


def _alone(cell: Cell, hidden: set[Cell], height: int, width: int) -> bool:
    row, column = cell
    return (
        sum((row, c) in hidden for c in range(width)) == 1
        or sum((r, column) in hidden for r in range(height)) == 1
    )


def _complement(cell: Cell, hidden: set[Cell], values) -> Cell | None:
    """One more number to withhold for a determined `cell`: in a row or column where it is the
    only withheld number (else in either), preferring a number whose other line already has
    a withheld one (that closes a rectangle, so fewer numbers go), then the smallest."""
    row, column = cell
    height, width = len(values), len(values[0])
    row_line = [(row, c) for c in range(width)]
    column_line = [(r, column) for r in range(height)]
    alone = [line for line in (row_line, column_line) if sum(c in hidden for c in line) == 1]
    candidates = [c for line in (alone or [row_line, column_line]) for c in line]
    candidates = [c for c in candidates if c not in hidden]
    if not candidates:
        return None

    def closes(candidate: Cell) -> bool:
        r, c = candidate
        other = [(x, c) for x in range(height)] if r == row else [(r, y) for y in range(width)]
        return any(o in hidden for o in other)

    return min(candidates, key=lambda c: (not closes(c), values[c[0]][c[1]], c))


def _relations(height: int, width: int) -> list[dict[Cell, int]]:
    """Each row's cells sum to its total, each column's cells to its total (the margins
    included: the total row sums to the grand total, and so on)."""
    relations = []
    for r in range(height):
        relation = {(r, c): 1 for c in range(width - 1)}
        relation[(r, width - 1)] = -1
        relations.append(relation)
    for c in range(width):
        relation = {(r, c): 1 for r in range(height - 1)}
        relation[(height - 1, c)] = -1
        relations.append(relation)
    return relations


def _determined(hidden: set[Cell], height: int, width: int) -> list[Cell]:
    """The hidden cells whose value follows from the published ones.

    Flip the sign of the total row and the total column: then every row and every column of
    the table (margins included) sums to zero. The hidden cells are the edges of a bipartite
    graph between rows and columns; a way to change hidden numbers while keeping every sum is
    a signed cycle of that graph (+, -, +, - around it), and the cycles span all such ways. So
    a hidden cell is fixed by what is published exactly when its edge lies on no cycle: when
    it is a bridge. Linear in the size of the table (`_determined_by_rank` is the slow, plain
    algebra the tests compare it with)."""
    adjacency: dict[tuple[str, int], list[tuple[tuple[str, int], Cell]]] = {}
    for cell in hidden:
        row, column = ("r", cell[0]), ("c", cell[1])
        adjacency.setdefault(row, []).append((column, cell))
        adjacency.setdefault(column, []).append((row, cell))
    order: dict = {}
    low: dict = {}
    bridges: list[Cell] = []
    counter = 0
    for root in sorted(adjacency):
        if root in order:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack = [(root, None, iter(adjacency[root]))]
        while stack:
            node, via, edges = stack[-1]
            advanced = False
            for neighbour, cell in edges:
                if cell == via:
                    continue
                if neighbour in order:
                    low[node] = min(low[node], order[neighbour])
                else:
                    order[neighbour] = low[neighbour] = counter
                    counter += 1
                    stack.append((neighbour, cell, iter(adjacency[neighbour])))
                    advanced = True
                    break
            if advanced:
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
                if low[node] > order[parent]:
                    bridges.append(via)
    return sorted(bridges)


def _determined_by_rank(hidden: set[Cell], height: int, width: int) -> list[Cell]:
    """The same as `_determined`, by rational Gaussian elimination: cell i is determined when
    the unit vector e_i lies in the row space of the relations restricted to the hidden cells,
    i.e. when dropping its column lowers the rank. Slow (a rank per cell); kept for the tests."""
    order = sorted(hidden)
    if not order:
        return []
    index = {cell: i for i, cell in enumerate(order)}
    matrix = [
        [Fraction(relation.get(cell, 0)) for cell in order]
        for relation in _relations(height, width)
        if any(cell in index for cell in relation)
    ]
    full = _rank(matrix)
    return [
        cell
        for i, cell in enumerate(order)
        if _rank([row[:i] + row[i + 1 :] for row in matrix]) < full
    ]


def _rank(matrix: list[list[Fraction]]) -> int:
    rows = [list(row) for row in matrix if any(row)]
    if not rows:
        return 0
    rank, columns = 0, len(rows[0])
    for column in range(columns):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][column] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        lead = rows[rank][column]
        for r in range(len(rows)):
            if r != rank and rows[r][column] != 0:
                factor = rows[r][column] / lead
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        rank += 1
        if rank == len(rows):
            break
    return rank
