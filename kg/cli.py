"""The ``kg`` command: a thin layer over the pipeline's pure functions.

Every input problem ends as one clear line on stderr and a non-zero exit, never a traceback
(set ``KG_DEBUG=1`` to see one for a genuine bug).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kg import __version__, config
from kg.errors import KgError

EXIT_INVALID = 1
EXIT_ERROR = 2


def _paths(args: argparse.Namespace) -> config.Paths:
    defaults = config.Paths()
    return config.Paths(
        seeds=Path(args.seeds) if getattr(args, "seeds", None) else defaults.seeds,
        dist=Path(args.dist) if getattr(args, "dist", None) else defaults.dist,
    )


def _print_violations(violations: Sequence[object]) -> None:
    for violation in violations:
        print(f"  {violation}", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from kg.build import ValidationFailed, build

    def say(message: str) -> None:
        if not args.quiet:
            print(message)

    try:
        result = build(_paths(args), progress=say, reasoner=args.reasoner, validator=args.validator)
    except ValidationFailed as failed:
        print(f"build failed: {failed}; dist/ left unchanged", file=sys.stderr)
        _print_violations(failed.violations)
        return EXIT_INVALID
    if not args.quiet:
        _print_summary(result.summary)
        print("time per stage: " + ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items()))
        print(f"wrote {_paths(args).dist}/ (version {result.version})")
    return 0


def _print_summary(summary: dict) -> None:
    print(
        f"asserted triples: {summary['asserted_triples']}, "
        f"inferred: {summary['inferred_triples']}, ontology: {summary['ontology_triples']}"
    )
    print("facts per article:")
    for article, counts in summary["articles"].items():
        print(
            f"  {article.rsplit('/', 1)[-1]}: {counts['facts']} facts, {counts['triples']} triples"
        )
    print("instances per class (asserted types):")
    for cls, count in summary["classes"].items():
        print(f"  {cls.rsplit('#', 1)[-1].rsplit('/', 1)[-1]}: {count}")


def cmd_validate(args: argparse.Namespace) -> int:
    if args.file:
        return _validate_file(args)
    from kg.build import check, load

    loaded = load(_paths(args))
    violations = check(loaded, args.validator)
    if violations:
        print(f"{len(violations)} SHACL violation(s):", file=sys.stderr)
        _print_violations(violations)
        return EXIT_INVALID
    print(f"OK: {loaded.asserted_size()} asserted triples conform to the shapes")
    _print_warnings(_warnings(loaded, _paths(args), args.texts))
    return 0


def _print_warnings(found: list[Any]) -> None:
    """Judgement calls for a reviewer, in one order: never a failure."""
    for warning in sorted(found, key=lambda w: (w.check, str(w.where), w.fact, w.why)):
        print(warning)
    if found:
        print(f"{len(found)} warning(s) for a reviewer (not errors)")


def _warnings(loaded: Any, paths: config.Paths, texts: str | None) -> list[Any]:
    """The reviewer's warnings (kg.audit, kg.audit_blocks; kg.audit_texts with --texts)."""
    from kg import audit, audit_blocks

    found = audit.warnings(loaded.store, loaded.mapped.origins)
    found += audit_blocks.warnings(paths.articles)
    if texts:
        from kg import audit_texts

        found += audit_texts.warnings(paths, Path(texts))
    return found


def _validate_file(args: argparse.Namespace) -> int:
    from kg import audit_blocks
    from kg.onefile import validate_file

    result = validate_file(Path(args.file), _paths(args), args.validator)
    if result.replaces is not None:
        print(f"(checked in place of {result.replaces}, which has the same article id)")
    if result.violations:
        print(f"{len(result.violations)} SHACL violation(s):", file=sys.stderr)
        _print_violations(result.violations)
    if result.pending:
        from kg.seeds import pending_message

        print(
            f"{args.file}:{result.pending[0]}: {pending_message(result.pending)}", file=sys.stderr
        )
    if result.violations or result.pending:
        return EXIT_INVALID
    print(f"OK: {args.file} ({result.facts} facts) conforms to the shapes and is ready to build")
    found = list(result.warnings)  # this file's own reviewer warnings: the curator's step
    found += audit_blocks.file_warnings(Path(args.file))
    if args.texts:
        from kg import audit_texts

        found += audit_texts.warnings(_paths(args), Path(args.texts), [Path(args.file)])
    _print_warnings(found)
    return 0


