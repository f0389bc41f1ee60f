"""Normalisation rewrites characters one for one (or drops them) and maps offsets back."""

from extractor.normalize import normalize, normalize_key, normalize_text


def test_diacritics_tatweel_and_letter_variants_are_unified():
    assert normalize_text("مَدْرَسَةٌ") == "مدرسه"
    assert normalize_text("الـــعراق") == "العراق"
    assert normalize_text("أإآٱ") == "اااا"
    assert normalize_text("مستشفى") == "مستشفي"


def test_arabic_indic_digits_become_ascii():
    assert normalize_text("قتل ٣ أشخاص في ١٢/٠٥/٢٠٢٤") == "قتل 3 اشخاص في 12/05/2024"
    assert normalize_text("۱۲٫۵") == "12.5"


def test_offsets_map_back_to_the_original_text():
    original = "قُتِلَ ٣ مدنيين في غارةٍ"
    n = normalize(original)
    i = n.text.index("مدنيين")
    s, e = n.to_original(i, i + len("مدنيين"))
    assert original[s:e] == "مدنيين"
    j = n.text.index("غاره")
    s, e = n.to_original(j, j + 4)
    assert original[s:e] == "غارةٍ"[:4] or original[s:e].startswith("غارة")


def test_keys_are_lowercase_and_single_spaced():
    assert normalize_key("  قوات   سوريا  الديمقراطية ") == "قوات سوريا الديمقراطيه"
    assert normalize_key("Deir EZ Zor") == "deir ez zor"


def test_zero_width_and_bidi_marks_are_dropped():
    assert normalize_text("غزة\u200f\u200b") == "غزه"


def test_offsets_are_a_range_when_nothing_is_dropped_and_exact_when_something_is():
    n = normalize("غزة 12")
    assert isinstance(n.offsets, range) and list(n.offsets) == list(range(7))
    original = "قُتِلَ\u200f ٣"
    n = normalize(original)
    assert n.text == "قتل 3"
    assert [n.offsets[i] for i in range(len(n.offsets))] == [0, 2, 4, 7, 8, 9]
    assert n.offsets[-1] == len(original) and len(n.offsets) == len(n.text) + 1
    assert list(n.offsets[1:3]) == [2, 4]


def test_normalising_is_one_pass_per_text_not_per_character():
    import time

    text = "قُتِلَ ٣ مدنيين في غارةٍ على مدينة إدلب. " * 5000  # 200 KB, diacritics and digits
    t0 = time.perf_counter()
    n = normalize(text)
    assert time.perf_counter() - t0 < 2.0
    i = n.text.index("غاره")
    assert text[slice(*n.to_original(i, i + 4))].startswith("غارة")


def test_arabic_presentation_forms_read_as_the_letters_they_show():
    assert normalize_text("ﻏﺎﺭﺓ ﺟﻮﻳﺔ") == normalize_text("غارة جوية") == "غاره جويه"
    assert normalize_text("ﺃﻃﻠﻘﺖ ﻗﻮﺍﺕ") == "اطلقت قوات"


def test_a_ligature_that_becomes_several_letters_maps_back_to_itself():
    original = "ﻻ ﷲ غزة"
    n = normalize(original)
    assert n.text == "لا الله غزه"
    assert n.to_original(0, 2) == (0, 1)  # لا <- ﻻ
    assert n.to_original(3, 7) == (2, 3)  # الله <- ﷲ
    i = n.text.index("غزه")
    assert original[slice(*n.to_original(i, i + 3))] == "غزة"


def test_presentation_forms_give_the_same_event():
    from extractor import extract

    plain = extract("قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب", published="2024-03-10", ner=None)
    shaped = extract("قتل ثلاثة مدنيين في ﻏﺎﺭﺓ ﺟﻮﻳﺔ على مدينة إدلب", published="2024-03-10", ner=None)
    assert plain and [(e.event_type, e.sub_event_type, e.location, e.fatalities) for e in shaped] == [
        (e.event_type, e.sub_event_type, e.location, e.fatalities) for e in plain
    ]
    assert shaped[0].evidence.find("ﻏﺎﺭﺓ ﺟﻮﻳﺔ") >= 0
