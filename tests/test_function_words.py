"""The small words and clitic letters the resolvers read (data/function_words.yaml, place_words.yaml,
casualties.yaml, numbers.yaml, dates.yaml and the variants of clitics.yaml), read as examples.

Each list was a tuple inside a Python module; now it is data, schema-checked at load. The sentences
are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from extractor import mentions
from extractor.normalize import normalize_text
from extractor.phrases import proclitics, suffixes
from extractor.resolve import actors, fatalities, places
from extractor.resolve.actors import ActorLexicon
from extractor.resolve.dates import resolve_event_date
from extractor.resolve.fatalities import count_casualties
from extractor.resolve.places import Gazetteer


def n(text: str) -> str:
    return normalize_text(text)


# ----------------------------------------------------------------------------- clitic variants of one use each
def test_a_verb_cue_takes_the_imperfect_prefix_a_noun_does_not():
    assert proclitics("cue").set - proclitics("noun").set == {"ي", "وي", "في"}  # يقصف، ويقاتل، فيهاجم
    assert proclitics("noun").set <= proclitics("cue").set


def test_a_group_head_and_a_definite_type_word_take_only_their_few_clitics():
    assert set(proclitics("group_head")) == {"", "و", "ف", "ب", "ل", "ال", "لل", "وال", "بال"}  # وكتيبة، للواء
    assert proclitics("definite_type").forms == ("ال", "لل", "وال", "بال", "ولل")  # الحي، والمنطقة، بالمنطقة، للمدينة


def test_the_clitic_letters_of_a_casualty_word_and_of_a_number():
    assert fatalities._WORD_CLITICS == ("و", "ف", "ب", "ل")  # وبقتل -> قتل, in this order
    assert fatalities._NUMBER_CLITICS == ("و", "ب", "ل")  # وثلاثة، بخمسة: not ف, not ك


@pytest.mark.parametrize("words, own", [(["طائراتها"], True), (["قواته"], True), (["قواتهم"], True),
                                        (["قواتكم"], False), (["قوات"], False)])  # fmt: skip
def test_the_speakers_own_forces_carry_one_of_the_pronouns(words, own):
    assert suffixes("pronoun") == ("ه", "ها", "هم")
    assert ActorLexicon.load()._own_forces(words) is own  # loaded once (a cached class method)


# ----------------------------------------------------------------------------- actors
@pytest.mark.parametrize("text", ["اندلعت اشتباكات بين الجيش والمسلحين", "اندلعت اشتباكات وما بين الجيش والمسلحين"])
def test_the_two_sides_follow_between_or_ma_bayn(text):
    assert actors._BETWEEN.search(n(text)) is not None


def test_the_small_words_around_an_actor_come_from_the_data_file():
    assert "الصنع" in actors._MADE_IN and "تابع" in actors._OWNER_LINKS and "ينتمون" in actors._MEMBER_OF
    assert {"في", "شمال", "داخل"} <= actors._PREPOSITIONS


# ----------------------------------------------------------------------------- places
@pytest.mark.parametrize("text, countries", [("توجه الوفد إلى السعودية أمس", ["Saudi Arabia"]),
                                             ("انتشرت القوات السعودية أمس", []),  # the adjective
                                             ("وصلت فبركة الخبر أمس", []),  # ف + بركة is no place
                                             ("وصل الوفد فحلب أمس", ["Syria"])])  # a large city: ف + حلب  # fmt: skip
def test_readings_of_the_letters_that_are_not_the_place(text, countries):
    assert [p.country for p in Gazetteer.load().find(n(text))] == countries


@pytest.mark.parametrize("between, glued", [(" ب", True), (" بال", True), (" في ", False), ("، ب", False)])
def test_the_next_name_glued_to_bi_only_says_where(between, glued):
    assert mentions._in_next(between) is glued


# ----------------------------------------------------------------------------- casualties
@pytest.mark.parametrize("text, killed", [("قتل بين 5 و7 أشخاص في القصف", 5), ("قتل 5 الى 7 أشخاص في القصف", 5),
                                          ("قتل 5 أو 7 أشخاص في القصف", 5), ("قتل رجل وامرأة وطفل في القصف", 3),
                                          ("قتل ثلاثة من أسرة واحدة في القصف", 3)])  # fmt: skip
def test_a_range_keeps_the_lower_figure_and_persons_joined_by_wa_count_one_each(text, killed):
    assert count_casualties(n(text)).killed == killed


@pytest.mark.parametrize("text", ["أسفر القصف عن مقتل على الأقل 5 أشخاص", "أسفر القصف عن مقتل بين 5 و7 أشخاص"])
def test_words_passed_over_between_the_casualty_word_and_its_figure(text):
    assert count_casualties(n(text)).killed == 5


def test_hundreds_alone_are_a_vague_quantity():
    c = count_casualties(n("قتل مئات الأشخاص في القصف"))
    assert (c.killed, c.exact) == (100, False)


# ----------------------------------------------------------------------------- dates
@pytest.mark.parametrize("text, day", [("قصفت الطائرات القرية أول أبريل", date(2024, 4, 1)),
                                       ("قصفت الطائرات القرية في الأول من أبريل", date(2024, 4, 1)),
                                       ("قصفت الطائرات القرية في 5 أبريل عام 2023", date(2023, 4, 5)),
                                       ("قصفت الطائرات القرية في 5 أبريل سنة 2023", date(2023, 4, 5)),
                                       ("قصفت الطائرات القرية في 12 من الشهر الجاري", date(2024, 4, 12))])  # fmt: skip
def test_first_day_year_words_and_this_month(text, day):
    assert resolve_event_date(n(text), date(2024, 4, 20))[:2] == (day, 1)


# ----------------------------------------------------------------------------- triggers (assemble.py, mentions.py)
@pytest.mark.parametrize("text, definite", [("وقع الهجوم", True), ("وقع بالهجوم", True), ("وقع كالهجوم", True),
                                            ("وقع هجوم", False), ("وقع بهجوم", False)])  # fmt: skip
def test_a_retold_trigger_carries_the_article(text, definite):
    from extractor import assemble

    t = n(text)
    assert assemble._definite(t, t.index("هجوم")) is definite


def test_a_pronoun_after_the_trigger_makes_it_known():
    from extractor import assemble

    assert suffixes("retold") == ("ه", "ها", "هم", "هما", "هن")
    t = n("بعد هجومه على القرية")
    assert assemble._PRONOUN.match(t, t.index("هجوم") + 4) is not None
    assert assemble._PRONOUN.match(n("بعد هجومكم"), 8) is None


@pytest.mark.parametrize("text, split", [("قصفت الطائرات القرية، فيما قتل ثمانية", True),
                                         ("قصفت الطائرات القرية، وفي حين قتل ثمانية", True),
                                         ("قصفت الطائرات القرية، فيها ثمانية", False)])  # fmt: skip
def test_a_contrastive_clause_after_a_comma(text, split):
    assert (mentions._CLAUSE.search(n(text)) is not None) is split


@pytest.mark.parametrize("text, countries", [("قالت الوزارة إن القوات تدمر 16 آلية", []),
                                             ("وصل الوفد إلى تدمر أمس", ["Syria"])])  # fmt: skip
def test_a_name_that_reads_as_an_imperfect_verb_before_a_number_is_the_verb(text, countries):
    assert [p.country for p in Gazetteer.load().find(n(text))] == countries