def cmd_draft(args: argparse.Namespace) -> int:
    from kg.draft.text import read_article

    paths = _paths(args)
    source = Path(args.article)
    # a clear error for unreadable input, before any work (loading spaCy takes a second or more)
    article = read_article(source)
    try:
        from kg.draft.pipeline import draft_article, seed_id_for
        from kg.draft.write import first_line, render, write
    except ImportError as exc:  # spaCy/dateparser are an optional extra
        raise KgError(
            f"kg draft needs the 'draft' extra ({exc.name} is missing): pip install -e '.[draft]'"
        ) from None
    if args.sentences:
        from kg.draft.names import make_nlp
        from kg.draft.sentences import numbered

        lines = [
            f"s{s.number}\t{' '.join(s.text.split())}" for s in numbered(make_nlp(), article.text)
        ]
        _write_all(("\n".join(lines) + "\n").encode("utf-8"))
        return 0
    to_stdout = args.output == "-"
    target = Path(args.output) if args.output and not to_stdout else paths.articles
    if target.is_dir():
        target = target / f"{seed_id_for(source, article.sha256, paths.articles)}.yaml"
    if not to_stdout and target.exists() and not args.force:
        raise KgError(f"{target}: already exists; not overwriting it (use --force to replace)")
    draft = draft_article(source, paths, published=args.published, url=args.url)
    header = first_line()
    if to_stdout:
        _write_all(render(draft, header).encode("utf-8"))
        return 0
    written = write(draft, target, force=args.force, header=header)
    entities = [e for e in draft.new_entities if e.type != "MilitaryExercise"]
    print(
        f"wrote {written}: {len(draft.mentions)} mentions, {len(entities)} candidate new "
        f"entities, {len(draft.facts)} proposals marked 'review: pending'"
    )
    print(f"next: review it, then 'kg validate {written}', then 'kg build'")
    return 0


def _query_text(args: argparse.Namespace) -> str:
    if args.file:
        try:
            return Path(args.file).read_text(encoding="utf-8")
        except OSError as exc:
            raise KgError(f"{args.file}: cannot read query: {exc.strerror}") from None
    if not args.query:
        raise KgError("give a query string or --file FILE")
    return args.query


def cmd_query(args: argparse.Namespace) -> int:
    from kg import query
    from kg.prefixes import PREFIXES

    text = _query_text(args)
    store = query.open_store(_paths(args).dist, asserted_only=args.asserted_only)
    result = query.run(store, text, prefixes=None if args.no_prefixes else PREFIXES)
    _write_all(query.render(result, args.format).encode("utf-8"))
    return 0


def cmd_cq(args: argparse.Namespace) -> int:
    from kg import cq, query

    questions = [q for q in cq.load_all(config.ROOT / "cq") if q.name.startswith(args.name or "")]
    if not questions:
        raise KgError(f"no competency question matches {args.name!r} (see cq/)")
    dist = _paths(args).dist
    store = query.open_store(dist)
    plain = None  # the store without the inferred graph, opened when a question needs it
    failed = 0
    for question in questions:
        checks = [("", store, question.expect)]
        if question.without_inference is not None:
            plain = plain or query.open_store(dist, asserted_only=True)
            checks.append((" (without inference)", plain, question.without_inference))
        verdicts = [(label, cq.judge(cq.answer(s, question), e), e) for label, s, e in checks]
        ok = all(v.ok for _, v, _ in verdicts)
        failed += not ok
        print(f"[{'ok' if ok else 'DIFFERS'}] {question.name}: {question.question}")
        for label, verdict, expect in verdicts:
            if not verdict.ok:
                print(f"  {question.path}{label}:")
                for line in cq.report(verdict, expect):
                    print(line)
        if args.name:
            sys.stdout.write(query.render(query.run(store, question.query), "table"))
    return EXIT_INVALID if failed else 0


def cmd_export(args: argparse.Namespace) -> int:
    from kg.exporting import export_built

    data = export_built(_paths(args).dist, args.format, args.graph)
    if args.output:
        Path(args.output).write_bytes(data)
    else:
        _write_all(data)
    return 0


def _write_all(data: bytes) -> None:
    """Write everything or fail: a large write to a pipe whose reader left returns a short
    count instead of raising, which would end a truncated export with success."""
    view = memoryview(data)
    while view:
        view = view[sys.stdout.buffer.write(view) :]


