"""Claims, not sentences (issue 11): table-driven, sentence → facts, real model (marked).

Each row: a text (published 2023-05-12, a Friday, unless said), the facts that must come
out as (entity, attribute, value, {said_by, polarity, modality}) and the facts that must
not (a predicate over a fact). Rows cover every pattern and every scoping rule of
`factx.stages.attributes`: event frames through the parse, events as entities,
attribution scope, denial and hedging scope, references, open-vocabulary causes.
"""

from __future__ import annotations

import pytest

from fact_helpers import PUBLISHED, facts_runner
from factx.records import Article
from fact_helpers import has as _has
from fact_helpers import show as _show

pytestmark = pytest.mark.model



@pytest.fixture(scope="module")
def run(nlp):
    return facts_runner(nlp)


def _check(facts, expected, absent):
    for entity, attribute, value, extra in expected:
        assert _has(facts, entity, attribute, value, **extra), \
            f"missing {(entity, attribute, value, extra)}\n{_show(facts)}"
    for name, bad in absent:
        assert not [f for f in facts if bad(f)], f"unwanted: {name}\n{_show(facts)}"


DENIED = {"polarity": "denied"}
AFFIRMED = {"polarity": "affirmed"}

# --- deaths: every claim that a person died or was killed is a `death` fact -------------
DEATHS = [
    ("Jonas Berg was killed in Tarvo on Tuesday, police said.",
     [("Jonas Berg", "death", "killed", {"said_by": "police", "polarity": "affirmed", "modality": "reported"}),
      ("Jonas Berg", "date_of_death", "2023-05-09", {"said_by": "police"}),
      ("Jonas Berg", "place_of_death", "Tarvo", {})], []),
    ("The writer Ana Silvi died in Lisbon on Monday.",
     [("Ana Silvi", "death", "died", {"modality": "asserted"}), ("Ana Silvi", "place_of_death", "Lisbon", {})], []),
    ("The death of the activist Nora Quispe shocked the country.",
     [("Nora Quispe", "death", "died", {})], []),
    ("Local media said the assassination of Mayor Karl Dunn had stunned the town.",
     [("Karl Dunn", "death", "killed", {"said_by": "Local media"})], []),
]

