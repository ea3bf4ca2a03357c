"""Invented multi-document runs through the real pipeline (issue #15, wave 8): names from
naming traditions factx had not met, each with the forms English news writes them in. One
run of ten invented stories; every name here is invented."""

import pytest

import factx

ARTICLES = {
    'arab-a.txt': (
        'Mar 1, 2025\n'
        '\n'
        'A senior commander of the Jund al-Fath group, Abu Khalid al-Shami, was killed in a drone strike on Sunday, officials said. Abu Khalid, whose real name is Walid Saeed al-Ahmad, had led the group since 2019.\n'
    ),
    'arab-b.txt': (
        'Mar 2, 2025\n'
        '\n'
        'Walid Saeed al-Ahmad, known as Abu Khalid al-Shami, died in the strike near the border, a security official said. Al-Ahmad was born in 1978.\n'
    ),
    'arab-c.txt': (
        'Mar 2, 2025\n'
        '\n'
        'The group denied that Abu Khalid al-Shami had been killed. A spokesman, Sheikh Hamza bin Tariq, said al-Shami was alive.\n'
    ),
    'asia-a.txt': (
        'Jun 5, 2025\n'
        '\n'
        'HANOI -- Nguyen Van Hung, the director of the port authority, said on Thursday that the ship had been inspected in May. Mr. Hung said the crew had no warning. Wang Jianguo, a Chinese engineer aboard, was among the survivors.\n'
    ),
    'asia-b.txt': (
        'Jun 6, 2025\n'
        '\n'
        'Mr. Wang told state media that water entered the engine room within minutes. The port authority director, Nguyen Van Hung, has ordered an inquiry. South Korean crew member Park Ji-hoon was missing.\n'
    ),
    'asia-c.txt': (
        'Jun 6, 2025\n'
        '\n'
        'Rescuers were still searching for Mr. Park on Friday. Wang, 52, said he had jumped into the sea. Hung said the inquiry would report in a month.\n'
    ),
    'hisp-a.txt': (
        'Nov 3, 2025\n'
        '\n'
        'BOGOTA -- María Fernanda López Ortiz, the governor of Valdora state, said on Monday that the bridge would reopen within a week. López said engineers had found no damage to the main span. "We will not take risks," López told reporters in the state capital.\n'
    ),
    'hisp-b.txt': (
        'Nov 4, 2025\n'
        '\n'
        'Governor López Ortiz has ordered an inspection of every bridge in the state after the collapse on Sunday, her office said. Ms. López Ortiz said the inspection would take a month. Opposition lawmaker Gustavo Ramírez Vidal said the order came too late.\n'
    ),
    'hisp-c.txt': (
        'Nov 4, 2025\n'
        '\n'
        'The collapse killed six people, officials said. María Fernanda López, who took office in 2023, visited the site on Tuesday. Ramírez Vidal called for her resignation.\n'
    ),
    'ranks-a.txt': (
        'Feb 4, 2025\n'
        '\n'
        'Brig.-Gen. Tomas Varga said troops had reached the camp. Imam Salif Kone led prayers for the dead. Datuk Seri Lim Boon Keat, the minister, visited the camp.\n'
    ),
    'ranks-b.txt': (
        'Feb 5, 2025\n'
        '\n'
        'Tomas Varga, the army commander, said 14 people were killed. Salif Kone said the victims were buried on Tuesday. Lim Boon Keat promised aid.\n'
    ),
    'ranks-c.txt': (
        'Feb 5, 2025\n'
        '\n'
        'Gen. Varga said three suspects were arrested. Pastor Emeka Obi said his church had been burned. Emeka Obi, 61, said he had lost two sons.\n'
    ),
    'somali-a.txt': (
        'Oct 2, 2025\n'
        '\n'
        'MOGADISHU -- Abdi Farah Warsame, the mayor of Baidoa, was wounded on Tuesday when a bomb exploded near his convoy, police said. Mr. Abdi Farah was taken to a hospital in the city. Police commander Yusuf Hassan Dirie said two guards were killed.\n'
    ),
    'somali-b.txt': (
        'Oct 2, 2025\n'
        '\n'
        'A roadside bomb hit the convoy of Baidoa mayor Abdi Farah Warsame on Tuesday. Mr Warsame survived the blast, his spokesman Ahmed Nur Jama said. Colonel Yusuf Hassan Dirie said the attackers fled.\n'
    ),
    'somali-c.txt': (
        'Oct 3, 2025\n'
        '\n'
        "The mayor of Baidoa, Abdi Farah, is in stable condition after Tuesday's bombing, doctors said. Col. Dirie said police had arrested three suspects.\n"
    ),
    'tamil-a.txt': (
        'Aug 9, 2025\n'
        '\n'
        'CHENNAI -- Fire broke out at a textile mill in Tiruppur on Friday, killing nine workers, district collector K. Selvaraman said. Selvaraman said the cause was being investigated.\n'
    ),
    'tamil-b.txt': (
        'Aug 10, 2025\n'
        '\n'
        "The mill's owner, R. S. Venkatesan, was arrested on Saturday, police said. Mr. Venkatesan denied the charges. Collector Kumaravel Selvaraman said the toll had risen to 11.\n"
    ),
    'tamil-c.txt': (
        'Aug 10, 2025\n'
        '\n'
        "Mr Selvaraman said the mill had no fire licence. Venkatesan's lawyer said his client would cooperate.\n"
    ),
    'burma-a.txt': (
        'May 4, 2025\n'
        '\n'
        'YANGON -- Senior General Kyaw Min Htet, the army chief, said on Sunday that the camp had been attacked by rebels. U Tin Maung Oo, a local official, said 23 people were killed.\n'
    ),
    'burma-b.txt': (
        'May 5, 2025\n'
        '\n'
        'Kyaw Min Htet blamed the Arakan Liberation Front for the attack. Tin Maung Oo said the dead included children.\n'
    ),
    'burma-c.txt': (
        'May 5, 2025\n'
        '\n'
        'The general, Kyaw Min Htet, visited the camp on Monday. Daw Nilar Win, who runs a clinic in the camp, said 40 people were wounded. Nilar Win said medicine was running out.\n'
    ),
    'eth-a.txt': (
        'Apr 2, 2025\n'
        '\n'
        'ADDIS ABABA -- Regional president Tesfaye Gebremedhin Alemu said on Wednesday that 40 people had died in the clashes. Tesfaye said federal troops had arrived in the town.\n'
    ),
    'eth-b.txt': (
        'Apr 3, 2025\n'
        '\n'
        'Mr Tesfaye told state television that calm had returned. Opposition leader Hirut Kassa Bekele said the toll was higher.\n'
    ),
    'eth-c.txt': (
        'Apr 3, 2025\n'
        '\n'
        'Tesfaye Gebremedhin, who has led the region since 2021, denied that troops had fired on protesters. Hirut Kassa said at least 60 people were killed.\n'
    ),
    'indo-a.txt': (
        'Jul 20, 2025\n'
        '\n'
        'JAKARTA -- Sutarno, the head of the local disaster agency, said on Sunday that 14 people had died. Sutarno said the search would continue.\n'
    ),
    'indo-b.txt': (
        'Jul 21, 2025\n'
        '\n'
        'Rescuers found two more bodies, agency chief Sutarno told reporters. Police chief Ahmad Yani Siregar said the boat was overloaded.\n'
    ),
    'indo-c.txt': (
        'Jul 21, 2025\n'
        '\n'
        'Mr Sutarno said the toll had risen to 16. Siregar said the captain had been detained.\n'
    ),
    'thai-a.txt': (
        'Jan 9, 2025\n'
        '\n'
        'BANGKOK -- Police Colonel Somsak Rattanaporn said on Thursday that the fire started in a storage room. Somsak said 12 workers were killed.\n'
    ),
    'thai-b.txt': (
        'Jan 10, 2025\n'
        '\n'
        'The factory owner, Wichai "Tong" Srisuk, was questioned by police, Col. Somsak said. Wichai denied that exits had been locked.\n'
    ),
    'thai-c.txt': (
        'Jan 10, 2025\n'
        '\n'
        'Mr Wichai Srisuk said his factory had passed an inspection in March. Police Colonel Somsak Rattanaporn said charges were likely.\n'
    )
}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("run8")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return factx.extract([folder / n for n in ARTICLES], store=folder / "store")


