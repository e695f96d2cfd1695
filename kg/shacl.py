"""SHACL validation compiled to SPARQL and run inside pyoxigraph.

Why: pyshacl walks every focus node and value node in Python over an rdflib graph -- 26 s
for our 10k-triple benchmark graph, and the data had to be copied into rdflib first. Our
shapes use a small part of SHACL Core (class, datatype, counts, patterns, sh:node, sh:or,
...) plus one SPARQL constraint, and each such constraint is one SPARQL query: "the focus
nodes (or value nodes) that break it". Nested shapes (``sh:node``, ``sh:or`` members) become
boolean SPARQL expressions with EXISTS. pyshacl remains available as the reference
(``kg.validate.validate(..., engine="pyshacl")``), and ``tests/test_validate.py`` checks
that both report the same results on every shape's violating case.

Anything outside the supported subset raises :class:`Unsupported`, and the caller falls back
to pyshacl, so a new shape can never be silently skipped.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.errors import KgError
from kg.store import Term, select

SH = Namespace("http://www.w3.org/ns/shacl#")
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = f"{RDF}type"

# Shape predicates we understand; any other sh: predicate on a shape is unsupported.
_KNOWN = {
    SH[n]
    for n in (
        "targetClass targetNode targetSubjectsOf targetObjectsOf path property node or and not "
        "xone class datatype nodeKind pattern flags languageIn minInclusive maxInclusive "
        "minExclusive maxExclusive minLength maxLength in hasValue minCount maxCount sparql "
        "message severity deactivated name description order group defaultValue "
        "select prefixes declare"
    ).split()
}
_VALUE_PARAMS = [
    SH[n]
    for n in (
        "class datatype nodeKind pattern languageIn minInclusive maxInclusive minExclusive "
        "maxExclusive minLength maxLength in hasValue node or and not xone"
    ).split()
]


class Unsupported(KgError):
    """The shapes use a SHACL feature this compiler does not implement."""


@dataclass(frozen=True)
class Result:
    """One validation result (top level only, like a report's sh:result values)."""

    focus: Term
    path: Node | None
    value: Term | None
    message: str
    severity: Node
    shape: Node
    component: str


@dataclass
class _Check:
    query: str
    shape: Node
    component: str
    path: Node | None
    messages: list[str]
    severity: Node
    value: str  # "value": ?value column, "focus": the focus node, "none", "sparql"


def _sparql_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _term(node: Node) -> str:
    """An rdflib term in SPARQL syntax (IRIs and literals; blank nodes cannot be named)."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        if node.language:
            return f"{_sparql_string(str(node))}@{node.language}"
        datatype = node.datatype or URIRef(f"{XSD}string")
        return f"{_sparql_string(str(node))}^^<{datatype}>"
    raise Unsupported(f"a blank node {node} where a SPARQL constant is needed")


class _Compiler:
    """Compiles the shapes graph into checks, given the data's class hierarchy."""

    def __init__(self, shapes: Graph, subclasses: dict[str, set[str]], ill_typed: set[ox.Literal]):
        self.g = shapes
        self.subclasses = subclasses
        self.ill_typed = ill_typed
        self.counter = itertools.count()
        self.stack: list[Node] = []

    def fresh(self) -> str:
        return f"?v{next(self.counter)}"

    # ------------------------------------------------------------ helpers

    def one(self, shape: Node, param: URIRef) -> Node | None:
        values = list(self.g.objects(shape, param))
        if len(values) > 1:
            raise Unsupported(f"{shape} has several {param}")
        return values[0] if values else None

    def count(self, shape: Node, param: URIRef) -> int | None:
        """An integer parameter (sh:minCount, sh:maxCount), or None where the shape has none."""
        value = self.one(shape, param)
        return None if value is None else int(str(value))

    def items(self, head: Node) -> list[Node]:
        return list(Collection(self.g, head))

    def classes(self, cls: Node) -> str:
        names = sorted({str(cls), *self.subclasses.get(str(cls), ())})
        return " ".join(f"<{c}>" for c in names)

    def path(self, node: Node) -> str:
        """A SHACL path as a SPARQL property path."""
        if isinstance(node, URIRef):
            return f"<{node}>"
        inverse = self.one(node, SH.inversePath)
        if inverse is not None:
            return f"^({self.path(inverse)})"
        alt = self.one(node, SH.alternativePath)
        if alt is not None:
            return "(" + " | ".join(self.path(p) for p in self.items(alt)) + ")"
        for param, op in (
            (SH.zeroOrMorePath, "*"),
            (SH.oneOrMorePath, "+"),
            (SH.zeroOrOnePath, "?"),
        ):
            inner = self.one(node, param)
            if inner is not None:
                return f"({self.path(inner)}){op}"
        if (node, RDF.first, None) in self.g:
            return "(" + " / ".join(self.path(p) for p in self.items(node)) + ")"
        raise Unsupported(f"unsupported sh:path {node}")

    def flags(self, shape: Node) -> str:
        """The extra REGEX argument for the shape's sh:flags ("" without flags)."""
        flags = self.one(shape, SH.flags)
        return f", {_sparql_string(str(flags))}" if flags is not None else ""

    def check_known(self, shape: Node) -> None:
        for p in set(self.g.predicates(shape, None)):
            if str(p).startswith(str(SH)) and p not in _KNOWN:
                raise Unsupported(f"{shape} uses {p}")
        if (shape, SH.deactivated, Literal(True)) in self.g:
            raise Unsupported(f"{shape} is deactivated (not implemented)")

    # ------------------------------------------------------------ conditions

    def value_condition(self, param: URIRef, arg: Node, var: str, flags: str = "") -> str:
        """True when the node bound to ``var`` satisfies one constraint parameter."""
        if param == SH["class"]:
            t = self.fresh()
            return f"EXISTS {{ {var} <{TYPE}> {t} VALUES {t} {{ {self.classes(arg)} }} }}"
        if param == SH.datatype:
            return self.datatype(arg, var)
        if param == SH.nodeKind:
            kinds: dict[Node, str] = {
                SH.IRI: f"isIRI({var})",
                SH.BlankNode: f"isBlank({var})",
                SH.Literal: f"isLiteral({var})",
                SH.BlankNodeOrIRI: f"(isIRI({var}) || isBlank({var}))",
                SH.BlankNodeOrLiteral: f"(isBlank({var}) || isLiteral({var}))",
                SH.IRIOrLiteral: f"(isIRI({var}) || isLiteral({var}))",
            }
            return kinds[arg]
        if param == SH.pattern:
            return f"(!isBlank({var}) && REGEX(STR({var}), {_sparql_string(str(arg))}{flags}))"
        if param == SH.languageIn:
            tags = " || ".join(
                f"langMatches(lang({var}), {_sparql_string(str(t))})" for t in self.items(arg)
            )
            return f"(isLiteral({var}) && ({tags or 'false'}))"
        ops = {
            SH.minInclusive: ">=",
            SH.maxInclusive: "<=",
            SH.minExclusive: ">",
            SH.maxExclusive: "<",
        }
        if param in ops:
            return f"COALESCE(isLiteral({var}) && {var} {ops[param]} {_term(arg)}, false)"
        if param in (SH.minLength, SH.maxLength):
            op = ">=" if param == SH.minLength else "<="
            return f"COALESCE(!isBlank({var}) && STRLEN(STR({var})) {op} {int(str(arg))}, false)"
        if param == SH["in"]:
            return f"({var} IN ({', '.join(_term(i) for i in self.items(arg))}))"
        if param == SH.hasValue:
            return f"sameTerm({var}, {_term(arg)})"
        if param == SH.node:
            return self.conforms(arg, var)
        if param in (SH["or"], SH["and"], SH.xone):
            parts = [self.conforms(s, var) for s in self.items(arg)]
            if param == SH["or"]:
                return "(" + (" || ".join(parts) or "false") + ")"
            if param == SH["and"]:
                return "(" + (" && ".join(parts) or "true") + ")"
            return "((" + " + ".join(f"IF({p}, 1, 0)" for p in parts) + ") = 1)"
        if param == SH["not"]:
            return f"(!{self.conforms(arg, var)})"
        raise Unsupported(f"constraint {param}")

    def datatype(self, datatype: Node, var: str) -> str:
        if datatype == RDF.langString:
            return f'(isLiteral({var}) && lang({var}) != "")'
        if datatype == RDFS.Literal:
            return f"isLiteral({var})"
        cond = f"(isLiteral({var}) && datatype({var}) = <{datatype}>"
        bad = sorted(str(lit) for lit in self.ill_typed if lit.datatype.value == str(datatype))
        if bad:
            cond += f" && {var} NOT IN ({', '.join(bad)})"
        return cond + ")"

    def node_params(self, shape: Node) -> list[tuple[URIRef, Node]]:
        """The value-level constraint parameters of a shape, in a stable order."""
        out = []
        for param in _VALUE_PARAMS:
            for arg in sorted(self.g.objects(shape, param), key=str):
                out.append((param, arg))
        return out

    def conforms(self, shape: Node, var: str) -> str:
        """A SPARQL boolean expression: does the node in ``var`` conform to ``shape``?"""
        if shape in self.stack:
            raise Unsupported(f"recursive shape {shape}")
        self.stack.append(shape)
        self.check_known(shape)
        if (shape, SH.sparql, None) in self.g:
            raise Unsupported(f"SPARQL constraint in nested shape {shape}")
        path = self.one(shape, SH.path)
        if path is None:
            flags = self.flags(shape)
            parts = [self.value_condition(p, a, var, flags) for p, a in self.node_params(shape)]
            parts += [
                self.conforms(ps, var) for ps in sorted(self.g.objects(shape, SH.property), key=str)
            ]
        else:
            parts = self.property_conforms(shape, self.path(path), var)
        self.stack.pop()
        return "(" + (" && ".join(parts) or "true") + ")"

    def property_conforms(self, shape: Node, path: str, var: str) -> list[str]:
        parts = []
        low, high = self.count(shape, SH.minCount), self.count(shape, SH.maxCount)
        x = self.fresh()
        if low is not None and low > 0:
            if low != 1:
                raise Unsupported(f"nested sh:minCount {low} in {shape}")
            parts.append(f"EXISTS {{ {var} {path} {x} }}")
        if high is not None:
            if high != 0:
                raise Unsupported(f"nested sh:maxCount {high} in {shape}")
            parts.append(f"NOT EXISTS {{ {var} {path} {x} }}")
        flags = self.flags(shape)
        for param, arg in self.node_params(shape):
            if param == SH.hasValue:
                parts.append(f"EXISTS {{ {var} {path} {_term(arg)} }}")
            else:
                cond = self.value_condition(param, arg, x, flags)
                parts.append(f"NOT EXISTS {{ {var} {path} {x} FILTER (!{cond}) }}")
        for nested in sorted(self.g.objects(shape, SH.property), key=str):
            cond = self.conforms(nested, x)
            parts.append(f"NOT EXISTS {{ {var} {path} {x} FILTER (!{cond}) }}")
        return parts

    # ------------------------------------------------------------ top-level checks

    def focus(self, shape: Node) -> str | None:
        """A pattern binding ?this to the shape's focus nodes, or None without targets."""
        branches = []
        for cls in self.g.objects(shape, SH.targetClass):
            branches.append(f"?this <{TYPE}> ?t . VALUES ?t {{ {self.classes(cls)} }}")
        if (shape, RDF.type, RDFS.Class) in self.g:
            branches.append(f"?this <{TYPE}> ?t . VALUES ?t {{ {self.classes(shape)} }}")
        nodes = list(self.g.objects(shape, SH.targetNode))
        if nodes:
            branches.append(f"VALUES ?this {{ {' '.join(_term(n) for n in nodes)} }}")
        for p in self.g.objects(shape, SH.targetSubjectsOf):
            branches.append(f"?this <{p}> ?any")
        for p in self.g.objects(shape, SH.targetObjectsOf):
            branches.append(f"?any <{p}> ?this")
        if not branches:
            return None
        union = " UNION ".join(f"{{ {b} }}" for b in sorted(branches))
        return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"

    def messages(self, shape: Node) -> list[str]:
        return sorted(str(m) for m in self.g.objects(shape, SH.message))

    def severity(self, shape: Node) -> Node:
        return self.one(shape, SH.severity) or SH.Violation

    def checks(self) -> list[_Check]:
        out: list[_Check] = []
        shapes = set(self.g.subjects(RDF.type, SH.NodeShape)) | set(
            self.g.subjects(RDF.type, SH.PropertyShape)
        )
        for pred in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
            shapes.update(self.g.subjects(pred, None))
        for shape in sorted(shapes, key=str):
            focus = self.focus(shape)
            if focus is None:
                continue
            self.check_known(shape)
            path = self.one(shape, SH.path)
            if path is None:
                out.extend(self.node_checks(shape, focus))
                for ps in sorted(self.g.objects(shape, SH.property), key=str):
                    out.extend(self.property_checks(ps, focus))
            else:
                out.extend(self.property_checks(shape, focus))
        return out

    def node_checks(self, shape: Node, focus: str) -> Iterator[_Check]:
        msgs, sev = self.messages(shape), self.severity(shape)
        flags = self.flags(shape)
        for param, arg in self.node_params(shape):
            cond = self.value_condition(param, arg, "?this", flags)
            query = f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER (!{cond}) }}"
            yield _Check(query, shape, _local(param), None, msgs, sev, "focus")
        for constraint in sorted(self.g.objects(shape, SH.sparql), key=str):
            yield self.sparql_check(shape, constraint, focus)

    def sparql_check(self, shape: Node, constraint: Node, focus: str) -> _Check:
        self.check_known(constraint)
        select = self.one(constraint, SH.select)
        if select is None:
            raise Unsupported(f"SPARQL constraint without sh:select on {shape}")
        text = str(select)
        if re.search(r"\$(?!this\b)\w+", text):
            raise Unsupported(
                f"SPARQL constraint on {shape} uses pre-bound variables other than $this"
            )
        prefixes = []
        for decl_owner in self.g.objects(constraint, SH.prefixes):
            for decl in self.g.objects(decl_owner, SH.declare):
                prefixes.append(
                    f"PREFIX {self.g.value(decl, SH.prefix)}: <{self.g.value(decl, SH.namespace)}>"
                )
        inner = text.replace("$this", "?this")
        query = (
            "\n".join(sorted(prefixes)) + f"\nSELECT DISTINCT * WHERE {{ {focus} {{ {inner} }} }}"
        )
        msgs = self.messages(constraint) or self.messages(shape)
        return _Check(query, shape, "SPARQLConstraint", None, msgs, self.severity(shape), "sparql")

    def property_checks(self, shape: Node, focus: str) -> Iterator[_Check]:
        self.check_known(shape)
        raw_path = self.one(shape, SH.path)
        if raw_path is None:
            raise Unsupported(f"property shape {shape} without sh:path")
        path = self.path(raw_path)
        result_path = raw_path
        msgs, sev = self.messages(shape), self.severity(shape)
        low, high = self.count(shape, SH.minCount), self.count(shape, SH.maxCount)
        if low is not None and low > 0:
            if low == 1:
                query = (
                    f"SELECT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ ?this {path} ?value }} }}"
                )
            else:
                query = (
                    f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {path} ?value }} }} "
                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {low})"
                )
            yield _Check(query, shape, "MinCount", result_path, msgs, sev, "none")
        if high is not None:
            query = (
                f"SELECT ?this WHERE {{ {focus} ?this {path} ?value }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {high})"
            )
            yield _Check(query, shape, "MaxCount", result_path, msgs, sev, "none")
        flags = self.flags(shape)
        for param, arg in self.node_params(shape):
            if param == SH.hasValue:
                missing = f"FILTER NOT EXISTS {{ ?this {path} {_term(arg)} }}"
                query = f"SELECT ?this WHERE {{ {focus} {missing} }}"
                yield _Check(query, shape, "HasValue", result_path, msgs, sev, "none")
                continue
            cond = self.value_condition(param, arg, "?value", flags)
            query = _values_breaking(focus, path, cond)
            yield _Check(query, shape, _local(param), result_path, msgs, sev, "value")
        for nested in sorted(self.g.objects(shape, SH.property), key=str):
            query = _values_breaking(focus, path, self.conforms(nested, "?value"))
            yield _Check(query, shape, "Property", result_path, msgs, sev, "value")
        if (shape, SH.sparql, None) in self.g:
            raise Unsupported(f"SPARQL constraint on property shape {shape}")