# --- denial scoped to what is denied ------------------------------------------------------
DENIALS = [
    # a denial verb negates the proposition in its complement; the title in apposition stays
    ("The Coastal Alliance on Monday rejected claims that its chief, Renato Saba, was killed in Porto Liri.",
     [("Renato Saba", "death", "killed", {"polarity": "denied", "said_by": "Coastal Alliance"}),
      ("Renato Saba", "place_of_death", "Porto Liri", {"polarity": "denied", "said_by": "Coastal Alliance"})],
     [("a denied affirmation", lambda f: f.attribute == "death" and f.polarity == "affirmed"),
      ("the title denied", lambda f: f.attribute == "title" and f.polarity == "denied")]),
    # negation on the event
    ("Major Olek Brant told reporters that Ivo Sander has not been killed.",
     [("Ivo Sander", "death", "killed", {"polarity": "denied", "said_by": "Olek Brant"})],
     [("affirmed death", lambda f: f.attribute == "death" and f.polarity == "affirmed")]),
    # 'is alive' denies the death
    ("His wife insisted that the missing diver, Paul Orme, is still alive.",
     [("Paul Orme", "death", "died", {"polarity": "denied", "said_by": "His wife"})], []),
    # 'denied the death of X': the noun under the denial
    ("The party denied the death of its treasurer, Hugo Vane.",
     [("Hugo Vane", "death", "died", DENIED)], []),
    # '..., a claim refuted by X': the main clause, denied by X; affirmed by its own source
    ("Militia commander Teo Ranz died in a helicopter crash in Vallis, officials said, an account disputed "
     "by his deputy, Carl Imre.",
     [("Teo Ranz", "death", "died", {"polarity": "affirmed", "said_by": "officials"}),
      ("Teo Ranz", "death", "died", {"polarity": "denied", "said_by": "Carl Imre"}),
      ("Teo Ranz", "place_of_death", "Vallis", {"polarity": "denied", "said_by": "Carl Imre"})],
     [("the title denied", lambda f: f.attribute == "title" and f.polarity == "denied")]),
    # 'denied the reports': the claim of the sentence before
    ("The newspaper Diario Sur reported that cartel boss Enzo Lugo was shot dead in Tampico on Friday. "
     "His lawyer denied the report on Saturday.",
     [("Enzo Lugo", "death", "killed", {"polarity": "affirmed", "said_by": "Diario Sur"}),
      ("Enzo Lugo", "death", "killed", {"polarity": "denied", "said_by": "His lawyer"}),
      ("Enzo Lugo", "date_of_death", "2023-05-12", {"polarity": "denied", "said_by": "His lawyer"})],
     [("the title denied", lambda f: f.attribute == "title" and f.polarity == "denied")]),
    # 'called it propaganda'
    ("State radio said guerrilla leader Joao Mavi was killed in an ambush in Tete province. "
     "The guerrillas called the report enemy propaganda.",
     [("Joao Mavi", "death", "killed", {"polarity": "denied", "said_by": "guerrillas"}),
      ("Joao Mavi", "cause_of_death", "ambush", {"polarity": "denied", "said_by": "guerrillas"})], []),
    # a retraction denies the earlier report
    ("The agency reported on Monday that the poet Irma Stahl had died in Graz. "
     "The agency later withdrew the report.",
     [("Irma Stahl", "death", "died", {"polarity": "affirmed", "said_by": "agency"}),
      ("Irma Stahl", "death", "died", {"polarity": "denied", "said_by": "agency"})], []),
    # a habitual or negated denial denies nothing
    ("Officers said rebel treasurer Ali Kaya died in the raid. The rebels, who routinely deny such "
     "claims, had no comment.",
     [("Ali Kaya", "death", "died", {"polarity": "affirmed", "said_by": "Officers"})],
     [("a denial", lambda f: f.polarity == "denied")]),
    ("Police said Omari Tull was killed in Beled. His lawyer did not deny it.",
     [("Omari Tull", "death", "killed", AFFIRMED)], [("a denial", lambda f: f.polarity == "denied")]),
    # 'called it an allegation': a dismissal over the claim below it
    ("A spokesman said the group considers the claim that Yusuf Dar was killed an allegation.",
     [("Yusuf Dar", "death", "killed", DENIED)], []),
    # no body found: the death of the person named doubted
    ("Officials said Tomas Reed was killed in the blast. \"We did not find his body,\" his brother said.",
     [("Tomas Reed", "death", "killed", {"polarity": "denied", "said_by": "his brother"})], []),
]

