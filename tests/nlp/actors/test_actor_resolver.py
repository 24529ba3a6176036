"""The actor resolver on small hand-made sentences (and the seed article when present)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from spacy.language import Language

from communique.nlp.extensions import ActorCluster, actor_of, actors_at

from helpers import SEED, SEED_GOLD


@pytest.fixture(scope="module")
def nlp_actors() -> Language:
    from communique.nlp.pipeline import load_pipeline

    return load_pipeline(components_to_add=("communique_actors",))


def _find(actors: list[ActorCluster], text: str, words: str) -> ActorCluster:
    """The actor with a mention covering the first occurrence of ``words``."""
    i = text.index(words)
    for a in actors:
        for m in a.mentions:
            if m.start_char <= i and i + len(words) <= m.end_char:
                return a
    for a in actors:
        if any(m.start_char < i + len(words) and i < m.end_char for m in a.mentions):
            return a
    raise AssertionError(f"no actor for {words!r}: {[(a.name, a.code) for a in actors]}")


@pytest.mark.parametrize(
    ("text", "words", "code", "country"),
    [
        (
            "Russian President Vladimir Putin met Chinese leaders on Monday.",
            "Vladimir Putin",
            "RUSGOV",
            "RUS",
        ),
        ("Secretary of State John Kerry spoke to reporters.", "John Kerry", "USAGOV", "USA"),
        (
            "The Russian government granted asylum to the former contractor.",
            "Russian government",
            "RUSGOV",
            "RUS",
        ),
        ("Russia said it would not extradite him.", "Russia", "RUS", "RUS"),
        ("A Pentagon spokesman declined to comment.", "Pentagon spokesman", "USAMIL", "USA"),
        ("The United Nations will provide food aid.", "United Nations", "IGO", None),
        ("Turkish police dispersed the crowd.", "Turkish police", "TURCOP", "TUR"),
        ("Sudanese rebels shelled the town.", "Sudanese rebels", "SDNREB", "SDN"),
        (
            "The Latvian Constitutional Court cancelled the restrictions.",
            "Latvian Constitutional Court",
            "LVAJUD",
            "LVA",
        ),
        ("Moscow rejected the demand on Tuesday.", "Moscow", "RUSGOV", "RUS"),
        ("Swiss doctors handed over medicine.", "Swiss doctors", "CHEMED", "CHE"),
        ("Lavrov, Russia's foreign minister, said the talks went well.", "Lavrov", "RUSGOV", "RUS"),
        ("The president of Armenia met the delegation.", "president", "ARMGOV", "ARM"),
        (
            "Opposition groups in Zimbabwe are demanding new elections.",
            "Opposition groups",
            "ZWEOPP",
            "ZWE",
        ),
        ("The Kremlin denied the report.", "Kremlin", "RUSGOV", "RUS"),
        ("Bangladesh rejected an Indian proposal.", "Indian", "IND", "IND"),
        (
            "U.N. Secretary-General Kofi Annan announced the withdrawal.",
            "Kofi Annan",
            "IGOGOV",
            None,
        ),
    ],
)
def test_codes(nlp_actors: Language, text: str, words: str, code: str, country: str | None) -> None:
    doc = nlp_actors(text)
    actor = _find(doc._.actors, text, words)
    assert actor.code == code
    assert actor.country == country


@pytest.mark.parametrize(
    ("text", "full", "alias"),
    [
        (
            "Foreign Minister Sergei Lavrov arrived. Lavrov said the talks were useful.",
            "Sergei Lavrov",
            "Lavrov said",
        ),
        (
            "Kerry met Sergei Lavrov. \u201cSergei and I do not always agree,\u201d Kerry said.",
            "Sergei Lavrov",
            "Sergei and",
        ),
        ("President Vladimir Putin spoke. Mr. Putin then left.", "Vladimir Putin", "Mr. Putin"),
        (
            "Defense Minister Sergey Shoygu met Chuck Hagel. Shoygu said little.",
            "Sergey Shoygu",
            "Shoygu said",
        ),
        ("Edward Snowden fled. Officials want Snowden back.", "Edward Snowden", "Snowden back"),
    ],
)
def test_aliases_join_one_actor(nlp_actors: Language, text: str, full: str, alias: str) -> None:
    doc = nlp_actors(text)
    a = _find(doc._.actors, text, full)
    b = _find(doc._.actors, text, alias.split()[0] if alias.split()[0] not in ("Mr.",) else alias)
    assert a is b
    assert a.name == full
    assert a.kind == "person"


def test_role_only_mention_joins_its_holder(nlp_actors: Language) -> None:
    text = (
        "Foreign Minister Sergei Lavrov met John Kerry in Washington. "
        "The Russian foreign minister said Moscow wanted better ties."
    )
    doc = nlp_actors(text)
    lavrov = _find(doc._.actors, text, "Sergei Lavrov")
    assert _find(doc._.actors, text, "Russian foreign minister") is lavrov
    assert lavrov.country == "RUS" and lavrov.role == "Foreign Minister"


def test_former_role(nlp_actors: Language) -> None:
    text = "He worked with former Russian President Dmitry Medvedev for four years."
    doc = nlp_actors(text)
    m = _find(doc._.actors, text, "Dmitry Medvedev")
    assert m.role == "former President"
    assert m.country == "RUS"
    assert m.code == "RUSELI"


def test_coordinated_countries_share_one_mention(nlp_actors: Language) -> None:
    text = "Senior Hungarian and Romanian officials agreed on Wednesday to cooperate."
    doc = nlp_actors(text)
    i = text.index("officials")
    tok = next(t for t in doc if t.idx == i)
    codes = sorted(a.code or "" for a in actors_at(doc, tok.i, tok.i + 1))
    assert codes == ["HUNGOV", "ROUGOV"]
    assert all(a.kind == "group" and a.plural for a in actors_at(doc, tok.i, tok.i + 1))


def test_ids_in_order_and_actor_of(nlp_actors: Language) -> None:
    text = "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry."
    doc = nlp_actors(text)
    assert [a.id for a in doc._.actors] == [f"a{i}" for i in range(1, len(doc._.actors) + 1)]
    first = doc._.actors[0]
    assert first.name == "Sergei Lavrov"
    russian = next(t for t in doc if t.text == "Russian")
    assert actor_of(doc, russian.i, russian.i + 1) is first


@pytest.mark.parametrize(
    ("text", "words", "gender"),
    [
        ("Ms. Albright said the talks failed.", "Albright", "f"),
        ("John Smith, the mayor, said the talks failed.", "John Smith", "m"),
        ("Maria Lopez said the talks failed.", "Maria Lopez", "f"),
    ],
)
def test_gender(nlp_actors: Language, text: str, words: str, gender: str) -> None:
    doc = nlp_actors(text)
    assert _find(doc._.actors, text, words).gender == gender


def test_user_dictionary_overrides_by_date(tmp_path: Path) -> None:
    from communique.nlp.actors import ActorResolver
    from communique.nlp.pipeline import load_pipeline

    path = tmp_path / "tiny.actors.txt"
    path.write_text(
        "# a tiny TABARI dictionary\nIVAN_PETROV_\n+PETROV_\n"
        "\t[RUSELI 900101-091231]\n\t[RUSMIL >100101]\n\t[RUSELI]\n",
        encoding="utf-8",
    )
    base = load_pipeline(components_to_add=())
    resolver = ActorResolver(actor_dictionaries=[str(path)])
    text = "Ivan Petrov said the Russian army was ready."
    for day, code in [
        (dt.date(2005, 1, 1), "RUSELI"),
        (dt.date(2013, 8, 9), "RUSMIL"),
        (None, "RUSMIL"),
    ]:
        doc = base(text)
        doc._.published = day
        resolver(doc)
        petrov = _find(doc._.actors, text, "Ivan Petrov")
        assert petrov.code == code
        assert petrov.country == "RUS"


def test_seed_people(nlp_actors: Language) -> None:
    if not SEED.exists() or not SEED_GOLD.exists():
        pytest.skip("seed fixture absent")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    doc = nlp_actors(gold["text"])
    people = {a.name.split()[-1]: a for a in doc._.actors if a.kind == "person"}
    for g in gold["actors"]:
        a = people[g["name"].split()[-1]]
        assert a.country == g["country"]
        assert g["role"].lower() in (a.role or "").lower()
        for alias in g["aliases"]:
            i = gold["text"].find(alias)
            assert any(m.start_char <= i < m.end_char for m in a.mentions), alias


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        (
            "Israeli soldiers arrested more than 100 Palestinians on Saturday.",
            "Palestinians",
            "PSECVL",
        ),
        ("Palestinians blamed Israel for the bombing.", "Palestinians", "PSE"),
        ("The official Syrian newspaper called on Arabs to unite.", "Syrian newspaper", "SYRGOV"),
        (
            "Burmese troops captured part of a Karen guerrilla stronghold.",
            "Karen guerrilla",
            "MMRREB",
        ),
        ("Russian aircraft killed 46 Afghan civilians.", "Afghan civilians", "AFGCVL"),
        ("Turkish authorities imposed a curfew in the town of Cizre.", "Cizre", "TURCVL"),
        ("Poland's parliament has demanded an admission by Moscow.", "Moscow", "RUSGOV"),
        (
            "The Association of African Jurists investigated the case.",
            "Association of African Jurists",
            "NGOJUD",
        ),
    ],
)
def test_group_and_place_conventions(
    nlp_actors: Language, text: str, words: str, code: str
) -> None:
    doc = nlp_actors(text)
    assert _find(doc._.actors, text, words).code == code


@pytest.mark.parametrize(
    "text",
    [
        "The injured were flown to hospital by helicopter.",
        "Voters doubt she could serve as President.",
    ],
)
def test_no_actor_for_bare_equipment_or_predicates(nlp_actors: Language, text: str) -> None:
    doc = nlp_actors(text)
    assert all(a.sector not in ("MIL", "GOV") for a in doc._.actors), [
        (a.name, a.code) for a in doc._.actors
    ]


@pytest.mark.parametrize(
    ("day", "role", "code"),
    [
        (dt.date(2013, 8, 9), "Secretary of State", "USAGOV"),
        (dt.date(2010, 1, 1), None, "USA"),  # before his term: no office assumed
        (dt.date(2020, 1, 1), "former Secretary of State", "USAELI"),
        (None, None, "USAGOV"),  # undated: his branch, but which office the text must say
    ],
)
def test_known_people_offices_follow_the_publication_date(
    nlp_actors: Language, day: dt.date | None, role: str | None, code: str
) -> None:
    text = "John Kerry arrived in Geneva on Friday."
    doc = nlp_actors.make_doc(text)
    doc._.published = day
    doc = nlp_actors(doc)
    kerry = _find(doc._.actors, text, "John Kerry")
    assert (kerry.role, kerry.code, kerry.country) == (role, code, "USA")


def test_title_in_text_beats_known_office(nlp_actors: Language) -> None:
    text = "He worked with former Russian President Dmitry Medvedev."
    doc = nlp_actors.make_doc(text)
    doc._.published = dt.date(2013, 8, 9)  # Medvedev was prime minister then
    doc = nlp_actors(doc)
    assert _find(doc._.actors, text, "Dmitry Medvedev").role == "former President"


def test_mislabelled_surnames_and_possessives_join_the_person(nlp_actors: Language) -> None:
    text = (
        "Ronna McDaniel talked to the board. McDaniel is the party chair. "
        "Later Donald Trump spoke. Donald’s aides were silent."
    )
    doc = nlp_actors(text)
    mcd = _find(doc._.actors, text, "Ronna McDaniel")
    assert _find(doc._.actors, text, "McDaniel is") is mcd
    trump = _find(doc._.actors, text, "Donald Trump")
    assert _find(doc._.actors, text, "Donald’s") is trump


def test_knowledge_dir_overrides_bundled_files(tmp_path: Path) -> None:
    from communique.nlp.actors import ActorResolver
    from communique.nlp.pipeline import load_pipeline

    (tmp_path / "people.tsv").write_text(
        "name\taliases\tcountry\trole\tcode\tgender\tsince\tuntil\n"
        "Ivo Zelenko\t\tHRV\tMayor\tHRVGOV\tm\t\t\n",
        encoding="utf-8",
    )
    base = load_pipeline(components_to_add=())
    text = "Mayor Zelenko said the bridge would reopen."
    doc = ActorResolver(knowledge_dir=str(tmp_path))(base(text))
    actor = _find(doc._.actors, text, "Zelenko")
    assert (actor.country, actor.role, actor.code) == ("HRV", "Mayor", "HRVGOV")
    doc = ActorResolver()(base(text))
    assert _find(doc._.actors, text, "Zelenko").country is None  # no bundled Zelenko


@pytest.mark.parametrize(
    ("phrase", "found"),
    [
        ("Foreign Ministers", "foreign minister"),
        ("secretaries of state", "secretary of state"),
        ("policemen", "policeman"),
        ("police", "police"),
    ],
)
def test_role_table_plurals(phrase: str, found: str) -> None:
    from communique.knowledge.actor_lexicon import load_actor_knowledge

    entry = load_actor_knowledge().role(phrase)
    assert entry is not None and entry.phrase == found


@pytest.mark.parametrize(
    ("text", "kind", "iso3"),
    [
        ("Russian", "adjective", "RUS"),
        ("the United States", "country", "USA"),
        ("Palestinians", "people", "PSE"),
        ("Moscow", "capital", "RUS"),
        ("Darfur", "place", "SDN"),
        ("Cizre", "city", "TUR"),
        ("Karen", "ethnic", "MMR"),
    ],
)
def test_name_table(text: str, kind: str, iso3: str) -> None:
    from communique.knowledge.actor_lexicon import load_actor_knowledge

    hit = load_actor_knowledge().first(text, (kind,))
    assert hit is not None and hit.iso3 == iso3


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("Kenya held elections on Monday. Police said three people died.", "Police", "KENCOP"),
        ("Kenya held elections on Monday. Officials said three people died.", "Officials", "GOV"),
        (
            "Judge Alejandro Rivera opened investigations against Chilean officials.",
            "Alejandro Rivera",
            "CHLJUD",
        ),
    ],
)
def test_country_from_context(nlp_actors: Language, text: str, words: str, code: str) -> None:
    doc = nlp_actors(text)
    assert _find(doc._.actors, text, words).code == code


def test_published_may_be_a_datetime(nlp_actors: Language) -> None:
    text = "John Kerry arrived in Geneva on Friday."
    doc = nlp_actors.make_doc(text)
    doc._.published = dt.datetime(2013, 8, 9, 12, 30)
    doc = nlp_actors(doc)
    assert _find(doc._.actors, text, "John Kerry").code == "USAGOV"


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # a possessive pronoun takes its antecedent's country, not the first one named
        (
            "Ghana said it would send troops unless President Jean Kamba of Chad agreed to "
            "talks with rebels trying to topple his government.",
            "his government",
            "TCDGOV",
        ),
        (
            "The Nicaraguan president said his government would talk to Honduras.",
            "his government",
            "NICGOV",
        ),
        # a country named in an embedded clause is no clue to the main clause's actors
        ("Mr Blair told MPs that Iraq had weapons.", "MPs", "GBRLEG"),
        # the subject of a subordinate clause takes the main subject's country
        (
            "Uganda said it had paid compensation to British nationals for assets they lost "
            "when former dictator Idi Amin expelled them.",
            "Idi Amin",
            "UGAELI",
        ),
        # "X did Y, a minister said": the speaker is of X
        (
            "Saudi Arabia has mobilized pressure groups in the United States, a top minister said.",
            "top minister",
            "SAUGOV",
        ),
        # several countries in the clause: the subject's
        (
            "Britain mobilized army reservists for a possible war against Iraq.",
            "army reservists",
            "GBRMIL",
        ),
        # the dateline gives the country of unqualified domestic actors
        (
            "BAGHDAD, Jan 3 (AFP) - Police said three people were killed in a blast.",
            "Police",
            "IRQCOP",
        ),
    ],
)
def test_country_from_syntax(nlp_actors: Language, text: str, words: str, code: str) -> None:
    doc = nlp_actors(text)
    assert _find(doc._.actors, text, words).code == code


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # office holders counted as a set are of several countries: no guess
        ("The two leaders met in Geneva after Russia and Iran signed a deal.", "leaders"),
        # a news agency's country says nothing about the news
        ("Rebels kidnapped dozens of peacekeepers, an AFP correspondent said.", "peacekeepers"),
    ],
)
def test_country_left_unknown(nlp_actors: Language, text: str, words: str) -> None:
    doc = nlp_actors(text)
    actor = _find(doc._.actors, text, words)
    assert actor.country is None, actor.code


def test_dateline_is_no_actor(nlp_actors: Language) -> None:
    text = "BAGHDAD, Jan 3 (AFP) - Police said three people were killed in a blast."
    doc = nlp_actors(text)
    assert not any(m.start_char == 0 for a in doc._.actors for m in a.mentions)


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # "of X" after a titled name, "based in X" after a group, nested "of" phrases
        ("President Jean Kamba of Chad met the envoy.", "Jean Kamba", "TCDGOV"),
        (
            "A terror group based in Trinidad threatened the United States.",
            "terror group",
            "TTOREB",
        ),
        ("Rebels burned a village in the province of Kandahar.", "village", "AFGCVL"),
        # plain adjectives between a country word and its noun
        ("Irish nationalist guerrillas wounded two British soldiers.", "guerrillas", "IRLREB"),
        # an ethnic minority belongs to the country it lives in (called ethnic, it takes
        # CAMEO's ethnic code as the third part)
        ("Serb forces killed three ethnic Albanians in southern Serbia.", "Albanians", "SRBCVLalb"),
        (
            "Ethnic Albanians vowed to fight near Macedonia's border with Bulgaria, Macedonian "
            "officials said.",
            "Macedonian officials",
            "MKDGOV",
        ),
        # groups and sectors
        ("UN peacekeepers were attacked near Goma.", "UN peacekeepers", "IGOMIL"),
        ("Israeli settlers attacked the village.", "Israeli settlers", "ISRCVL"),
        ("The Burmese junta released the prisoners.", "Burmese junta", "MMRGOV"),
        ("A Somali rebel group seized the port.", "rebel group", "SOMREB"),
        ("Kenyan rioters blocked the road.", "Kenyan rioters", "KENCVL"),
    ],
)
def test_syntactic_ties_and_sectors(nlp_actors: Language, text: str, words: str, code: str) -> None:
    doc = nlp_actors(text)
    assert _find(doc._.actors, text, words).code == code


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("Morning Consult found that voters like him.", "Morning Consult", "USABUS"),
        ("Leaders of the G8 urged Iran to stop.", "G8", "IGO"),
        ("A poll by the Carnegie Foundation said Smith is popular.", "Carnegie Foundation", "NGO"),
    ],
)
def test_organisations_the_model_calls_people(
    nlp_actors: Language, text: str, words: str, code: str
) -> None:
    doc = nlp_actors(text)
    actor = _find(doc._.actors, text, words)
    assert (actor.kind, actor.code) == ("organization", code)
