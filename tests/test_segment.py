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


def test_tokens_are_built_when_first_read_and_equal_a_fresh_tokenisation():
    text = normalize_text("قصفت الطائرات المدينة. وقتل 3 مدنيين، بينهم طفل")
    for s in split_sentences(text):
        assert s._tokens is None  # nothing read them yet
        assert s.tokens == tokenize(s.text, s.start)


def test_every_stripped_chunk_has_a_token():
    # split_sentences no longer tokenises to drop token-less chunks: none can exist
    for ch in ["\u00a0x", "\u2028", "؟", "_", "\u0640", "½", "\x1f", "ـ ـ"]:
        for s in split_sentences(ch):
            assert s.tokens


def test_words_before_a_position_equal_the_filtered_token_list():
    text = normalize_text("قال مصدر أمني ، إن 3 مسلحين هاجموا ( أمس ) حاجزا للجيش قرب المدينة")
    (s,) = split_sentences(text)
    for pos in range(len(text) + 2):
        full = [t for t in s.tokens if t.end <= pos and t.text.isalnum()]
        for k in (1, 3, 4, 50):
            assert s.words_before(pos, k) == full[-k:]


def _split(text: str) -> list[str]:
    return [s.text for s in split_sentences(normalize_text(text))]


def test_agency_initials_and_abbreviations_do_not_end_a_sentence():
    assert _split("قال مصدر (أ.ف.ب) إن الغارة قتلت ثلاثة. وأضاف") == ["قال مصدر (ا.ف.ب) ان الغاره قتلت ثلاثه.", "واضاف"]
    assert _split("وقال د. محمد علي إن الوضع صعب") == ["وقال د. محمد علي ان الوضع صعب"]
    assert _split("ونفت وكالة سي.آي.إيه الخبر. وقالت") == ["ونفت وكاله سي.اي.ايه الخبر.", "وقالت"]
    assert _split("وحققت إف.بي.آي في الهجوم") == ["وحققت اف.بي.اي في الهجوم"]


def test_real_stops_still_end_sentences():
    assert _split("وقع ذلك عام 2015م. وفي اليوم التالي") == ["وقع ذلك عام 2015م.", "وفي اليوم التالي"]
    assert _split("وقع ذلك عام 2015 م. وفي اليوم التالي") == ["وقع ذلك عام 2015 م.", "وفي اليوم التالي"]
    assert _split("سيطرت القوات على الخرطوم.وتحولت المدينة") == ["سيطرت القوات علي الخرطوم.", "وتحولت المدينه"]
    assert _split("قتل 3. وجرح 5") == ["قتل 3.", "وجرح 5"]


def test_the_abbreviation_list_is_a_checked_data_file():
    from extractor.segment import ABBREVIATIONS

    assert {"سي", "اي", "ايه", "dr"} <= ABBREVIATIONS
    assert all(w and all(c.isalpha() for c in w) for w in ABBREVIATIONS)