# --- denial scope, session 9: what a negation or a denial reaches --------------------------
DENIAL_SCOPE = [
    # a negation on a copula does not reach a clause conjoined to it
    ('The pathologist Ana Bela Torres told reporters that the wounds "are not compatible with a hanging" '
     'and that Ruben Ortiz "died as a result of blows to the head".',
     [("Ruben Ortiz", "death", "died", {"polarity": "affirmed", "said_by": "Ana Bela Torres"}),
      ("Ruben Ortiz", "cause_of_death", "blow", AFFIRMED)],
     [("a denied death", lambda f: f.attribute == "death" and f.polarity == "denied")]),
    # ... but it reaches its own complement (control)
    ("It is not true that Ivo Sander was killed, the ministry said.",
     [("Ivo Sander", "death", "killed", {"polarity": "denied", "said_by": "ministry"})], []),
    # a denied manner of death denies the manner only: the death, its place are granted
    ("Ruben Caldas did not commit suicide in his cell in Varno, his sister said.",
     [("Ruben Caldas", "cause_of_death", "suicide", {"polarity": "denied", "said_by": "his sister"})],
     [("a denied death", lambda f: f.attribute == "death" and f.polarity == "denied"),
      ("a denied place", lambda f: f.attribute == "place_of_death" and f.polarity == "denied")]),
    ("An autopsy found a skull fracture, contradicting the police version that Ruben Caldas committed "
     "suicide in his cell.",
     [("Ruben Caldas", "cause_of_death", "suicide", DENIED)],
     [("a denied death", lambda f: f.attribute == "death" and f.polarity == "denied")]),
    # ... a denied death is denied (control)
    ("Police said Ruben Caldas did not die in the fire in Varno.",
     [("Ruben Caldas", "death", "died", {"polarity": "denied", "said_by": "Police"})], []),
    # 'would not rule out' leaves the hypothesis open; 'ruled out' denies it (control)
    ("Authorities would not rule out an attack in the explosion in Varno.", [],
     [("a denied attack", lambda f: f.attribute == "perpetrator" and f.polarity == "denied")]),
    ("Authorities ruled out an attack in the explosion in Varno.",
     [("explosion in Varno", "perpetrator", "attack", {"polarity": "denied", "said_by": "Authorities"})], []),
    # a retraction of a statement that says its claim denies that claim, not the one before
    ("Regional radio said Piet Laan died in Varno on Monday. Police later retracted their report that "
     "Tom Brandt had been killed in Varno.",
     [("Piet Laan", "death", "died", AFFIRMED),
      ("Tom Brandt", "death", "killed", {"polarity": "denied", "said_by": "Police"})],
     [("the earlier death denied", lambda f: f.name == "Piet Laan" and f.polarity == "denied")]),
    ("Regional radio said Piet Laan died in Varno on Monday. Police later withdrew their statement that "
     "Tom Brandt had been arrested.",
     [("Piet Laan", "death", "died", AFFIRMED),
      ("Tom Brandt", "arrested", "arrested", {"polarity": "denied", "said_by": "Police"})],
     [("the earlier death denied", lambda f: f.name == "Piet Laan" and f.polarity == "denied")]),
    ("Police on Sunday withdrew their statement that 12 people had been killed in the fire in Varno.",
     [("fire in Varno", "killed_count", 12, {"polarity": "denied", "said_by": "Police"})],
     [("the place denied", lambda f: f.attribute == "place" and f.polarity == "denied")]),
    # a denial of a toll: the event's place named with the event is granted
    ("The governor denied that anyone died in the fire in Varno.",
     [("fire in Varno", "killed_count", 0, {"said_by": "governor"})],
     [("the place denied", lambda f: f.attribute == "place" and f.polarity == "denied")]),
    ("The ministry said no one was killed in the fire in Varno on Monday.",
     [("fire in Varno", "killed_count", 0, {"polarity": "affirmed", "said_by": "ministry"})], []),
    # a passive denial: the agent denies
    ("Reports that 12 people died in the fire in Varno were rejected by the governor.",
     [("fire in Varno", "killed_count", 12, {"polarity": "denied", "said_by": "governor"})], []),
    ("The claim that Tomas Relk was killed was denied by the army.",
     [("Tomas Relk", "death", "killed", {"polarity": "denied", "said_by": "army"})], []),
    # what a denial denies follows it (or is a clause before it): not a headline's other clause
    # (and the collapse the headline denies takes no toll: the toll is another event's)
    ("Tarnia toll climbs to 26, prefect denies school shelter collapse", [],
     [("the toll denied", lambda f: f.attribute == "killed_count" and f.polarity == "denied"),
      ("a toll on the denied collapse", lambda f: f.attribute == "killed_count" and "collapse" in f.name)]),
    ("Storm: Tarnia toll climbs to 26, prefect denies school shelter collapse", [],
     [("the toll denied", lambda f: f.attribute == "killed_count" and f.polarity == "denied")]),
    ("Tomas Relk was killed in Varno, the army denied.",
     [("Tomas Relk", "death", "killed", {"polarity": "denied", "said_by": "army"})], []),
    # 'my brother' in a quotation is the speaker's brother, never the most named person
    ('Ruben Ortiz Salas, 38, was found dead in his cell early Monday, police spokesman Tomas Relk Vega told '
     'reporters. "Everything indicates that the detainee committed suicide," Relk Vega said.\n\n'
     'His sister, Marta Ortiz, said the family did not accept the police account. "My brother did not '
     'commit suicide. He had three children," she said.', [],
     [("the spokesman's death", lambda f: f.name == "Tomas Relk Vega" and f.attribute in ("death", "cause_of_death"))]),
    # hedges stay hedges, never denials
    ("Tomas Relk was reportedly killed in Varno on Monday.",
     [("Tomas Relk", "death", "killed", {"polarity": "affirmed", "modality": "hedged"})], []),
    ("Unconfirmed reports said Tomas Relk was killed in Varno.",
     [("Tomas Relk", "death", "killed", {"polarity": "affirmed", "modality": "hedged"})], []),
]