def _values_breaking(focus: str, path: str, condition: str) -> str:
    """The (focus, value) pairs whose value fails ``condition``."""
    return (
        f"SELECT DISTINCT ?this ?value WHERE {{ {focus} ?this {path} ?value "
        f"FILTER (!{condition}) }}"
    )


def _local(param: Node) -> str:
    name = str(param).rsplit("#", 1)[-1]
    return name[0].upper() + name[1:]


_DEFAULTS = {
    "MinCount": "fewer values than sh:minCount",
    "MaxCount": "more values than sh:maxCount",
    "HasValue": "missing the required value",
    "Class": "value is not an instance of the required class",
    "Datatype": "value does not have the required datatype",
    "NodeKind": "value is not of the required node kind",
    "Pattern": "value does not match the required pattern",
    "LanguageIn": "value's language is not allowed",
    "Node": "value does not conform to the required shape",
    "Or": "does not conform to any of the alternatives (sh:or)",
    "And": "does not conform to all of the shapes (sh:and)",
    "Not": "conforms to a shape it must not conform to (sh:not)",
    "Xone": "does not conform to exactly one of the shapes (sh:xone)",
}


def _text(term: Term) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else str(term)


def _substitute(message: str, row: ox.QuerySolution) -> str:
    def repl(match: re.Match[str]) -> str:
        value = row[match.group(1)]
        return _text(value) if value is not None else match.group(0)

    return re.sub(r"\{[?$](\w+)\}", repl, message)


