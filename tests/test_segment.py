"""Sentences and tokens, split the way the NER training data was."""

from extractor.normalize import normalize_text
from extractor.segment import split_sentences, tokenize


def toks(s: str) -> list[str]:
    return [t.text for t in tokenize(normalize_text(s))]


def test_punctuation_is_split_but_clitics_stay_attached():
    assert toks("(د ب أ) وقال الجيش:") == ["(", "د", "ب", "ا", ")", "وقال", "الجيش", ":"]


def test_numbers_keep_their_separators_and_latin_models_their_hyphen():
    assert toks("أكثر من 1,000 جندي و3.5 مليون عبر MQ-9") == ["اكثر", "من", "1,000", "جندي", "و", "3.5", "مليون", "عبر", "MQ-9"]


def test_sentences_end_at_stops_question_marks_and_line_breaks():
    text = normalize_text("قصفت الطائرات المدينة. هل انتهى؟ نعم\nسطر جديد")
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["قصفت الطائرات المدينه.", "هل انتهي؟", "نعم", "سطر جديد"]
    assert [s.index for s in sents] == [0, 1, 2, 3]


def test_token_offsets_point_into_the_text():
    text = normalize_text("قتل ثلاثة مدنيين.")
    for s in split_sentences(text):
        for t in s.tokens:
            assert text[t.start : t.end] == t.text