# --- custody: whether a named person was arrested (affirmed, denied, by whom) --------------
CUSTODY = [
    ("The manager of the hall, Samir Tabet, 48, was arrested on Thursday night, police said.",
     [("Samir Tabet", "arrested", "arrested", {"polarity": "affirmed", "said_by": "police"})], []),
    ("Police arrested the club manager, Samir Tabet, on Friday, a security source said.",
     [("Samir Tabet", "arrested", "arrested", {"polarity": "affirmed", "said_by": "security source"})], []),
    ("Kaspar Lindqvist and Ole Brenn were taken into custody late on Saturday, said Irina Vale, a spokeswoman.",
     [("Kaspar Lindqvist", "arrested", "arrested", {"said_by": "Irina Vale"}),
      ("Ole Brenn", "arrested", "arrested", {"said_by": "Irina Vale"})], []),
    # denied: a negation, a conjoined negation, a retracted statement
    ('"Mr. Lunde has not been detained," Colonel Arno Vik said.',
     [("Mr. Lunde", "arrested", "arrested", {"polarity": "denied", "said_by": "Arno Vik"})], []),
    ("A lawyer for the family said Samir Tabet had turned himself in on Friday and had not been arrested.",
     [("Samir Tabet", "arrested", "arrested", DENIED)],
     [("an affirmed arrest", lambda f: f.attribute == "arrested" and f.polarity == "affirmed")]),
    ("Police on Sunday withdrew their statement that Kaspar Lindqvist had been recaptured.",
     [("Kaspar Lindqvist", "arrested", "arrested", {"polarity": "denied", "said_by": "Police"})], []),
    # no arrest: an order, a plan, a count of arrests
    ("Prosecutors ordered the detention of Samir Tabet for 15 days.", [],
     [("an arrest", lambda f: f.attribute == "arrested")]),
    ("Police said they will arrest Samir Tabet soon.", [],
     [("an arrest", lambda f: f.attribute == "arrested")]),
    ("Police arrested 14 people in Varno on Friday.",
     [("arrests in Varno", "arrested_count", 14, {})], [("an arrest", lambda f: f.attribute == "arrested")]),
]

# --- attribution scoped to the clause its reporting verb governs ---------------------------
ATTRIBUTION = [
    ("Firefighters said five homes burned in the wildfire near Oreva, but the mayor said two residents had died.",
     [("fire in Oreva", "killed_count", 2, {"said_by": "mayor"})],
     [("the firefighters' count", lambda f: f.attribute == "killed_count" and f.said_by == "Firefighters")]),
    # nested sources: the innermost
    ("Radio Kivu, quoting a local chief, reported that 30 villagers were killed in the massacre in Beni.",
     [("attack in Beni", "killed_count", 30, {"said_by": "local chief"})], []),
    ("The agency quoted a police officer as saying that Mark Ode was killed in Tarvo.",
     [("Mark Ode", "death", "killed", {"said_by": "police officer"})], []),
    # 'X said ..., according to a release': X
    ("The ministry said it had arrested 14 suspects in Lodz, according to a news release.",
     [("arrests in Lodz", "arrested_count", 14, {"said_by": "ministry"})], []),
    # a reporting verb speaks for its complement, not its adjuncts
    ("Nasir Hadi said in a speech three days after the blast in Beirut that killed 150 people that he was innocent.",
     [("explosion in Beirut", "killed_count", 150, {"modality": "asserted"})],
     [("the speaker's count", lambda f: f.attribute == "killed_count" and f.said_by == "Nasir Hadi")]),
    # the writer's relative clause is not the speaker's claim
    ("The body of rebel leader Ali Faran, who was killed last week, was not found, the group said.",
     [("Ali Faran", "death", "killed", {"said_by": None})], []),
    # a person is never the source of a claim about themselves
    ("Anna Kowalski, a spokeswoman for the Polish Red Cross, said the road was closed.",
     [], [("self-sourced", lambda f: f.said_by == "Anna Kowalski")]),
    # the organisation named before is 'it'; the description 'the news agency' is the agency named
    ("The body was found, according to the National News Agency. Lina Sabri was killed in the blast, "
     "the news agency reported.",
     [("Lina Sabri", "death", "killed", {"said_by": "National News Agency"})], []),
]

