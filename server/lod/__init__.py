"""Linked Data: dereferenceable IRIs, entity and article pages, pictures, ontology docs."""
