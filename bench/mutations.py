"""A small mutation run over the functions that carry a promise (issue 23).

Each mutant is one plausible one-line bug in one of the functions listed in :data:`TARGETS`
(journal, front body framing, admission, executors, lean, guard, timebounds, mapping, svg
positions; the inline path was on the list until it was removed); it is run against the
test files that claim to cover that module, and it is *killed* when they fail (or hang past
the bound). The kill rate is the share of
non-equivalent mutants killed; :data:`EQUIVALENT` names the mutants that no test can kill,
each with the reason. Every mutant runs in a throw-away copy of the tree (``git ls-files``),
so the working tree is never touched, even when the run is interrupted.

Operators, applied to the target functions' syntax trees (one change per mutant): a
comparison flipped at its boundary or negated (``>`` ↔ ``>=``, ``==`` ↔ ``!=``, ``in`` ↔
``not in``), ``and`` ↔ ``or``, a ``not`` dropped, ``+`` ↔ ``-`` and ``*`` ↔ ``/``, a
number moved by one (or doubled, for floats), and a statement that is a bare call deleted
(``os.fsync(…)``, ``entries.clear()``). The mutated function is re-printed with
``ast.unparse`` and put in place of the original; nothing else in the file changes.

Why a script of our own and not mutmut or cosmic-ray (measured here, 2026-12-06, on the
shared 2-core machine): both mutate every operator, constant, string and keyword argument
of a whole module - for ``server/http/front.py`` alone mutmut 3.8.1 generated 648 mutants and
cosmic-ray 8.7.0 483 - while the covering test files take 6-50 s each under ``nice`` (most
start real servers): hours per module. (mutmut 3 also switches mutants with trampolines
inside the test process; our servers import the code afresh in subprocesses.) Restricting
the operators to the functions that carry the promise gives 287 mutants over the nine
modules; an evenly spread sample of ``--per-module`` of them (4 by default: 36 mutants)
runs in 10-15 minutes in all here, so it is run a few modules at a time (``--module``,
3-6 minutes each); ``--shift`` picks another evenly spread sample, ``--list`` prints the
mutants (``*``: sampled, ``=``: named equivalent) without running them.

Usage::

    nice -n 10 .venv/bin/python bench/mutations.py [--module NAME] [--per-module N] [--list]

Prints one line per mutant run (killed / SURVIVED, seconds) and the kill rate per module
and overall (named equivalents are left out of the sample and counted apart); ``--record``
appends the table to ``bench/history/runs.md``.
"""

from __future__ import annotations

import argparse
import ast
import copy
import datetime as dt
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Target:
    """A module, the functions in it that carry its promise, and the tests that cover it."""

    name: str
    path: str
    functions: tuple[str, ...]  # qualified names: "Class.method" or "function"
    tests: tuple[str, ...]  # pytest arguments (files, node ids, -k expressions)


TARGETS = (
    Target(
        "journal",
        "server/data/journal.py",
        ("Journal.__init__", "JournalWriter.append", "Journal._read_from_offset"),
        ("tests/reliability/test_fsync.py", "tests/reliability/test_snapshots.py"),
    ),
    Target(
        "front body framing",
        "server/http/front.py",
        ("body_framing", "read_body"),
        ("tests/reliability/test_front.py",),
    ),
    Target(
        "admission",
        "server/execution/admission.py",
        ("Admission._balance", "Admission.record", "Admission._check_client", "Admission.slot"),
        ("tests/reliability/test_executors.py",),
    ),
    Target(
        "executors",
        "server/execution/executors.py",
        ("_serve_one", "ExecutorClient.run"),
        (
            "tests/reliability/test_executors.py",
            "tests/security/test_oversized.py::test_a_long_join_is_stopped_at_the_timeout",
        ),
    ),
    Target(
        "lean",
        "server/http/lean.py",
        ("LeanCache.key", "LeanCache.get", "LeanCache.put"),
        ("tests/server/test_lean.py",),
    ),
    Target(
        "guard",
        "server/checks/guard.py",
        ("resolve_iri", "service_targets", "check_operation"),
        ("tests/server/test_guard.py",),
    ),
    Target(
        "timebounds",
        "kg/timebounds.py",
        ("day_bounds", "fact_bounds", "as_of_bounds"),
        ("tests/test_evidence.py",),
    ),
    Target(
        "mapping",
        "kg/mapping.py",
        ("_article_nodes", "split_fact", "attestation_id"),
        ("tests/test_evidence.py",),
    ),
    Target(
        "svg positions",
        "server/lod/svg.py",
        ("_where",),
        ("tests/server/test_pictures.py",),
    ),
)

