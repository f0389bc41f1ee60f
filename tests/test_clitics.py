"""The clitic policy (extractor/data/clitics.yaml, extractor/phrases.py), read as examples.

One policy, named variants where the matchers truly differ: a trigger may be a verb in the future
(فسيهاجمون), an actor alias and a place name are nouns; a place key carries its own article (العراق).
The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from extractor import rules_schema as rs
from extractor.normalize import normalize_text
from extractor.phrases import CLITICS, SUFFIXES, PhraseMatcher, proclitics, suffixes
from extractor.resolve import actors, places
from extractor.resolve.actors import ActorLexicon
from extractor.resolve.places import Gazetteer


@pytest.fixture(scope="module")
def lex() -> ActorLexicon:
    return ActorLexicon.load()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def words(matcher: PhraseMatcher, text: str) -> list[str]:
    return [h.phrase for h in matcher.iter(normalize_text(text))]


# ----------------------------------------------------------------------------- phrases (triggers, cues)
@pytest.mark.parametrize("text", ["وبالجيش", "للجيش", "فالجيش", "الجيش", "جيش"])
def test_a_phrase_matches_after_conjunction_preposition_and_article(text):
    assert words(PhraseMatcher([("جيش", 1)]), f"قال {text} اليوم") == ["جيش"]


@pytest.mark.parametrize("text", ["يهاجمون", "سيهاجمون", "فسيهاجمون", "وسيهاجمون"])
def test_a_trigger_verb_matches_in_the_future_and_with_its_ending(text):
    assert words(PhraseMatcher([("يهاجم", 1)]), f"قالوا إنهم {text} المدينة") == ["يهاجم"]


def test_a_phrase_inside_another_word_does_not_match():
    m = PhraseMatcher([("قصف", 1)])
    assert words(m, "استقصف") == []  # "است" is no clitic chain
    assert words(m, "فكقصف") == []  # فك is left out of every variant
    assert words(m, "قصفهم") == ["قصف"] and words(m, "قصفكم") == []  # a pronoun the policy lists, one it does not


# ----------------------------------------------------------------------------- the variants
def test_the_variants_differ_only_where_the_uses_do():
    phrase, noun, place = proclitics("phrase"), proclitics("noun"), proclitics("place")
    assert {"س", "وس", "فس"} <= phrase.set and not {"س", "وس", "فس"} & noun.set  # verbs, not nouns
    assert phrase.set - noun.set == {"س", "وس", "فس"}
    assert CLITICS == phrase.set and SUFFIXES == frozenset(suffixes("phrase"))
    # the article forms that stand before an alias written with the article
    assert {"ال", "وبال", "لل", "فلل"} <= noun.definite and "و" not in noun.definite
    # a gazetteer key carries its article: the place chains stop at the preposition
    assert not any("ال" in f for f in place) and {"وب", "فل", "لب"} <= place.set
    assert place.before_ll == {"ل", "ول", "فل"}  # ل + العراق is written للعراق
    assert place.forms[0] == "" and list(map(len, place.forms)) == sorted(map(len, place.forms))


def test_the_matchers_read_the_policy_not_their_own_lists():
    assert actors.CLITICS == proclitics("noun").set and actors.DEF_PREFIXES == proclitics("noun").definite
    assert places.CLITICS == proclitics("place").set and places._L_CLITICS == proclitics("place").before_ll
    assert tuple(actors._ADJ_SUFFIXES) == suffixes("adjective")


# ----------------------------------------------------------------------------- actors and places
@pytest.mark.parametrize("text", ["هاجم الجيش السوري", "وبالجيش السوري", "للجيش السوري"])
def test_an_actor_alias_takes_its_article_from_a_clitic_chain(lex, text):
    found = lex.find(normalize_text(text), event_country="Syria")
    assert [a.name.split(" (")[0] for a in found] == ["Military Forces of Syria"]


def test_an_actor_is_a_noun_the_future_prefix_does_not_stand_before_it(lex):
    assert lex.find(normalize_text("سالجيش"), event_country="Syria") == []


@pytest.mark.parametrize("text", ["للعراق", "والعراق", "بالعراق", "العراق"])
def test_a_country_after_clitics(lex, gaz, text):
    assert lex.country_of_word(normalize_text(text)) == "Iraq"
    assert [p.country for p in gaz.find(normalize_text(f"وصل وفد {text} أمس"))] == ["Iraq"]


@pytest.mark.parametrize("word, bare", [("وبمدينة", "مدينه"), ("الريف", "ريف"), ("بالقرب", "بالقرب"),
                                        ("وبالمحافظة", "محافظه"), ("لجنوب", "جنوب"), ("بلدة", "بلده")])  # fmt: skip
def test_a_place_modifier_word_without_its_clitics(word, bare):
    assert places._bare(normalize_text(word)) == bare


def test_place_words_come_from_the_data_file_normalised():
    assert places._TYPE_WORDS["قريه"] == "town" and places._TYPE_WORDS["محافظه"] == "admin1"
    assert {"ريف", "اطراف"} <= places._NEAR_WORDS and "اقصي" in places._SKIP_WORDS


# ----------------------------------------------------------------------------- the file is checked
def test_a_chain_naming_an_unknown_part_is_an_error_with_its_line():
    text = (rs.data_dir() / "clitics.yaml").read_text(encoding="utf-8")
    bad = text.replace("[[conjunction, preposition]]", "[[conjunction, prepositoin]]", 1)
    line = text[: text.index("[[conjunction, preposition]]")].count("\n") + 1
    errs = [str(e) for e in rs.validate_text("clitics.yaml", bad)[1]]
    msg = ("proclitics.place.chains[0][1]: unknown part 'prepositoin' "
           "(a key of parts: article, conjunction, future, imperfect, preposition)")
    assert errs == [f"clitics.yaml:{line}: {msg}"]


def test_a_variant_the_code_reads_cannot_be_dropped():
    text = (rs.data_dir() / "clitics.yaml").read_text(encoding="utf-8")
    bad = text.replace("  modifier:\n", "  modifiers:\n")
    assert any("the 'modifier' variant is missing" in str(e) for e in rs.validate_text("clitics.yaml", bad)[1])


@pytest.mark.parametrize("between, locates", [(" في ", True), (" بالقرب من ", True), (" شمال غرب ", True),
                                              (" بمديرية ", True), ("، ", False), (" ومديرية ", False)])  # fmt: skip
def test_the_words_between_two_names_that_make_the_second_a_reference_point(between, locates):
    assert places.locates_next(normalize_text(between)) is locates


@pytest.mark.parametrize("between, points", [(" جنوب ", True), (" بجنوب شرق ", True), (" شمال العاصمة ", True),
                                             (" التي تبعد 60 كلم شمال ", True), (" الواقعة إلى الشرق من ", True),
                                             (" في ", False), ("، جنوب ", False), (" هاجم مسلحون جنوب ", False),
                                             (" ومواقع جنوب ", False)])  # fmt: skip
def test_the_words_between_two_names_that_make_the_second_only_a_direction_from_the_first(between, points):
    assert places.points_back(normalize_text(between)) is points


@pytest.mark.parametrize("key", ["اليمني", "اليمنيه", "اليمنيين", "اليمنيون"])
def test_a_nationality_adjective_names_no_hamlet_whatever_its_ending(key):
    assert places.country_word_floor(key, frozenset({"اليمن"})) == places._NISBA_HAMLET
    assert places.country_word_floor("اليمنيات", frozenset({"اليمن"})) == 0  # not an ending the policy lists


@pytest.mark.parametrize("text, definite", [("الغارة", True), ("بالغارة", True), ("وللغارة", True), ("للهجوم", True),
                                            ("غارة", False), ("وبغارة", False), ("لغارة", False)])  # fmt: skip
def test_a_trigger_is_definite_when_its_clitics_end_in_the_article(text, definite):
    from extractor.templates import is_definite

    m = PhraseMatcher([("غارة", 1), ("هجوم", 1)])
    t = normalize_text(text)
    h = next(m.iter(t))
    assert is_definite(t, h.word_start, h.start) is definite


def test_a_date_takes_one_clitic_and_the_date_regexes_read_it_from_the_policy():
    from datetime import date

    from extractor.resolve.dates import resolve_event_date

    assert proclitics("date").set == {"", "و", "ف", "ب", "ل", "لل"}
    published = date(2024, 4, 20)
    for text in ("قصفت الطائرات القرية في 5 أبريل", "قصفت الطائرات القرية و5 أبريل"):
        assert resolve_event_date(normalize_text(text), published)[:2] == (date(2024, 4, 5), 1)


@pytest.mark.parametrize("text", ["توجه المصلون إلى المسجد الحرام", "توجه المصلون للمسجد الحرام",
                                  "وصل المصلون بالمسجد الحرام", "ارتفعت أسهم الشركات للسوق السعودية"])  # fmt: skip
def test_a_name_after_a_building_or_market_word_with_any_noun_clitics_is_no_place(gaz, text):
    # the noun variant before facility words: للمسجد، للسوق (the old hand list had ل+ال unjoined, never لل)
    assert [p.matched for p in gaz.find(normalize_text(text))] == []
