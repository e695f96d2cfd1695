"""A political event the graph has is mentioned by its id where a sentence tells it again by
what happened and to what (``kg.draft.graph_facts.events_told``): a kind of event its label
names, said in the sentence's language, with one of its participants, places or subjects,
at a time that fits. Sentences written for the test, never article text."""

from __future__ import annotations

from kg.draft.graph_facts import EVENT_KINDS, Told, event_kinds
from tests.curate.conftest import Drafter

BLOCKADE = "event/lachin-corridor-blockade-2022"
EXTENDED = "event/eu-council-extends-euma-2025"


def _mentions(drafter: Drafter, body: str, published: str) -> list[str]:
    return drafter.text("A day in the capital\n\n" + body + "\n", published=published).mentions


def test_an_event_told_by_its_kind_and_place_is_mentioned(drafter: Drafter) -> None:
    body = "Armenia says the Lachin corridor blockade has cut food supplies for weeks."
    assert BLOCKADE in _mentions(drafter, body, "2023-01-20")


def test_an_event_not_yet_happened_or_of_another_year_is_not(drafter: Drafter) -> None:
    body = "Armenia says the Lachin corridor blockade has cut food supplies for weeks."
    assert BLOCKADE not in _mentions(drafter, body, "2021-05-03")
    dated = "Armenia recalled a blockade of the Lachin corridor by farmers in 2019."
    assert BLOCKADE not in _mentions(drafter, dated, "2023-01-20")


def test_no_event_without_its_kind_or_its_place(drafter: Drafter) -> None:
    body = "Armenia says traffic on the Lachin corridor was slow for weeks."
    assert BLOCKADE not in _mentions(drafter, body, "2023-01-20")
    body = "Armenia says a blockade of its ports has cut food supplies for weeks."
    assert BLOCKADE not in _mentions(drafter, body, "2023-01-20")


def test_of_several_events_of_a_kind_the_one_whose_actor_is_named(drafter: Drafter) -> None:
    """The Council and the ambassadors both moved to extend the EU mission in January 2025:
    a sentence that names the Council is the Council's decision."""
    body = "The EU Council extended the European Union Mission in Armenia by two years."
    mentions = _mentions(drafter, body, "2025-02-03")
    assert EXTENDED in mentions
    assert "event/eu-ambassadors-approve-euma-extension-2025" not in mentions


def test_event_kinds_in_labels() -> None:
    assert event_kinds("Blockade of the Lachin corridor (from December 2022)") == {"blockade"}
    assert "extension" in event_kinds("The EU Council prolongs its mission by two years")
    assert not event_kinds("Pashinyan meets the EU mission's commander")
    # every kind's words are found in the languages of the corpus
    _, withdrawal = EVENT_KINDS["withdrawal"]
    for said in ("вывод российских миротворцев", "Rus barış gücünün çekilmesi",
                 "ռուս խաղաղապահների դուրսբերումը", "le retrait des soldats"):  # fmt: skip
        assert withdrawal.search(said), said


def test_an_agreement_named_by_its_place_is_mentioned(drafter: Drafter) -> None:
    """The graph's "Shusha Declaration (Turkey–Azerbaijan)", told as the declaration signed
    in Shusha, and in Turkish by the place's own spelling."""
    body = "Turkey and Azerbaijan marked the anniversary of the declaration they signed in Shusha."
    assert "agreement/shusha-declaration" in _mentions(drafter, body, "2024-06-15")
    turkish = (
        "Türkiye ve Azerbaycan, Şuşa'da imzalanan beyannamenin yıl dönümünü kutladı. "
        "Bakanlar iki ülkenin işbirliğini görüştü."
    )
    assert "agreement/shusha-declaration" in _mentions(drafter, turkish, "2024-06-15")
    # not before it was signed, nor without a word of agreement
    assert "agreement/shusha-declaration" not in _mentions(drafter, body, "2020-03-02")
    body = "Turkey and Azerbaijan marked the anniversary of their victory in Shusha."
    assert "agreement/shusha-declaration" not in _mentions(drafter, body, "2024-06-15")


def test_an_event_about_one_thing_is_not_told_by_another() -> None:
    """A refusal to host exercises is not told by a refusal to attend a summit."""
    from kg.draft.graph_facts import Known, Told, events_told

    label = "Qarvel declines to host the pact's exercises"
    known = Known("event/qarvel-declines-drills-2023", "PoliticalEvent", anchors={"qarvel-pact"},
                  dates={"2023-01-10"}, fields={"label": label}, kinds={"refusal"})  # fmt: skip
    types = {"qarvel-pact": "Organization", known.id: "PoliticalEvent"}
    told = "The government said it will refuse to host the exercises of the  this year."
    assert events_told(Told(told, ["qarvel-pact"], [], [], "2023-11-21", {known.id: known}, types))
    other = "The government said it will refuse to attend the summit of the  this year."
    assert not events_told(
        Told(other, ["qarvel-pact"], [], [], "2023-11-21", {known.id: known}, types)
    )