def class_hierarchy(store: ox.Store, union: bool = True) -> dict[str, set[str]]:
    """class -> its subclasses (transitively), from the rdfs:subClassOf triples in the data."""
    direct: dict[str, set[str]] = defaultdict(set)
    rows = select(
        store,
        f"SELECT DISTINCT ?c ?d WHERE {{ ?c <{RDFS.subClassOf}> ?d "
        "FILTER (isIRI(?c) && isIRI(?d)) }",
        union,
    )
    for row in rows:
        direct[row["d"].value].add(row["c"].value)
    out: dict[str, set[str]] = {}
    for cls in direct:
        seen: set[str] = set()
        stack = list(direct[cls])
        while stack:
            c = stack.pop()
            if c not in seen:
                seen.add(c)
                stack.extend(direct.get(c, ()))
        out[cls] = seen
    return out


def ill_typed(store: ox.Store, datatypes: Iterable[str], union: bool = True) -> set[ox.Literal]:
    """Literals of ``datatypes`` whose lexical form is invalid (rdflib's judgement, as pyshacl)."""
    names = sorted(set(datatypes) - {str(RDF.langString), str(RDFS.Literal)})
    if not names:
        return set()
    rows = select(
        store,
        "SELECT DISTINCT ?v WHERE { ?s ?p ?v FILTER (isLiteral(?v) && datatype(?v) IN ("
        + ", ".join(f"<{n}>" for n in names)
        + ")) }",
        union,
    )
    bad = set()
    for row in rows:
        lit = row["v"]
        if Literal(lit.value, datatype=URIRef(lit.datatype.value)).ill_typed:
            bad.add(lit)
    return bad


