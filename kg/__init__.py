"""Security-relations knowledge graph: curated facts → RDF → SHACL → OWL 2 RL → exports."""

__version__ = "0.1.0"