def test_an_event_the_graph_does_not_date_or_dates_later_is_not_told() -> None:
    """An undated event is told by no sentence; a dated one not by a sentence of a month
    before it, nor by one of another month."""
    from kg.draft.graph_facts import Known, Told, events_told

    label = "Qarvel sets up a checkpoint on the pass road"
    known = Known("event/qarvel-checkpoint", "PoliticalEvent", anchors={"qarvel-pass"},
                  dates={"2023-04-23"}, fields={"label": label}, kinds={"launch"})  # fmt: skip
    types = {"qarvel-pass": "Place", known.id: "PoliticalEvent"}
    text = "The guards set up a checkpoint on the  in 2023."
    table = {known.id: known}
    assert events_told(Told(text, ["qarvel-pass"], [], ["2023"], "2023-05-02", table, types))
    assert events_told(Told(text, ["qarvel-pass"], [], ["2023-04"], "2023-05-02", table, types))
    assert not events_told(Told(text, ["qarvel-pass"], [], ["2023"], "2023-02", table, types))
    assert not events_told(Told(text, ["qarvel-pass"], [], ["2023-03"], "2023-05-02", table, types))
    undated = Known(known.id, known.type, known.anchors, set(), fields=known.fields,
                    kinds=known.kinds)  # fmt: skip
    assert not events_told(
        Told(text, ["qarvel-pass"], [], [], "2023-05-02", {known.id: undated}, types)
    )
    # the same sentence about a criminal case is not the checkpoint's
    case = "The police launched a criminal case on the  in 2023."
    assert not events_told(Told(case, ["qarvel-pass"], [], ["2023"], "2023-05-02", table, types))


def test_a_verb_of_showing_is_no_protest() -> None:
    """The Turkish verb "göster-" (to show) and the Armenian "ցույց տալ" share their stem
    with the noun of a demonstration: only the noun tells a protest."""
    from kg.draft.graph_facts import Known, events_told

    label = "Qarvel villagers' protest camp on the pass road"
    known = Known("event/qarvel-road-protest-2022", "PoliticalEvent", anchors={"qarvel-pass"},
                  dates={"2022-12-12"}, fields={"label": label}, kinds={"protest"})  # fmt: skip
    types = {"qarvel-pass": "Place", known.id: "PoliticalEvent"}
    table = {known.id: known}

    def told(text: str) -> list[str]:
        return events_told(Told(text, ["qarvel-pass"], [], [], "2023-01-20", table, types))

    assert not told("Bu durum,  yolunda sürecin başladığını gösteriyor.")
    assert not told("Այս փաստը ցույց է տալիս, որ  ճանապարհը փակ է։")
    assert told("Köylüler  yolunda gösteriler düzenledi.")
    assert told("Գյուղացիները  ճանապարհին ցույց էին անում, ցույցը շարունակվեց։")


def test_a_body_closed_is_told_in_the_corpus_languages() -> None:
    """A closing the graph has ("the joint centre closes") is told by a sentence that says
    the centre was closed or ceased its work, in any language of the corpus."""
    from kg.draft.graph_facts import Known, events_told

    label = "The Qarvel joint centre closes (April 2024)"
    known = Known("event/qarvel-centre-closes-2024-04", "PoliticalEvent",
                  anchors={"qarvel-centre"}, dates={"2024-04-26"}, fields={"label": label},
                  kinds=event_kinds(label))  # fmt: skip
    types = {"qarvel-centre": "Organization", known.id: "PoliticalEvent"}
    table = {known.id: known}

    def told(text: str, said: list[str]) -> list[str]:
        return events_told(Told(text, ["qarvel-centre"], [], said, "2024-04-30", table, types))

    for text in ("On 26 April the  ceased its work.", "26 апреля  прекратил работу.",
                 "Aprelin 26-da  fəaliyyətini dayandırıb.", "Le 26 avril, le  a fermé.",
                 "26 Nisan'da  kapatıldı."):  # fmt: skip
        assert told(text, ["2024-04-26"]) == [known.id], text
    # not another kind of news of the centre, nor a closing of another year
    assert not told("On 26 April the  opened a new office.", ["2024-04-26"])
    assert not told("In 2021 the  closed a branch.", ["2021"])