# Mutants no test can kill, by their key (the description --list prints, less the line
# number): the reason.
EQUIVALENT: dict[str, str] = {
    "kg/timebounds.py day_bounds: 12 -> 13 #2": (  # the month check, not the year's end
        "month 13 then reaches calendar.monthrange, which raises ValueError (IllegalMonthError) "
        "as dt.date(year, 13, 1) does without the mutant: the same refusal, other words"
    ),
    "server/execution/executors.py _serve_one: 10.0 -> 20.0": (
        "the time an executor waits for the job after the front connected; the front sends "
        "it in the same breath (ExecutorClient.run: connect, then send_message)"
    ),
    "server/execution/admission.py Admission.slot: place is not None and "
    "self._waiters[place] == pid -> place is not None or self._waiters[place] == pid": (
        "on that path place is never None (no place raised 503 before) and the place is "
        "this live process's own (_claim takes over only places of dead processes), so "
        "the second test is always true"
    ),
    "server/http/front.py read_body: remaining <= 0 -> remaining < 0": (
        "differs only when the float time left is exactly 0, and then wait_for(..., 0) "
        "times out: the same 408"
    ),
    "server/http/lean.py LeanCache.key: method not in ('GET', 'HEAD') or "
    "scope.get('path') != LEAN_PATH -> method not in ('GET', 'HEAD') and "
    "scope.get('path') != LEAN_PATH": (
        "a key for other requests is harmless: put() keeps only 200/304 answers with an "
        "ETag, which only GET/HEAD /sparql queries carry (measured: a bodiless POST "
        "/sparql?query= is 415, /search?q= has no ETag; requests with a body never reach "
        "the lean path)"
    ),
    "kg/timebounds.py day_bounds: 0 -> 1 #5": (  # the day for an out-of-range month
        "the day used when the month is out of range; dt.date(year, month, ...) then "
        "raises ValueError for that month whatever the day"
    ),
    "server/execution/executors.py _serve_one: 0 -> 1": (
        "the timer is re-armed for 1 s on the MemoryError path, but that path returns 3 "
        "and the process calls os._exit at once: the timer never fires"
    ),
    "server/execution/executors.py _serve_one: signal.setitimer(signal.ITIMER_REAL, 0) -> pass": (
        "the timer left armed on the MemoryError path, which returns 3 and the process "
        "calls os._exit at once: the timer never fires"
    ),
    "server/execution/executors.py ExecutorClient.run: 0.05 -> 0.1": (
        "the fallback when the supervisor wrote no reason within _read_reason's 2 s; it "
        "always writes one (exit-<pid>) for an executor killed by its timer"
    ),
    "server/execution/executors.py ExecutorClient.run: "
    "ran >= job.timeout - 0.05 -> ran > job.timeout - 0.05": (
        "float equality, and only in the fallback when the supervisor wrote no reason"
    ),
    "server/execution/executors.py ExecutorClient.run: 10.0 -> 20.0": (
        "the time allowed for an executor to accept and send its pid; admission lets "
        "through only as many operations as there are idle executors, which accept in "
        "milliseconds: only an executor stalled for over 10 s before accepting would tell"
    ),
    "server/execution/executors.py ExecutorClient.run: now > deadline -> now >= deadline": (
        "the two differ only when a monotonic float reading equals the deadline exactly"
    ),
    "server/execution/executors.py ExecutorClient.run: job.timeout - 0.05 -> job.timeout + 0.05": (
        "the fallback when the supervisor wrote no reason within _read_reason's 2 s; it "
        "always writes one (exit-<pid>) for an executor killed by its timer"
    ),
}

