"""Round 11 (h-bg5): background retold and no-event rows, read from the tuning half of sample 191r11.

Each removed mention stands beside a near miss of the same shape that stays an event. Our own sentences.
"""

from __future__ import annotations

from datetime import date

import pytest

from extractor import extract, get_pipeline
from extractor.document import Article

PUBLISHED = "2015-08-09"


def rows(text: str, published: str = PUBLISHED):
    return extract(text, published=published)


def codes(text: str, published: str = PUBLISHED) -> set[str]:
    pipe = get_pipeline(None)
    r = pipe.process(Article(id="t", text=text, published=date.fromisoformat(published)), explain=True)
    return {x.code for x in r.rejected if x.code}


# --- the death of someone wounded earlier ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the father dies of the burns of an arson days before: the death is no event of its day
        "استشهد فجر أمس الأب سعد علي متأثرا بحروقه البالغة التي أصيب بها حين أحرق مستوطنون منزله في بلدة دوما جنوب "
        "مدينة نابلس.",
        # the pluperfect without قد: a colonel who died of wounds he had sustained
        "وكان العقيد حسان علي قتل يوم الخميس الماضي متأثرا بجروح أصيب بها من جراء طلق ناري في أحد شوارع مدينة اللاذقية.",
    ],
)
def test_a_death_of_earlier_wounds_is_no_event(text):
    assert rows(text) == []
    assert "died of wounds" in codes(text)


def test_a_death_of_wounds_told_with_the_shooting_stays_an_event():
    # no earlier wounding told ("أصيب بها"): the shooting may be the day's, and it is told here
    text = "استشهد أمس جندي في مدينة نابلس برصاص مستوطنين متأثرا بجروحه."
    assert [e.location for e in rows(text)] == ["Nablus"]


# --- a follow-up statement recalls what was announced before ----------------------------------------


def test_a_statement_further_to_an_earlier_announcement_is_no_new_event():
    text = ("وصرح المتحدث الأمني بوزارة الداخلية بأنه إلحاقا لما سبق إعلانه يوم الخميس بشأن حدوث تفجير بحزام ناسف "
            "في مسجد بمدينة أبها نتج عنه استشهاد 15، فقد تبين أن منفذ التفجير يدعى فلان.")  # fmt: skip
    assert rows(text) == []
    assert "further to" in codes(text)


def test_the_other_tellings_of_the_recalled_act_go_with_it():
    # the statement's list retells the dead of the act at its place, with no day of its own
    text = ("وصرح المتحدث الأمني بأنه إلحاقا لما سبق إعلانه يوم الخميس بشأن حدوث تفجير بحزام ناسف في مسجد بمدينة "
            "أبها، فقد تبين هوية منفذ الجريمة. ثانيا: نتج عن الحادث الإجرامي في مدينة أبها استشهاد 15 من رجال الأمن.")  # fmt: skip
    assert rows(text) == []


def test_the_statement_that_first_tells_the_bombing_stays_an_event():
    text = ("وصرح المتحدث الأمني بوزارة الداخلية بأنه حدث تفجير بحزام ناسف يوم الخميس في مسجد بمدينة أبها نتج عنه "
            "استشهاد 15 من رجال الأمن.")  # fmt: skip
    [ev] = rows(text)
    assert (ev.location, ev.sub_event_type, ev.event_date) == ("Abha", "Suicide bomb", "2015-08-06")
