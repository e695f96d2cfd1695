"""Every SHACL shape has a conforming fixture and a violating one with the expected message."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace

from kg import config
from kg.sources import read_turtle_dir
from kg.validate import validate

SH = Namespace("http://www.w3.org/ns/shacl#")
SHP = Namespace("https://seckg.example.org/shapes#")
FIXTURE = Path(__file__).parent / "fixtures" / "valid.ttl"
PREFIXES = """
PREFIX sk: <https://seckg.example.org/ontology#>
PREFIX id: <https://seckg.example.org/id/>
PREFIX code: <https://seckg.example.org/code/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

# shape -> (SPARQL Update that breaks the fixture, focus node, expected message fragment)
CASES: dict[str, tuple[str, str, str]] = {
    "PartialDate": (
        'DELETE WHERE { id:visit sk:date ?d } ; INSERT DATA { id:visit sk:date "last week" }',
        "visit",
        "date must be one YYYY, YYYY-MM or YYYY-MM-DD value",
    ),
    "DatesShape": (
        "DELETE WHERE { id:tenure sk:endDate ?d } ; "
        'INSERT DATA { id:tenure sk:endDate "2017"^^xsd:gYear }',
        "tenure",
        "is before startDate",
    ),
    "FactShape": (
        "DELETE WHERE { id:membership prov:wasDerivedFrom ?a }",
        "membership",
        "every fact needs a source",
    ),
    "NewsArticleShape": (
        "DELETE WHERE { id:article-a schema:headline ?h }",
        "article-a",
        "exactly one headline",
    ),
    "LabelledShape": ("DELETE WHERE { id:person rdfs:label ?l }", "person", "needs a label"),
    "StateShape": (
        'INSERT DATA { id:armenia rdfs:label "Armenia"@es }',
        "armenia",
        "state labels must be tagged",
    ),
    "OrganizationShape": (
        "DELETE WHERE { id:csto sk:memberCount ?n } ; INSERT DATA { id:csto sk:memberCount 0 }",
        "csto",
        "memberCount must be one positive whole number",
    ),
    "RoleCode": (
        "DELETE WHERE { id:post sk:role ?r } ; INSERT DATA { id:post sk:role code:weapon-radar }",
        "post",
        "exactly one role from the code:Role list",
    ),
    "PostShape": (
        "DELETE WHERE { id:post sk:postIn ?x }",
        "post",
        "exactly one state or organization it belongs to",
    ),
    "PlaceShape": (
        "INSERT DATA { id:gyumri sk:locatedIn id:person }",
        "gyumri",
        "locatedIn must be a place or a state",
    ),
    "MilitaryBaseShape": (
        "DELETE WHERE { id:base sk:operatedBy ?x }",
        "base",
        "exactly one operating state",
    ),
    "TenureShape": (
        "DELETE WHERE { id:tenure sk:holder ?x } ; INSERT DATA { id:tenure sk:holder id:armenia }",
        "tenure",
        "holder who is a person",
    ),
    "MembershipShape": (
        "DELETE WHERE { id:membership sk:organization ?x }",
        "membership",
        "exactly one organization",
    ),
    "MembershipStatusCode": (
        "DELETE WHERE { id:status sk:status ?x } ; "
        "INSERT DATA { id:status sk:status code:trend-stable }",
        "status",
        "from the code:MembershipStatus list",
    ),
    "MembershipStatusPeriodShape": (
        "DELETE WHERE { id:status sk:startDate ?x }",
        "status",
        "needs a startDate or an attestedOn date",
    ),
    "PartnershipTypeCode": (
        "DELETE WHERE { id:partnership sk:partnershipType ?x } ; "
        "INSERT DATA { id:partnership sk:partnershipType code:stance-neutral }",
        "partnership",
        "one type from the code:PartnershipType list",
    ),
    "TrendCode": (
        "INSERT DATA { id:partnership sk:trend code:stance-neutral }",
        "partnership",
        "trend must be one value from the code:Trend list",
    ),
    "PartnershipShape": (
        "DELETE WHERE { id:partnership sk:partner id:russia }",
        "partnership",
        "exactly two partners",
    ),
    "EventShape": ("DELETE WHERE { id:visit rdfs:label ?x }", "visit", "a label or a summary"),
    "TopicCode": (
        "INSERT DATA { id:exercise sk:topic code:role-chair }",
        "exercise",
        "topic must come from the code:Topic list",
    ),
    "MilitaryExerciseShape": (
        "DELETE WHERE { id:exercise sk:participant ?x }",
        "exercise",
        "at least one participant",
    ),
    "ParticipationShape": (
        "DELETE WHERE { id:participation sk:personnelCount ?x } ; "
        "INSERT DATA { id:participation sk:personnelCount -5 }",
        "participation",
        "personnelCount must be one whole number",
    ),
    "VisitShape": ("DELETE WHERE { id:visit sk:visitor ?x }", "visit", "a visitor who is a person"),
    "StanceCode": (
        "DELETE WHERE { id:statement sk:stance ?x } ; "
        "INSERT DATA { id:statement sk:stance code:topic-nato }",
        "statement",
        "stance must be one value from the code:Stance list",
    ),
    "StatementShape": (
        "DELETE WHERE { id:statement sk:speaker ?x }",
        "statement",
        "a statement needs a speaker",
    ),
    "AgreementShape": (
        "INSERT DATA { id:agreement sk:broker id:gyumri }",
        "agreement",
        "broker must be a state, organization or person",
    ),
    "WeaponSystemCode": (
        "DELETE WHERE { id:deal sk:systemType ?x } ; "
        "INSERT DATA { id:deal sk:systemType code:topic-nato }",
        "deal",
        "systemType from the code:WeaponSystem list",
    ),
    "DealStatusCode": (
        "DELETE WHERE { id:deal sk:status ?x } ; "
        "INSERT DATA { id:deal sk:status code:membership-active }",
        "deal",
        "from the code:DealStatus list",
    ),
    "ArmsDealShape": (
        "DELETE WHERE { id:deal sk:valueCurrency ?x }",
        "deal",
        "needs a valueCurrency",
    ),
    "DeploymentShape": (
        "DELETE WHERE { id:deployment sk:contributor ?x }",
        "deployment",
        "exactly one contributing state",
    ),
}


@pytest.fixture(scope="module")
def schema() -> tuple[Graph, Graph]:
    paths = config.Paths()
    return read_turtle_dir(paths.ontology), read_turtle_dir(paths.shapes)


def _fixture() -> Graph:
    graph = Graph()
    graph.parse(FIXTURE, format="turtle")
    return graph


def test_fixture_conforms(schema: tuple[Graph, Graph]) -> None:
    ontology, shapes = schema
    assert validate(_fixture(), ontology, shapes, {}) == []


def test_every_shape_has_a_violating_case(schema: tuple[Graph, Graph]) -> None:
    _, shapes = schema
    names = {str(s).removeprefix(str(SHP)) for s in shapes.subjects(RDF.type, SH.NodeShape)}
    assert names == set(CASES)


@pytest.mark.parametrize("shape", sorted(CASES))
def test_violation_names_fact_and_problem(schema: tuple[Graph, Graph], shape: str) -> None:
    ontology, shapes = schema
    update, focus, expected = CASES[shape]
    data = _fixture()
    data.update(PREFIXES + update)
    violations = validate(data, ontology, shapes, {})
    messages = [str(v) for v in violations if str(v.focus).endswith(f"/id/{focus}")]
    assert any(expected in m for m in messages), (shape, [str(v) for v in violations])