SWAPS: dict[type, type] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.And: ast.Or, ast.Or: ast.And,
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult,
}  # fmt: skip


@dataclass(frozen=True)
class Mutant:
    target: Target
    function: str
    line: int  # in the original file
    before: str
    after: str
    source: str  # the whole mutated file
    nth: int = 1  # the same change again on the same line (another operand)

    @property
    def key(self) -> str:
        """Names the mutant in :data:`EQUIVALENT`: no line number, so edits elsewhere in
        the file do not make an entry stale (``#n``: the n-th such change in the function)."""
        again = f" #{self.nth}" if self.nth > 1 else ""
        return f"{self.target.path} {self.function}: {self.before} -> {self.after}{again}"

    @property
    def description(self) -> str:
        return self.key.replace(" ", f":{self.line} ", 1)


def _find(tree: ast.Module, qualname: str) -> ast.FunctionDef | ast.AsyncFunctionDef:
    scope: list[ast.stmt] = tree.body
    *classes, name = qualname.split(".")
    for cls in classes:
        scope = next(n for n in scope if isinstance(n, ast.ClassDef) and n.name == cls).body
    for node in scope:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name:
            return node
    raise LookupError(f"no function {qualname}")


def _sites(function: ast.AST) -> Iterator[tuple[ast.AST, str]]:
    """(node, kind) of every place an operator applies, in source order."""
    body = getattr(function, "body", [])
    docstring = body[0] if body and isinstance(body[0], ast.Expr) and isinstance(
        body[0].value, ast.Constant) else None  # fmt: skip
    nodes = [n for n in ast.walk(function) if n is not function and n is not docstring]
    nodes.sort(key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0)))
    for node in nodes:
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in SWAPS:
                    yield node, f"compare:{i}"
        elif isinstance(node, ast.BoolOp | ast.BinOp) and type(node.op) in SWAPS:
            yield node, "op"
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node, "not"
        elif (
            isinstance(node, ast.Constant)
            and type(node.value) in (int, float)
            and not isinstance(node.value, bool)
        ):
            yield node, "number"
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            yield node, "delete"


def _apply(node: ast.AST, kind: str) -> ast.AST:
    """The mutated copy of ``node`` (an expression), or ``ast.Pass`` for a deleted call."""
    new = copy.deepcopy(node)
    if kind.startswith("compare:"):
        i = int(kind.split(":")[1])
        assert isinstance(new, ast.Compare)
        new.ops[i] = SWAPS[type(new.ops[i])]()
    elif kind == "op":
        assert isinstance(new, ast.BoolOp | ast.BinOp)
        new.op = SWAPS[type(new.op)]()
    elif kind == "not":
        assert isinstance(new, ast.UnaryOp)
        return new.operand
    elif kind == "number":
        assert isinstance(new, ast.Constant)
        new.value = new.value + 1 if isinstance(new.value, int) else new.value * 2
    elif kind == "delete":
        return ast.Pass()
    return new


class _Replace(ast.NodeTransformer):
    def __init__(self, old: ast.AST, new: ast.AST) -> None:
        self.old, self.new = old, new

    def visit(self, node: ast.AST) -> ast.AST:
        return self.new if node is self.old else super().visit(node)


