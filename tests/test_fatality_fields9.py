"""Fatalities of real rows (issue 9, round 9, h-fat4): families found on the even half of sample 201r9,
sentences of our own. Each family: its sentence in and the count out, beside the near miss that stays as it was."""

from __future__ import annotations

import pytest

from extractor.normalize import normalize_text
from extractor.resolve.fatalities import count_casualties


def cas(sentence: str):
    return count_casualties(normalize_text(sentence))


@pytest.mark.parametrize(
    "text, n",
    [
        # the day told between the death verb and its figure is passed over
        ("قتل أمس خمسة على الأقل في انفجار سيارة قرب السوق.", 5),
        ("قتل الخميس 12 شخصا في غارات على القرية.", 12),
        ("مقتل اليوم ثلاثة جنود في كمين على الطريق.", 3),
        # near miss: the figure after the day is a date, no count
        ("قتل السبت 25 يوليو رجل في البلدة.", None),
    ],
)
def test_day_between_death_word_and_figure(text, n):
    assert cas(text).killed == n


@pytest.mark.parametrize(
    "text, n",
    [
        # a figure in brackets after the death word
        ("أعلنت الوزارة استشهاد (7) وإصابة (20) في التفجير.", 7),
        ("أسفر الهجوم عن مقتل [4] من الحراس.", 4),
    ],
)
def test_figure_in_brackets(text, n):
    assert cas(text).killed == n


@pytest.mark.parametrize(
    "text, n",
    [
        # one victim in the singular, then further groups joined by و: they add up
        ("أعلن الجيش مقتل ضابط وخمسة جنود في الهجوم.", 6),
        ("أسفر القصف عن مقتل قائد الكتيبة وجنديين وإصابة ثلاثة آخرين.", 3),
        # near misses: the wounded after it, and victims named one each
        ("أسفر الهجوم عن مقتل شرطي وإصابة 4 آخرين.", 1),
        ("قتل رجل وامرأة في إطلاق النار.", 2),
    ],
)
def test_singular_victim_and_further_groups(text, n):
    assert cas(text).killed == n


@pytest.mark.parametrize(
    "text",
    [
        # one vague or exact figure over the dead and the wounded together: read as "مقتل وإصابة 40" (vague, 3)
        "أسفرت المعارك عن عشرات القتلى والجرحى في صفوف المسلحين.",
        "خلف القصف 40 قتيلا وجريحا في الحي.",
    ],
)
def test_one_figure_for_dead_and_wounded(text):
    c = cas(text)
    assert (c.killed, c.exact) == (3, False)


def test_dead_and_wounded_told_apart_keep_their_figures():
    # near miss: each group has its own figure
    c = cas("أسفرت المعارك عن عشرات القتلى وعشرين جريحا.")
    assert (c.killed, c.wounded) == (12, 20)
    c = cas("خلف القصف 40 قتيلا و15 جريحا في الحي.")
    assert (c.killed, c.wounded) == (40, 15)


@pytest.mark.parametrize(
    "text, n",
    [
        # victims before a backward death verb: a dual joined by و after the first group is two more
        (
            "قال مصدر إن 11 على الأقل من مسلحي الجماعة وشرطيين من الدورية قتلوا في الاشتباك.",
            13,
        ),
        ("إن 5 من المهاجمين وحارسين لقوا حتفهم عند البوابة.", 7),
        # near miss: the first group alone
        ("إن 5 من المهاجمين لقوا حتفهم عند البوابة.", 5),
    ],
)
def test_dual_joined_before_backward_death_word(text, n):
    assert cas(text).killed == n