# --- event frames: the event's own date and place -------------------------------------------
FRAMES = [
    # a date governed by another verb is never the event's
    ("The club confirmed on Tuesday that its former coach, Leo Brandt, died in Zell in April.",
     [("Leo Brandt", "date_of_death", "2023-04", {}), ("Leo Brandt", "place_of_death", "Zell", {})],
     [("the confirmation's day", lambda f: f.attribute == "date_of_death" and f.value == "2023-05-09")]),
    ("On Monday police opened an inquiry into the case of student Mia Lund, who was found dead in Ostby on Friday.",
     [("Mia Lund", "date_of_death", "2023-05-12", {})],
     [("the inquiry's day", lambda f: f.attribute == "date_of_death" and f.value == "2023-05-08")]),
    ("Former prime minister Eleni Costa has died aged 88, her office announced on Wednesday.",
     [("Eleni Costa", "death", "died", {})], [("announcement day", lambda f: f.attribute == "date_of_death")]),
    # a nationality in front of an attack is its perpetrator, never its place
    ("A Russian missile strike in Kharkiv killed Ivan Petrenko, his employer said.",
     [("Ivan Petrenko", "place_of_death", "Kharkiv", {}), ("airstrike in Kharkiv", "perpetrator", "Russia", {})],
     [("Russia as place", lambda f: f.attribute == "place_of_death" and f.value == "Russia")]),
    ("A US drone strike killed Omar Sadi in Yemen on Sunday.",
     [("Omar Sadi", "place_of_death", "Yemen", {}), ("airstrike in Yemen", "perpetrator", "United States", {})],
     [("US as place", lambda f: f.attribute == "place_of_death" and f.value == "United States")]),
    # ... but a country's full name in front of a raid is where it was
    ("Commandos killed Lutfi Sabr in a southern Afghanistan raid last month.",
     [("Lutfi Sabr", "place_of_death", "Afghanistan", {})], []),
    # a dateline is where the report was filed
    ("OSLO — The explorer Knut Rye has died at 90, his publisher said.",
     [("Knut Rye", "death", "died", {"said_by": "his publisher"})],
     [("dateline as place", lambda f: f.attribute == "place_of_death")]),
    ("LIMA, May 11 (Reuters) - Singer Rosa Paz died on Wednesday at a clinic in Cusco, her son said.",
     [("Rosa Paz", "place_of_death", "Cusco", {}), ("Rosa Paz", "date_of_death", "2023-05-10", {})],
     [("dateline as place", lambda f: f.attribute == "place_of_death" and f.value != "Cusco")]),
    # the more specific absolute date wins
    ("The painter Olga Rusk, who died last year on June 3, 2022, left no will.",
     [("Olga Rusk", "date_of_death", "2022-06-03", {})], [("the vaguer date", lambda f: f.value == "2022")]),
    # who ordered the strike is neither victim nor dead
    ("Analysts think a raid approved by Governor Sam Oyo may have killed Colonel Ben Adu near Kano.",
     [("Ben Adu", "death", "killed", {"modality": "hedged"}), ("Ben Adu", "place_of_death", "Kano", {})],
     [("the governor dead", lambda f: f.name == "Sam Oyo" and f.attribute in ("death", "cause_of_death",
                                                                           "date_of_death"))]),
    # a 'when' clause gives the time of the event
    ("Officials said Salah Kadi was killed when his car was hit in Homs on Sunday morning.",
     [("Salah Kadi", "date_of_death", "2023-05-07TMO", {}), ("Salah Kadi", "place_of_death", "Homs", {})], []),
    # a participant's own clause is not the event's
    ("The nurse Dana Fell, who was injured in the crash in Alva on Monday, died in hospital on Thursday.",
     [("Dana Fell", "date_of_death", "2023-05-11", {})],
     [("the crash's place", lambda f: f.attribute == "place_of_death" and f.value == "Alva"),
      ("the crash as cause", lambda f: f.attribute == "cause_of_death")]),
]