def cmd_stats(args: argparse.Namespace) -> int:
    path = _paths(args).dist / "summary.json"
    if not path.exists():
        raise KgError(f"{path}: no build summary; run 'kg build' first")
    summary = json.loads(path.read_text(encoding="utf-8"))
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"dataset version {summary['version']}")
        _print_summary(summary)
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    from kg.push import push

    sent = push(_paths(args).dist, args.url, progress=print, default_graph=args.default_graph)
    merged = f"<{args.default_graph}>" if args.default_graph else "the default graph"
    print(f"pushed {len(sent) - 1} named graphs and their merge ({merged}) to {args.url}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from server.serve import serve

    if args.store and args.files:
        raise KgError("give either FILEs or --store URL, not both")
    files = [Path(f) for f in args.files]
    for path in files:
        if not path.is_file():
            raise KgError(f"{path}: no such file")
    from server.execution import allocator

    allocator.reexec_with_allocator()  # before any work: the process starts again on mimalloc
    if not files and not args.store:
        paths = _paths(args)
        dataset = paths.dist / "dataset.trig"
        if not dataset.exists():
            print("no built dataset yet: building it first")
            defaults = {"quiet": False, "reasoner": "rules", "validator": "auto"}
            if cmd_build(argparse.Namespace(**{**vars(args), **defaults})) != 0:
                return EXIT_INVALID
        files = [dataset]
    from server import options

    url = f"http://{args.host}:{args.port}"
    print(f"query page: {url}/  (SPARQL endpoint: {url}/sparql)", flush=True)
    try:
        settings = options.config_from(
            args,
            files=tuple(files),
            dist_dir=None if args.files else _paths(args).dist,
            examples=_examples(),
            public_base=config.BASE,
            store_url=args.store,
            store_update_url=args.store_update,
            state_dir=args.state_dir
            or (None if args.files or args.store else _paths(args).dist.parent / ".seckg-state"),
        )
        serve(settings, args.host, args.port, watch=args.watch)
    except ValueError as exc:  # a bad setting, e.g. a too-short update token
        raise KgError(str(exc)) from None
    return 0


def _examples() -> tuple[dict[str, str], ...]:
    """The competency questions, offered as examples on the query page."""
    from kg import cq

    directory = config.ROOT / "cq"
    if not directory.is_dir():
        return ()
    return tuple({"question": q.question, "query": q.query} for q in cq.load_all(directory))


def parser() -> argparse.ArgumentParser:
    from kg.formats import FORMATS
    from server import options

    top = argparse.ArgumentParser(prog="kg", description="Security-relations knowledge graph.")
    top.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_: str, func: object) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        p.add_argument("--seeds", help="seeds directory (default: seeds/ of the project)")
        p.add_argument("--dist", help="output directory (default: dist/ of the project)")
        return p

    b = add(
        "build",
        "Build the graph: map seeds, validate (SHACL), reason (OWL 2 RL), export.",
        cmd_build,
    )
    b.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    b.add_argument(
        "--reasoner",
        choices=["rules", "owlrl"],
        default="rules",
        help="OWL 2 RL engine: compiled rules (fast, default) or owlrl (reference)",
    )
    b.add_argument(
        "--validator",
        choices=["auto", "sparql", "pyshacl"],
        default="auto",
        help="SHACL engine: SPARQL-compiled shapes (auto falls back to pyshacl for "
        "features it lacks) or pyshacl (reference)",
    )
    val = add(
        "validate",
        "Check the seed facts against the SHACL shapes (no outputs written).",
        cmd_validate,
    )
    val.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="check only this article seed file (a draft or a new one) against the "
        "reference entities and the other articles; proposals still marked "
        "'review: pending' are checked too, and reported",
    )
    val.add_argument("--validator", choices=["auto", "sparql", "pyshacl"], default="auto")
    val.add_argument(
        "--texts",
        metavar="DIR",
        help="the texts as read (each article's seedFile): also warn about dates, places "
        "and broken-off sentences its located sentences do not give",
    )
    q = add("query", "Run a SPARQL query on the built graph.", cmd_query)
    q.add_argument("query", nargs="?", help="the SPARQL query text")
    q.add_argument("-f", "--file", help="read the query from a file")
    q.add_argument(
        "--format",
        choices=["table", "json", "csv", "tsv", "xml", "turtle", "ntriples"],
        help="table (default), json, csv, tsv, xml for SELECT/ASK; turtle (default), "
        "ntriples for CONSTRUCT/DESCRIBE",
    )
    q.add_argument(
        "--no-prefixes",
        action="store_true",
        help="do not declare the common prefixes (sk:, id:, code:, rdfs:, post:, ...) "
        "for the query",
    )
    q.add_argument(
        "--asserted-only",
        action="store_true",
        help="leave the inferred graph out of the default graph",
    )
    c = add("cq", "Run the competency questions (cq/) and check their expected answers.", cmd_cq)
    c.add_argument("name", nargs="?", help="run one question (name prefix, e.g. 01) and print it")
    e = add("export", "Write the built graph in an RDF format.", cmd_export)
    e.add_argument("--format", required=True, choices=sorted(FORMATS))
    e.add_argument(
        "--graph",
        default="dataset",
        choices=["dataset", "asserted", "inferred", "ontology"],
        help="which part (dataset = all named graphs; needs a quad format)",
    )
    e.add_argument("-o", "--output", help="file to write (default: stdout)")
    s = add("stats", "Show counts of the last build.", cmd_stats)
    s.add_argument("--json", action="store_true", help="print the summary as JSON")
    v = add(
        "serve",
        "Serve the graph over SPARQL 1.1 and Linked Data (builds first if needed).",
        cmd_serve,
    )
    v.add_argument("files", nargs="*", help="serve exactly these RDF files instead of dist/")
    options.add_arguments(v)  # the server's own flags, defined once (server/options.py)
    v.add_argument(
        "--watch",
        action="store_true",
        help="reload when a new build is published to dist/ (SIGHUP reloads too)",
    )
    v.add_argument(
        "--store",
        metavar="URL",
        help="answer from this remote SPARQL query endpoint instead of the embedded "
        "store (load it first with 'kg push'); add ?default-graph-uri=IRI when the merge "
        "is in a named graph (Virtuoso: docs/scale-out.md)",
    )
    v.add_argument("--store-update", metavar="URL", help="the remote store's update endpoint")
    d = add(
        "draft",
        "Draft a seed file from an article's text for a curator to review (proposals are "
        "marked 'review: pending'; needs the 'draft' extra).",
        cmd_draft,
    )
    d.add_argument("article", metavar="ARTICLE.txt", help="the article's plain text (UTF-8)")
    d.add_argument(
        "-o",
        "--output",
        help="file or directory to write (default: the seeds' articles/ directory, named "
        "NNN_<hash>.yaml); '-' prints the draft",
    )
    d.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY, YYYY-MM or YYYY-MM-DD) when the text does not print "
        'it; relative dates ("next week", "6 September") are resolved against it',
    )
    d.add_argument(
        "--url",
        metavar="URL",
        help="the page's address (written as the article's url; a date in its path, "
        "/2024/03/14/, dates the article when the text prints none)",
    )
    d.add_argument("--force", action="store_true", help="replace an existing seed file")
    d.add_argument(
        "--sentences",
        action="store_true",
        help="print the text's numbered sentences (s1 = the headline; what a block's "
        "'locator: sN' refers to) instead of drafting",
    )
    p = add(
        "push",
        "Load the built dataset (all named graphs + their merge as the default "
        "graph) into a SPARQL 1.1 Graph Store Protocol endpoint.",
        cmd_push,
    )
    p.add_argument("url", help="Graph Store Protocol URL, e.g. http://localhost:7878/store")
    p.add_argument(
        "--default-graph",
        metavar="IRI",
        help="put the merge into this named graph instead of the store's default graph "
        "(Virtuoso; then serve with --store 'URL?default-graph-uri=IRI'). Credentials: "
        "SECKG_STORE_USER and SECKG_STORE_PASSWORD",
    )
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code = int(args.func(args))
        sys.stdout.flush()  # inside the try: a closed pipe surfaces here, not at exit
        return code
    except KgError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `kg stats --json | head -c 100`: the reader left
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the exit-time flush fails quietly too
        return 141
    except Exception as exc:  # a bug, not bad input: one line unless debugging
        if os.environ.get("KG_DEBUG"):
            raise
        print(
            f"internal error: {type(exc).__name__}: {exc} (set KG_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