def validate_store(store: ox.Store, shapes: Graph, union: bool = True) -> list[Result]:
    """Every top-level SHACL result for the data in ``store`` (the union of its graphs).

    Raises :class:`Unsupported` when the shapes go beyond the compiled subset.
    """
    datatypes = {str(o) for o in shapes.objects(None, SH.datatype)}
    compiler = _Compiler(shapes, class_hierarchy(store, union), ill_typed(store, datatypes, union))
    results: list[Result] = []
    for check in compiler.checks():
        try:
            rows = select(store, check.query, union)
        except SyntaxError as exc:  # a bug in the compiler, or an odd shape
            raise Unsupported(f"could not compile {check.shape}: {exc}") from None
        names = {v.value for v in rows.variables}
        for row in rows:
            focus = row["this"]
            if check.value == "value":
                value = row["value"]
            elif check.value == "focus":
                value = focus
            elif check.value == "sparql":
                value = row["value"] if "value" in names and row["value"] is not None else focus
            else:
                value = None
            if check.messages:
                texts = [_substitute(m, row) for m in check.messages]
            else:
                texts = [_DEFAULTS.get(check.component, f"violates {check.component}")]
            results.append(
                Result(
                    focus, check.path, value, texts[0], check.severity, check.shape, check.component
                )
            )
    return results
