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
