"""Acts of state in the corpus's other languages (Italian, Spanish, Greek, Turkish,
Azerbaijani, Armenian, Georgian) and two-word acts ("geri çağırdı", "dio luz verde"): the
verb after its doer, dated in its own clause. In a verb-final language only the name the
sentence opens with is the doer; a body "of" a state is not the state's act; a negated or
denied act is none. Sentences written for the test."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _events(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.text("Akt\n\n" + body + "\n", published="2026-10-05")  # a Monday
    return [p.fields for p in draft.facts if p.fields.get("type") == "PoliticalEvent"]


def _one(drafter: Drafter, body: str) -> tuple[Any, Any]:
    (event,) = _events(drafter, body)
    return event["participant"], event["date"]


def test_italian_and_spanish_acts(drafter: Drafter) -> None:
    assert _one(drafter, "Il parlamento armeno ha ratificato la convenzione il 3 ottobre.") == (
        "armenian-national-assembly", "2026-10-03")  # fmt: skip
    (recall,) = _events(drafter, "L'Armenia ha richiamato il suo ambasciatore in Israele il 2 "
                                 "ottobre.")  # fmt: skip
    assert (recall["participant"], recall["about"]) == ("armenia", "israel")
    assert _one(drafter, "Armenia llamó a consultas a su embajador el 2 de octubre.") == (
        "armenia", "2026-10-02")  # fmt: skip


def test_a_greek_act(drafter: Drafter) -> None:
    assert _one(drafter, "Η Αρμενία ανακάλεσε τον πρέσβη της στις 3 Οκτωβρίου.") == (
        "armenia", "2026-10-03")  # fmt: skip


def test_verb_final_acts_of_the_opening_name(drafter: Drafter) -> None:
    assert _one(drafter, "Ermənistan 3 oktyabrda səfirini geri çağırıb.") == (
        "armenia", "2026-10-03")  # fmt: skip
    assert _one(drafter, "Հայաստանը հոկտեմբերի 3-ին վավերացրել է կոնվենցիան։") == (
        "armenia", "2026-10-03")  # fmt: skip
    assert _one(drafter, "სომხეთმა 3 ოქტომბერს ელჩი გაიწვია.") == ("armenia", "2026-10-03")
    # the object stands before the verb too: a name that does not open the sentence is no doer
    assert _events(drafter, "3 Ekim'de Ermenistan İsrail büyükelçisini geri çağırdı.") == []


def test_a_green_light_resolved_against_the_dateline(drafter: Drafter) -> None:
    assert _one(drafter, "The EU Council gave the green light to the mission on Monday.") == (
        "eu-council", "2026-10-05")  # fmt: skip
    # "de la UE" owns the council the graph does not know by its Spanish name: no act of the EU
    assert _events(drafter, "El Consejo de la UE dio este lunes luz verde a la misión.") == []


def test_no_act_of_the_state_owning_the_doer(drafter: Drafter) -> None:
    assert _events(drafter, "El Parlamento de Armenia aprobó la ley el 3 de octubre.") == []
    assert _events(drafter, "The parliament of Armenia ratified the convention on 3 October.") == []


def test_no_act_negated_or_denied(drafter: Drafter) -> None:
    negated = "Il parlamento armeno non ha ratificato la convenzione il 3 ottobre."
    assert _events(drafter, negated) == []
    denied = "Its ministry denied reports that Armenia ratified the treaty on 3 October."
    assert _events(drafter, denied) == []
    assert _events(drafter, "Armenia did not ratify the convention on 3 October.") == []


def test_an_appeal_is_an_act(drafter: Drafter) -> None:
    (appeal,) = _events(drafter, "Armenia appealed to the CSTO on 3 October.")
    assert (appeal["participant"], appeal["about"], appeal["date"]) == (
        "armenia", "csto", "2026-10-03")  # fmt: skip