# --- events as entities ----------------------------------------------------------------------
EVENTS = [
    ("An explosion at a chemical plant in Kestrel Bay killed 12 workers and injured 80 on Monday, "
     "the company said.",
     [("explosion in Kestrel Bay", "killed_count", 12, {"said_by": "company"}),
      ("explosion in Kestrel Bay", "wounded_count", 80, {}),
      ("explosion in Kestrel Bay", "date", "2023-05-08", {}),
      ("explosion in Kestrel Bay", "place", "Kestrel Bay", {})], []),
    ("The toll from the earthquake in Maro province rose to 320 on Sunday, with 45 people still missing.",
     # (a town is called Maro too, factx.places: the province keeps its own name)
     [("earthquake in Maro province", "killed_count", 320, {}), ("earthquake in Maro province", "missing_count", 45, {})], []),
    # the document's own names of the event are its names
    ("The death toll from the Tarvel port blast has risen to 190. The Tarvel explosion also wounded 6,500.",
     [("explosion in Tarvel", "name", "Tarvel port blast", {}), ("explosion in Tarvel", "killed_count", 190, {}),
      ("explosion in Tarvel", "wounded_count", 6500, {})], []),
    # a definite later mention is the event named before; counts without an event noun go to it
    ("A fire broke out at a market in Selby on May 6. The fire killed four people. "
     "Eleven were injured.",
     [("fire in Selby", "killed_count", 4, {}), ("fire in Selby", "wounded_count", 11, {}),
      ("fire in Selby", "date", "2023-05-06", {})], []),
    # a count whose sentence names no event: an event of the count's kind at its place
    ("Police arrested 14 protesters in Minsk on Sunday.", [("arrests in Minsk", "arrested_count", 14, {})], []),
    ("Up to 40 migrants may have drowned off the coast of Libya.",
     [("deaths in Libya", "killed_count", "<=40", {"modality": "hedged"})], []),
    # perpetrators
    ("Fighters of the Black Hill Brigade ambushed a convoy near Garo on Friday, killing nine soldiers.",
     [("attack in Garo", "perpetrator", "Black Hill Brigade", {}), ("attack in Garo", "killed_count", 9, {})], []),
    ("An Israeli airstrike killed 12 people in Rafah.",
     [("airstrike in Rafah", "perpetrator", "Israel", {}), ("airstrike in Rafah", "killed_count", 12, {})], []),
    # a named event is the entity itself
    ("Flight ET 302 crashed near the town of Tessa, killing all 157 people on board.",
     [("Flight 302", "killed_count", 157, {}), ("Flight 302", "place", "Tessa", {}),
      ("Flight 302", "name", "Flight ET 302", {})], []),
    # zero
    ("\"There were no casualties,\" the police chief said of the blast in Lodz.",
     [("explosion in Lodz", "killed_count", 0, {})], []),
    # the Lebanese capital is Beirut
    ("The blast in the Lebanese capital killed 150 people.", [("explosion in Beirut", "killed_count", 150, {})], []),
]