def mutants(target: Target) -> list[Mutant]:
    """Every mutant of the target's functions, in source order."""
    text = (ROOT / target.path).read_text()
    lines = text.splitlines(keepends=True)
    out = []
    for qualname in target.functions:
        count = len(list(_sites(_find(ast.parse(text), qualname))))
        for k in range(count):
            function = _find(ast.parse(text), qualname)  # a fresh tree for each mutant
            node, kind = list(_sites(function))[k]
            new = _apply(node, kind)
            before, after = _short(node), "pass" if kind == "delete" else _short(new)
            line = getattr(node, "lineno", 0)
            first = min([function.lineno, *(d.lineno for d in function.decorator_list)])
            last = function.end_lineno or function.lineno
            mutated = ast.fix_missing_locations(_Replace(node, new).visit(function))
            indent = " " * function.col_offset
            body = "".join(indent + row + "\n" for row in ast.unparse(mutated).splitlines())
            source = "".join(lines[: first - 1]) + body + "".join(lines[last:])
            same = (qualname, before, after)
            seen = [m for m in out if (m.function, m.before, m.after) == same]
            out.append(Mutant(target, qualname, line, before, after, source, len(seen) + 1))
    return out


def _short(node: ast.AST) -> str:
    text = ast.unparse(node).replace("\n", " ")
    return text if len(text) <= 70 else text[:67] + "..."


def sample(found: list[Mutant], count: int, shift: float = 0.5) -> list[Mutant]:
    """``count`` mutants spread evenly over the list (every one if there are fewer), each
    ``shift`` (0 to 1) of the way into its stretch."""
    if count <= 0 or len(found) <= count:
        return found
    step = len(found) / count
    return [found[int((i + shift) * step)] for i in range(count)]


def _copy_tree(into: Path) -> None:
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout.decode().split("\0")  # fmt: skip
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            target = into / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def _pytest(
    tree: Path, tests: tuple[str, ...], timeout: float, *, first_failure: bool = True
) -> tuple[bool, float, list[str]]:
    """Whether the tests passed in ``tree``, how long they took (a hang is a failure) and
    the node ids of those that failed."""
    started = time.monotonic()
    stop = ["-x"] if first_failure else []
    command = [sys.executable, "-m", "pytest", *stop, "-q", "-rf", "-p", "no:cacheprovider"]
    process = subprocess.Popen(
        [*command, *tests], cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True, env={**os.environ, "COLUMNS": "1000"},  # whole test ids
    )  # fmt: skip
    try:
        out, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        # A hang is a kill. SIGINT first: pytest then runs its fixtures' teardown, which
        # stops the servers they started in sessions of their own (SIGKILL would orphan
        # them: seen in the first runs); SIGKILL to the group if that does not end it.
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
        return False, time.monotonic() - started, []
    failed = [  # "FAILED tests/x.py::name[a parameter] - message": the id may hold spaces
        line.split(" ", 1)[1].split(" - ", 1)[0]
        for line in out.decode(errors="replace").splitlines()
        if line.startswith(("FAILED ", "ERROR "))
    ]
    return process.returncode == 0, time.monotonic() - started, failed


def chosen(target: Target, per_module: int, shift: float) -> tuple[list[Mutant], list[Mutant]]:
    """(the named equivalents of the target, the sample drawn from its other mutants)."""
    found = mutants(target)
    known = [m for m in found if m.key in EQUIVALENT]
    pool = [m for m in found if m.key not in EQUIVALENT]
    return known, sample(pool, per_module, shift)


Result = tuple[Mutant, str, float]  # (mutant, "killed" | "SURVIVED", seconds)