def _entity_of(run, name):
    found = [e for e in run.store.entities() if name in {v["name"] for v in e["variants"]}]
    assert len(found) == 1, (name, [e["entity"] for e in found])
    return found[0]


ONE_PERSON = [
    # a double surname: both surnames after a title, the given names and first surname
    ["Ms. López Ortiz", "María Fernanda López", "López Ortiz"],
    # Somali: the given and father's name after a title, the father's name after a title
    ["Abdi Farah Warsame", "Mr. Abdi Farah", "Mr Warsame"],
    # a rank written in full, then abbreviated in another document
    ["Colonel Yusuf Hassan Dirie", "Col. Dirie"],
    ["Brig.-Gen. Tomas Varga", "Gen. Varga", "Tomas Varga"],
    # Vietnamese (last word), Chinese and Korean (family name first)
    ["Nguyen Van Hung", "Mr. Hung"],
    ["Wang Jianguo", "Mr. Wang", "Wang"],
    ["Park Ji-hoon", "Mr. Park"],
    # Tamil initials, and a surname after a title the model called a body
    ["K. Selvaraman", "Kumaravel Selvaraman", "Mr Selvaraman"],
    ["R. S. Venkatesan", "Venkatesan"],
    # a kunya the text declares, and the name the group gives
    ["Abu Khalid al-Shami", "Walid Saeed al-Ahmad"],
    # titles of other countries and faiths
    ["Datuk Seri Lim Boon Keat", "Lim Boon Keat"],
    ["Imam Salif Kone", "Salif Kone"],
    ["Pastor Emeka Obi", "Emeka Obi"],
    ["U Tin Maung Oo", "Tin Maung Oo"],
    ["Daw Nilar Win", "Nilar Win"],
    # a name called by its given name: Ethiopian, and Thai with a nickname in quotes
    ["Tesfaye Gebremedhin Alemu", "Mr Tesfaye"],
    ['Wichai "Tong" Srisuk', "Mr Wichai Srisuk", "Wichai"],
    ["Sutarno", "Mr Sutarno"],
]


@pytest.mark.model
@pytest.mark.parametrize("variants", ONE_PERSON, ids=[v[0] for v in ONE_PERSON])
def test_forms_of_one_name_are_one_person(run, variants):
    ids = {_entity_of(run, v)["entity_id"] for v in variants}
    assert len(ids) == 1
    assert _entity_of(run, variants[0])["entity_type"] == "PERSON"


@pytest.mark.model
def test_people_who_share_a_name_stay_apart(run):
    # the opposition lawmaker is not the governor; the spokesman is not the colonel
    assert _entity_of(run, "Gustavo Ramírez Vidal")["entity_id"] != _entity_of(run, "López Ortiz")["entity_id"]
    assert _entity_of(run, "Ahmed Nur Jama")["entity_id"] != _entity_of(run, "Col. Dirie")["entity_id"]


@pytest.mark.model
def test_a_date_line_is_no_person(run):
    names = {v["name"] for e in run.store.entities() if e["entity_type"] == "PERSON" for v in e["variants"]}
    assert not {"Mar 1", "Mar 2", "2025"} & names
