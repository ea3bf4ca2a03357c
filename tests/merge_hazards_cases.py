"""Look-alike names that real news contains, each told across two or three short invented
articles: the audit table of notes/merges.md and the model cases of
tests/test_merge_hazards.py. Every name and place here is invented or common.

`apart` lists pairs of names that are different entities (a wrong merge if they end in
one); `alone` lists ambiguous short forms that must join none of the listed names;
`together` lists pairs the run must keep joined (recall we must not lose).

Run as a script for the audit table: `.venv/bin/python tests/merge_hazards_cases.py [ID...]`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    id: str
    articles: tuple[str, ...]
    apart: tuple[tuple[str, str], ...] = ()
    alone: tuple[tuple[str, tuple[str, ...]], ...] = ()
    together: tuple[tuple[str, str], ...] = ()
    note: str = field(default="", compare=False)


def _doc(day: int, text: str) -> str:
    return f"Oct {day}, 2025\n\n{text}\n"


CASES: tuple[Case, ...] = (
    Case("father-son", (
        _doc(6, "Police in Garowe arrested Abdullahi Mohamed Farah, a former district governor, on Monday. "
                "His son, Mohamed Abdullahi Farah, was detained at the same house, officers said."),
        _doc(7, "Mohamed Abdullahi Farah, 34, was released on bail on Tuesday, his lawyer said. "
                "His father, Abdullahi Mohamed Farah, remains in custody."),
        _doc(8, "Farah, the former governor, denied all the charges in a statement read by his lawyer."),
    ), apart=(("Abdullahi Mohamed Farah", "Mohamed Abdullahi Farah"),),
        alone=(("Farah", ("Abdullahi Mohamed Farah", "Mohamed Abdullahi Farah")),)),
    Case("brothers", (
        _doc(6, "Karim Haddad and his brother Samir Haddad were arrested in Tripoli on Monday, police said."),
        _doc(7, "Samir Haddad was released on Tuesday without charge. Karim Haddad remains in jail."),
        _doc(8, "Haddad, 41, told reporters outside the court that he was innocent."),
    ), apart=(("Karim Haddad", "Samir Haddad"),),
        alone=(("Haddad", ("Karim Haddad", "Samir Haddad")),)),
    Case("husband-wife-slavic", (
        _doc(6, "Sergei Volkov, the mayor of Tomsk, and his wife, Olga Volkova, attended the ceremony on Monday."),
        _doc(7, "Volkova said her husband had received threats for months. Volkov declined to comment."),
        _doc(8, "Olga Volkova runs a charity for orphans. Sergei Volkov has been mayor since 2019."),
    ), apart=(("Volkov", "Volkova"), ("Sergei Volkov", "Olga Volkova"), ("Volkova", "Sergei Volkov"),
              ("Volkov", "Olga Volkova"))),
    Case("mr-and-mrs", (
        _doc(6, "Kwame Osei and his wife, Ama Osei, were killed when their car left the road near Kumasi, "
                "relatives said."),
        _doc(7, "Mrs. Osei was a teacher at a primary school in Kumasi. Mr. Osei worked as a driver."),
        _doc(8, "Mourners gathered on Wednesday at the home of Mr. and Mrs. Osei."),
    ), apart=(("Mrs. Osei", "Mr. Osei"), ("Mrs. Osei", "Kwame Osei"), ("Mr. Osei", "Ama Osei"),
              ("Kwame Osei", "Ama Osei"))),
    Case("widow-only", (
        _doc(6, "Kwabena Mensah, a taxi driver, died when a bus hit his car in Accra on Monday, police said."),
        _doc(7, "Mrs. Mensah said her husband had left home early to collect a passenger."),
    ), apart=(("Mrs. Mensah", "Kwabena Mensah"),)),
    Case("junior-senior", (
        _doc(6, "Robert Tetteh Sr., a retired judge, and his son Robert Tetteh Jr., a lawyer, were named "
                "to the commission on Monday."),
        _doc(7, "Robert Tetteh Jr. said the commission would report within a year."),
        _doc(8, "Robert Tetteh Sr. chaired the first hearing on Wednesday."),
    ), apart=(("Robert Tetteh Sr.", "Robert Tetteh Jr."),)),
    Case("two-officials", (
        _doc(6, "Interior Minister Tariq Rahman said the attack had been planned abroad. "
                "Gen. Aziz Rahman, the army chief, visited the site on Monday."),
        _doc(7, "Rahman, the interior minister, promised an inquiry. Gen. Rahman said troops had been sent."),
        _doc(8, "Gen. Rahman told reporters on Wednesday that the border was closed."),
    ), apart=(("Tariq Rahman", "Aziz Rahman"), ("Gen. Rahman", "Tariq Rahman")),
        alone=(("Rahman", ("Tariq Rahman", "Aziz Rahman")),)),
    Case("titles-only", (
        _doc(6, "Interior Minister Rahman said the attack had been planned abroad. "
                "Gen. Rahman said troops had been sent to the border."),
        _doc(7, "Gen. Rahman told reporters the border was closed. Rahman, the minister, promised an inquiry."),
    ), apart=(("Gen. Rahman", "Rahman"),)),
    Case("initial", (
        _doc(6, "John Mwangi, a lawyer, and James Mwangi, a journalist, were arrested in Nairobi on Monday."),
        _doc(7, "John Mwangi was released on Tuesday. James Mwangi is still held, his wife said."),
        _doc(8, "J. Mwangi told the court that he had been beaten in custody."),
    ), apart=(("John Mwangi", "James Mwangi"),),
        alone=(("J. Mwangi", ("John Mwangi", "James Mwangi")),)),
    Case("given-name-shared", (
        _doc(6, "Ahmed Yusuf, a farmer, and Ahmed Warsame, a teacher, were killed in the attack, elders said."),
        _doc(7, "Ahmed Warsame had taught at the village school for ten years. Ahmed Yusuf leaves six children."),
    ), apart=(("Ahmed Yusuf", "Ahmed Warsame"),)),
    Case("hispanic", (
        _doc(6, "Carlos López Ortiz, the mayor of Juticalpa, met Ana Ortiz López, a city councillor, on Monday."),
        _doc(7, "Ana Ortiz López said the mayor had ignored the protesters. Carlos López said the city would rebuild."),
        _doc(8, "Carlos López Ortiz denied the claims on Wednesday."),
    ), apart=(("Carlos López Ortiz", "Ana Ortiz López"), ("Carlos López", "Ana Ortiz López")),
        together=(("Carlos López", "Carlos López Ortiz"),)),
    Case("hispanic-siblings", (
        _doc(6, "Luis Fernández Soto and his sister María Fernández Soto were detained in Tegucigalpa on Monday."),
        _doc(7, "María Fernández Soto was freed on Tuesday, her lawyer said. Fernández Soto, 29, is a nurse."),
        _doc(8, "Luis Fernández Soto is still held at the police station, his family said."),
    ), apart=(("Luis Fernández Soto", "María Fernández Soto"),)),
    Case("vietnamese", (
        _doc(6, "Nguyen Van Hung, a fisherman, and Nguyen Van Hai, his neighbour, were rescued off Da Nang on Monday."),
        _doc(7, "Nguyen Van Hai said the boat sank within minutes. Nguyen Van Hung was taken to hospital."),
    ), apart=(("Nguyen Van Hung", "Nguyen Van Hai"),)),
    Case("chinese", (
        _doc(6, "Wang Wei, the provincial governor, and Wang Jun, a police commander, visited the mine on Monday."),
        _doc(7, "Wang Jun said rescuers had reached the second shaft. Wang Wei promised compensation."),
    ), apart=(("Wang Wei", "Wang Jun"),)),
    Case("arabic-bin", (
        _doc(6, "Crown Prince Khalid bin Faisal met the envoy in Riyadh on Monday. King Faisal approved the deal."),
        _doc(7, "Khalid bin Faisal said the kingdom would invest in the port. Faisal praised the agreement."),
    ), apart=(("Khalid bin Faisal", "King Faisal"), ("Khalid bin Faisal", "Faisal"))),
    Case("kunyas", (
        _doc(6, "Abu Hamza al-Tunisi, a commander of the group, was killed in the strike, officials said. "
                "Abu Hamza al-Masri, its spokesman, denied the report."),
        _doc(7, "Abu Hamza al-Masri said on Tuesday that the commander was alive."),
        _doc(8, "Abu Hamza al-Tunisi had led the group's fighters in the south since 2019."),
    ), apart=(("Abu Hamza al-Tunisi", "Abu Hamza al-Masri"),)),
    Case("person-hospital", (
        _doc(6, "Ahmed Shah, a local shopkeeper, was among the wounded. He was taken to Ahmed Shah Hospital."),
        _doc(7, "Doctors at Ahmed Shah Hospital said 12 people were treated. Ahmed Shah is in a stable condition."),
    ), apart=(("Ahmed Shah", "Ahmed Shah Hospital"),)),
    Case("person-airport", (
        _doc(6, "The plane landed at Jomo Kenyatta International Airport on Monday, officials said."),
        _doc(7, "Jomo Kenyatta led the country to independence in 1963. The airport is named after him."),
    ), apart=(("Jomo Kenyatta", "Jomo Kenyatta International Airport"),)),
    Case("person-ship", (
        _doc(6, "The ferry MV Julius Nyerere sank off Mwanza on Monday with 200 people on board."),
        _doc(7, "The MV Julius Nyerere was built in 1998. Julius Nyerere was the country's first president."),
    ), apart=(("MV Julius Nyerere", "Julius Nyerere"),)),
    Case("person-foundation", (
        _doc(6, "The Grace Wanjiru Foundation paid for the funerals, its director said on Monday."),
        _doc(7, "Grace Wanjiru, who founded the charity in 2010, visited the families on Tuesday."),
    ), apart=(("Grace Wanjiru", "Grace Wanjiru Foundation"),)),
    Case("person-street", (
        _doc(6, "The blast shattered windows along Haile Selassie Avenue in the capital on Monday."),
        _doc(7, "Shops on Haile Selassie Avenue reopened on Tuesday. Haile Selassie ruled the country until 1974."),
    ), apart=(("Haile Selassie", "Haile Selassie Avenue"),)),
    Case("person-university", (
        _doc(6, "Students at Kwame Nkrumah University protested on Monday, police said."),
        _doc(7, "Kwame Nkrumah led Ghana to independence. Kwame Nkrumah University was named after him."),
    ), apart=(("Kwame Nkrumah", "Kwame Nkrumah University"),)),
    Case("country-embassy", (
        _doc(6, "Kenya condemned the attack on Monday. The Kenyan Embassy in Kampala said two citizens were hurt."),
        _doc(7, "The Kenyan Embassy said it was in touch with the families. Kenya sent a plane to bring them home."),
    ), apart=(("Kenya", "Kenyan Embassy"),)),
    Case("country-people", (
        _doc(6, "Somalia said on Monday that its forces had retaken the town. Two Somali soldiers were killed."),
        _doc(7, "Yemen said a boat carrying Yemeni fishermen had sunk. Somalia sent a rescue ship."),
    ), apart=(("Somalia", "Somali"), ("Yemen", "Yemeni"))),
    Case("group-branch", (
        _doc(6, "The Islamic Front claimed the attack on Monday. The Islamic Front in the North denied any role."),
        _doc(7, "A spokesman for the Islamic Front in the North said the group had no fighters in the city. "
                "The Islamic Front said its men had acted alone."),
    ), apart=(("Islamic Front", "Islamic Front in the North"),)),
    Case("party-youth-wing", (
        _doc(6, "The National Renewal Party won the vote. The National Renewal Party Youth League celebrated in the streets."),
        _doc(7, "Leaders of the National Renewal Party Youth League were arrested on Tuesday. "
                "The National Renewal Party condemned the arrests."),
    ), apart=(("National Renewal Party", "National Renewal Party Youth League"),)),
    Case("city-province", (
        _doc(6, "Floods hit Tarvel Province on Monday. In the city of Tarvel, 40 homes were destroyed."),
        _doc(7, "The governor of Tarvel Province asked for help. Tarvel was without power on Tuesday."),
    ), apart=(("Tarvel Province", "Tarvel"),),
        note="the text calls Tarvel a city: the province is another place"),
    Case("region-capital", (
        _doc(6, "Heavy snow closed roads across Omsk Oblast on Monday. In Omsk, schools were shut."),
        _doc(7, "The governor of Omsk Oblast declared an emergency. Flights from Omsk were cancelled."),
        _doc(8, "Police in Omsk oblast said two drivers had died in the snow."),
    ), apart=(("Omsk Oblast", "Omsk"), ("Omsk oblast", "Omsk")),
        note="a region named like its capital, a city the gazetteer knows"),
    Case("province-no-city", (
        _doc(6, "Floods hit Kelvara Province on Monday, officials said. Villages across Kelvara were cut off."),
        _doc(7, "The governor of Kelvara province asked for help. Kelvara has had no power since Sunday."),
    ), together=(("Kelvara Province", "Kelvara"), ("Kelvara province", "Kelvara")),
        note="no city of the name: the province and its bare name are one place (seeds: Helmand)"),
    Case("first-surname-two-men", (
        _doc(6, "Police arrested Ernesto Quiroga Valle, a farmers' leader, on Saturday. Commissioner Julio "
                "Quiroga Benítez, the regional police chief, who is not related to him, said he had blocked a road."),
        _doc(7, "Ernesto Quiroga Valle, 45, was found dead in his cell on Monday. Mr. Quiroga had led the protests "
                "for two years. Commissioner Julio Quiroga Benítez said an inquiry had begun. Commissioner Quiroga "
                "denied that officers had beaten Mr. Quiroga."),
        _doc(8, "Hundreds of farmers attended the funeral of Mr. Quiroga on Wednesday in his home village."),
    ), apart=(("Ernesto Quiroga Valle", "Julio Quiroga Benítez"), ("Commissioner Quiroga", "Mr. Quiroga"),
              ("Commissioner Quiroga", "Ernesto Quiroga Valle"), ("Mr. Quiroga", "Julio Quiroga Benítez")),
        alone=(("Mr. Quiroga", ("Ernesto Quiroga Valle", "Julio Quiroga Benítez")),),
        together=(("Commissioner Quiroga", "Julio Quiroga Benítez"),),
        note="two unrelated men share a first surname; the officer's rank tells his short form apart"),
    Case("patronymic-father-son", (
        _doc(6, "Ivan Petrovich Sidorov, 68, the founder of the firm, and his son Pyotr Ivanovich Sidorov, its "
                "director, were charged on Monday. Yelena Sidorova, the founder's wife, called the case political."),
        _doc(7, "Pyotr Ivanovich Sidorov denied the charges. Ivan Petrovich Sidorov was released on bail."),
        _doc(8, "Sidorov told reporters he was innocent. Sidorova said the family would appeal."),
    ), apart=(("Ivan Petrovich Sidorov", "Pyotr Ivanovich Sidorov"), ("Yelena Sidorova", "Ivan Petrovich Sidorov"),
              ("Yelena Sidorova", "Pyotr Ivanovich Sidorov"), ("Sidorova", "Sidorov")),
        alone=(("Sidorov", ("Ivan Petrovich Sidorov", "Pyotr Ivanovich Sidorov")),),
        note="a father and his son, whose patronymic is the father's given name; the wife's surname"),
    Case("hispanic-mother-son", (
        _doc(6, "Rosa Medina Paredes and her son Tomás Ochoa Medina were injured when the bus overturned."),
        _doc(7, "Tomás Ochoa Medina, 19, was discharged on Tuesday. Rosa Medina Paredes is still in hospital."),
        _doc(8, "Medina said the driver had been speeding."),
    ), apart=(("Rosa Medina Paredes", "Tomás Ochoa Medina"),),
        alone=(("Medina", ("Rosa Medina Paredes", "Tomás Ochoa Medina")),),
        note="a son's second surname is his mother's first"),
    Case("kunya-of-the-son", (
        _doc(6, "Samir Karim al-Haddad, 58, the father of the groom, is known in the village as Abu Karim. "
                "\"Abu Karim went back in three times,\" a neighbour said. The groom, Karim Samir al-Haddad, 27, "
                "was treated for burns."),
        _doc(7, "Karim Samir al-Haddad was discharged from hospital on Tuesday, his family said."),
    ), apart=(("Abu Karim", "Karim Samir al-Haddad"),),
        note="a kunya names the father of the one whose name it holds"),
    Case("single-name", (
        _doc(6, "Sutarno, a 52-year-old fisherman, was rescued on Monday. The district head, Budi Sutarno, "
                "praised the rescuers."),
        _doc(7, "Sutarno said he had clung to a plank for nine hours before a boat found him."),
        _doc(8, "Budi Sutarno said the search for the missing would go on."),
    ), apart=(("Sutarno", "Budi Sutarno"),),
        note="a person known by one name and an official whose name ends with it"),
    Case("one-letter-siblings", (
        _doc(6, "Samir Khalil and his sister Samira Khalil were wounded in the blast, relatives said. "
                "Ali Mansour and his daughter Alia Mansour were also hurt."),
        _doc(7, "Samira Khalil was discharged on Tuesday. Samir Khalil remains in hospital. "
                "Alia Mansour said her father was recovering."),
        _doc(8, "Ali Mansour was moved to intensive care on Wednesday."),
    ), apart=(("Samir Khalil", "Samira Khalil"), ("Ali Mansour", "Alia Mansour"))),
    Case("slip-or-sister", (
        _doc(6, "Samir Khalil, a shopkeeper, was wounded in the blast on Monday. Samir Khalil was taken to hospital."),
        _doc(7, "Samir Khalil was discharged on Tuesday. Samira Khalil, 19, was treated for cuts."),
        _doc(8, "Samir Khalil told reporters the blast shook the whole street. Samir Khalil said he would reopen."),
    ), apart=(("Samir Khalil", "Samira Khalil"),)),
    Case("one-letter-given", (
        _doc(6, "Ivan Petrov and Ivana Petrova, a brother and sister from Omsk, were among the passengers."),
        _doc(7, "Ivana Petrova said the train shook before it left the rails. Ivan Petrov broke his leg."),
        _doc(8, "Dana Kovacs and Diana Kovacs, cousins, were treated for cuts."),
    ), apart=(("Ivan Petrov", "Ivana Petrova"), ("Dana Kovacs", "Diana Kovacs"))),
    Case("vowel-keys", (
        _doc(6, "Jamal Nasser and his brother Jamil Nasser were arrested in Amman on Monday. "
                "Rashid Karimi, a witness, and Rashad Karimi, his cousin, were questioned."),
        _doc(7, "Jamil Nasser was freed on Tuesday. Jamal Nasser is still held, a relative said. "
                "Rashad Karimi denied any role."),
        _doc(8, "Rashid Karimi told reporters that he had seen the arrests."),
    ), apart=(("Jamal Nasser", "Jamil Nasser"), ("Rashid Karimi", "Rashad Karimi"))),
    Case("patronymic-surname", (
        _doc(6, "Ivan Petrovich Sidorov, the plant director, was arrested in Omsk on Monday."),
        _doc(7, "Ivan Petrov, a union leader, said the workers had warned of the danger. "
                "Ivan Petrovich Sidorov denied the charges."),
    ), apart=(("Ivan Petrov", "Ivan Petrovich Sidorov"),)),
    Case("given-initial", (
        _doc(6, "Karim Mansour, a teacher, and Karim Morsi, a baker, were wounded in the blast."),
        _doc(7, "Karim M., 34, told reporters he had seen the car explode."),
    ), alone=(("Karim M.", ("Karim Mansour", "Karim Morsi")),)),
    Case("same-given-one-word", (
        _doc(6, "Hassan Nuri, a shopkeeper, was killed. Hassan Abdi, a guard, was wounded."),
        _doc(7, "Hassan, 52, had run the shop for twenty years, his nephew said."),
    ), alone=(("Hassan", ("Hassan Nuri", "Hassan Abdi")),)),
    Case("two-events", (
        _doc(6, "A bombing in Kessa on Monday killed 12 people, police said. It was the worst attack since "
                "a bombing in Kessa in 2015 killed 30."),
        _doc(7, "The bombing in Kessa on Monday killed 14 people, hospital officials said."),
    ), note="events: linked by kind, place and time; printed only"),
    Case("same-surname-titles-gendered", (
        _doc(6, "Judge Maria Santos ordered the release of the suspect. Officer Paulo Santos had arrested him."),
        _doc(7, "Ms. Santos said the evidence was weak. Mr. Santos declined to comment."),
    ), apart=(("Maria Santos", "Paulo Santos"), ("Ms. Santos", "Mr. Santos"), ("Ms. Santos", "Paulo Santos"),
              ("Mr. Santos", "Maria Santos"))),
)


def _entity_of(entities, name: str):
    found = [e for e in entities if name in {v["name"] for v in e["variants"]}]
    return found[0] if len(found) == 1 else None


def judge(case: Case, entities) -> dict:
    """Wrong merges, ambiguous joins, lost joins and missing names of one run."""
    out = {"merged": [], "joined": [], "split": [], "missing": []}
    for a, b in case.apart:
        ea, eb = _entity_of(entities, a), _entity_of(entities, b)
        if ea is None or eb is None:
            out["missing"].extend(n for n, e in ((a, ea), (b, eb)) if e is None)
        elif ea["entity_id"] == eb["entity_id"]:
            out["merged"].append((a, b))
    for short, candidates in case.alone:
        es = _entity_of(entities, short)
        if es is None:
            out["missing"].append(short)
            continue
        for c in candidates:
            ec = _entity_of(entities, c)
            if ec is not None and ec["entity_id"] == es["entity_id"]:
                out["joined"].append((short, c))
    for a, b in case.together:
        ea, eb = _entity_of(entities, a), _entity_of(entities, b)
        if ea is None or eb is None or ea["entity_id"] != eb["entity_id"]:
            out["split"].append((a, b))
    return out


def run_case(case: Case, folder):
    import factx

    paths = []
    for n, text in enumerate(case.articles):
        path = folder / f"{case.id}-{n}.txt"
        path.write_text(text)
        paths.append(path)
    done = factx.extract(paths, store=folder / f"{case.id}-store")
    return list(done.store.entities())


def main(ids: list[str]) -> None:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        for case in CASES:
            if ids and case.id not in ids:
                continue
            entities = run_case(case, Path(tmp))
            verdict = judge(case, entities)
            bad = {k: v for k, v in verdict.items() if v}
            print(f"## {case.id}: {bad or 'ok'}")
            for e in entities:
                if e["entity_type"] in ("DATE", "TIME", "CARDINAL", "QUANTITY"):
                    continue
                names = ", ".join(f'{v["name"]}' for v in e["variants"])
                print(f'   {e["entity_type"]:6} {e["entity"]}: {names}')


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