def run(
    targets: list[Target], per_module: int, shift: float
) -> tuple[list[Result], dict[str, tuple[int, int]]]:
    """The verdicts, and per module (mutants, named equivalents) as at the start."""
    results: list[Result] = []
    counts = {}
    for target in targets:
        found = mutants(target)
        counts[target.name] = (len(found), sum(m.key in EQUIVALENT for m in found))
    with tempfile.TemporaryDirectory(prefix="seckg-mutants-") as tmp:
        tree = Path(tmp)
        _copy_tree(tree)
        for target in targets:
            original = (tree / target.path).read_text()
            passed, baseline, failing = _pytest(
                tree, target.tests, timeout=600, first_failure=False
            )
            # Tests that fail without a mutant (someone's work in progress) cannot judge one:
            # they are left out, and named.
            tests = (*target.tests, *(f"--deselect={node}" for node in failing))
            for node in failing:
                print(f"# {target.name}: fails unmutated, left out: {node}", flush=True)
            if failing:  # the rest must pass, or every mutant would look killed
                passed, baseline, _ = _pytest(tree, tests, timeout=600)
            if not passed:
                raise SystemExit(f"{target.name}: the covering tests fail without a mutant")
            print(f"# {target.name}: tests run unmutated in {baseline:.0f} s", flush=True)
            for mutant in chosen(target, per_module, shift)[1]:
                (tree / target.path).write_text(mutant.source)
                try:
                    passed, seconds, _ = _pytest(tree, tests, timeout=3 * baseline + 30)
                finally:
                    (tree / target.path).write_text(original)
                verdict = "SURVIVED" if passed else "killed"
                results.append((mutant, verdict, seconds))
                print(f"{verdict:<10}  {mutant.description}  ({seconds:.0f} s)", flush=True)
    return results, counts


def summary(
    targets: list[Target], results: list[Result], counts: dict[str, tuple[int, int]]
) -> list[str]:
    """The table: per module, its mutants, those named equivalent (never run), the sample
    run from the others, and how many of those the tests killed."""
    lines = ["| module | mutants | named equivalent | run | killed | survived | kill rate |",
             "|---|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
    total = [0, 0, 0, 0]
    for target in targets:
        verdicts = [v for m, v, _ in results if m.target is target]
        row = [*counts[target.name], len(verdicts), verdicts.count("killed")]
        total = [t + r for t, r in zip(total, row, strict=True)]
        lines.append(_row(target.name, row))
    lines.append(_row("**all**", total))
    survivors = [m.description for m, v, _ in results if v == "SURVIVED"]
    return lines + ([""] + [f"- survived: `{s}`" for s in survivors] if survivors else [])


def _row(name: str, row: list[int]) -> str:
    size, equivalent, ran, killed = row
    rate = f"{100 * killed / ran:.0f} %" if ran else "-"
    return f"| {name} | {size} | {equivalent} | {ran} | {killed} | {ran - killed} | {rate} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", action="append", help="a target's name (repeatable)")
    parser.add_argument("--per-module", type=int, default=4, help="0: every mutant")
    parser.add_argument("--shift", type=float, default=0.5, help="another sample: 0 to 1")
    parser.add_argument("--list", action="store_true", help="print the mutants, run nothing")
    parser.add_argument("--record", action="store_true", help="append to bench/history/runs.md")
    args = parser.parse_args()
    targets = [t for t in TARGETS if not args.module or t.name in args.module]
    if not targets:
        raise SystemExit(f"no such module; known: {', '.join(t.name for t in TARGETS)}")
    stale = set(EQUIVALENT) - {m.key for t in TARGETS for m in mutants(t)}
    for key in sorted(stale):
        print(f"note: no such mutant now (the code changed?): {key}", file=sys.stderr)
    if args.list:
        for target in targets:
            known, picked = chosen(target, args.per_module, args.shift)
            marks = {m.key: "* " for m in picked} | {m.key: "= " for m in known}
            for mutant in mutants(target):
                print(marks.get(mutant.key, "  ") + mutant.description)
        return
    started = time.monotonic()
    commit = subprocess.run(  # the code the copy is made of (uncommitted edits aside)
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    results, counts = run(targets, args.per_module, args.shift)
    table = summary(targets, results, counts)
    print("\n".join(table))
    print(f"{time.monotonic() - started:.0f} s")
    if args.record:
        command = "nice -n 10 .venv/bin/python bench/mutations.py " + shlex.join(sys.argv[1:])
        when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        with open(ROOT / "bench/history/runs.md", "a") as fh:
            fh.write(
                f"\n## mutations, {when}, `{commit}`\n\n`{command}` "
                f"({time.monotonic() - started:.0f} s)\n\n" + "\n".join(table) + "\n"
            )


if __name__ == "__main__":
    main()