# --- open-vocabulary causes ----------------------------------------------------------------
CAUSES = [
    ("The novelist Petra Lind died of cholera in a camp near Goma.",
     [("Petra Lind", "cause_of_death", "cholera", {}), ("Petra Lind", "place_of_death", "Goma", {})], []),
    ("The boxer Sam Ruiz died owing to a brain haemorrhage, his trainer said.",
     [("Sam Ruiz", "cause_of_death", "brain haemorrhage", {})], []),
    ("The composer Ivo Hart passed away due to a short illness.", [("Ivo Hart", "cause_of_death", "illness", {})], []),
    ("The singer Mo Keita died as a result of a heart attack.", [("Mo Keita", "cause_of_death", "heart attack", {})],
     [("an attack event", lambda f: f.name.startswith("attack"))]),
    ("Patrol officer Anna Kim succumbed to her wounds in hospital.", [("Anna Kim", "cause_of_death", "injuries", {})],
     []),
    ("Customs officer Tariq Nur was killed by a landmine in Tanta on Monday.",
     [("Tariq Nur", "cause_of_death", "landmine", {})], []),
    # killed by people: the killer, never a cause
    ("Witnesses said the gunman, Erik Holm, was shot dead by police in Malmo.",
     [("Erik Holm", "cause_of_death", "shooting", {}), ("Erik Holm", "place_of_death", "Malmo", {})],
     [("police as cause", lambda f: f.attribute == "cause_of_death" and f.value == "police")]),
    # the cause of an event
    ("Investigators said the blaze in Varna, which killed three people, was caused by a faulty heater.",
     [("fire in Varna", "cause", "faulty heater", {})], []),
    ("The landslide, triggered by heavy rains, buried six homes in Sela and killed two people.",
     [("landslide in Sela", "cause", "rain", {})], []),
    ("The blast in Tarvel resulted from the ignition of a huge stock of fertiliser.",
     [("explosion in Tarvel", "cause", "fertiliser", {})], []),
]

# --- references: pronouns and descriptions ----------------------------------------------------
REFERENCES = [
    # the agent of a clause is never its own object
    ("Reporter Lev Amos vanished in Doro last week. Witnesses said a guard, Ivan Tasca, shot him dead.",
     [("Lev Amos", "death", "killed", {"said_by": "Witnesses"}), ("Lev Amos", "cause_of_death", "shooting", {})],
     [("the shooter dead", lambda f: f.name == "Ivan Tasca" and f.attribute == "death")]),
    # gender agreement: 'she' is not the man named last
    ("Mrs. Lina Haas met the mayor, Tom Brandt, on Monday. Police said she was killed in Gera hours later.",
     [("Lina Haas", "death", "killed", {})], [("the mayor dead", lambda f: f.name == "Tom Brandt" and f.attribute == "death")]),
    # 'the X leader' is whom the document called the leader of X
    ("Tomas Vrell, the leader of the Northern Front, fled. Officials said the Northern Front leader was "
     "killed in Kessar on Monday.",
     [("Tomas Vrell", "death", "killed", {}), ("Tomas Vrell", "place_of_death", "Kessar", {})], []),
    # a person the NER typed as an organisation, described as a person
    ("Al Qaeda leader Ayman Sabri died in a drone strike in Kabul on July 31, the White House said.",
     [("Ayman Sabri", "death", "died", {"said_by": "White House"}), ("Ayman Sabri", "place_of_death", "Kabul", {})],
     [("the victim as perpetrator", lambda f: f.attribute == "perpetrator" and f.value == "Ayman Sabri")]),
]

ROWS = DEATHS + DENIALS + DENIAL_SCOPE + CUSTODY + ATTRIBUTION + FRAMES + EVENTS + CAUSES + REFERENCES


@pytest.mark.parametrize("text, expected, absent", ROWS, ids=[r[0][:48] for r in ROWS])
def test_claims(run, text, expected, absent):
    _check(run(text), expected, absent)


def test_denial_copies_point_at_the_denial(nlp):
    """A back-reference denial is quoted from its own sentence and spans the denial word."""
    from factx.pipeline import make_doc

    text = ("Regional radio reported that Piet Laan was killed in Dordt on Sunday. "
            "His sister denied the reports on Monday.")
    doc = nlp(make_doc(nlp, Article("t", text, published=PUBLISHED)))
    denied = [f for f in doc._.facts if f.polarity == "denied"]
    assert denied
    for fact in denied:
        assert doc.text[fact.start:fact.end] == "denied"
        assert doc.text[fact.quote_start:fact.quote_end].startswith("His sister denied")
