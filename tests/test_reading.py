"""Readers: every kind of input becomes an Article, every bad one an InputError."""

from __future__ import annotations

import io
from datetime import date

from extractor.reading import InputError, read_inputs

TEXT = "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس."


def articles(items):
    return [i for i in items if not isinstance(i, InputError)]


def errors(items):
    return [i for i in items if isinstance(i, InputError)]


def test_utf8_text_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    [a] = read_inputs([str(p)])
    assert a.text == TEXT and a.id == "a" and a.path == str(p) and a.published is None


def test_utf8_with_bom_is_stripped(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    [a] = read_inputs([str(p)])
    assert a.text == TEXT


def test_windows_1256_is_detected_and_decoded(tmp_path):
    p = tmp_path / "cp.txt"
    p.write_bytes(TEXT.encode("cp1256"))
    [a] = read_inputs([str(p)])
    assert a.text == TEXT


def test_date_from_file_name_and_cli_date_wins(tmp_path):
    p = tmp_path / "news-2025-04-06.txt"
    p.write_text(TEXT, encoding="utf-8")
    [a] = read_inputs([str(p)])
    assert a.published == date(2025, 4, 6) and a.date_basis == "filename"
    [b] = read_inputs([str(p)], published=date(2024, 1, 2))
    assert b.published == date(2024, 1, 2) and b.date_basis == "cli"


def test_jsonl_file_with_fields_and_a_broken_line(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text(
        '{"id": "x1", "text": "%s", "date": "2025-04-06", "source": "Al Jazeera", "url": "https://a.b/c"}\n'
        "{not json}\n"
        '{"id": "x3", "text": ""}\n'
        '{"id": "x4", "text": "%s"}\n' % (TEXT, TEXT),
        encoding="utf-8",
    )
    items = list(read_inputs([str(p)]))
    arts, errs = articles(items), errors(items)
    assert [a.id for a in arts] == ["x1", "x4"]
    assert arts[0].published == date(2025, 4, 6) and arts[0].source == "Al Jazeera" and arts[0].url == "https://a.b/c"
    assert [e.where for e in errs] == [f"{p}:2", f"{p}:3"]
    assert "malformed JSON" in errs[0].problem and "text" in errs[1].problem


def test_jsonl_on_stdin():
    data = ('{"id": "s1", "text": "%s"}\n' % TEXT).encode("utf-8")
    [a] = read_inputs(["-"], stdin=io.BytesIO(data))
    assert a.id == "s1" and a.path == "<stdin>"


def test_plain_text_on_stdin():
    [a] = read_inputs(["-"], stdin=io.BytesIO(TEXT.encode("utf-8")))
    assert a.text == TEXT and a.id == "stdin"


def test_html_main_text_and_publication_date(tmp_path):
    p = tmp_path / "page.html"
    body = " ".join([TEXT] * 4)
    p.write_text(
        f"""<!doctype html><html lang="ar"><head><meta charset="utf-8">
        <meta property="article:published_time" content="2025-04-06T10:00:00Z">
        <title>غارة على إدلب</title></head><body><nav>الرئيسية | أخبار | رياضة</nav>
        <article><h1>غارة على إدلب</h1><p>{body}</p><p>{body}</p></article>
        <footer>جميع الحقوق محفوظة</footer></body></html>""",
        encoding="utf-8",
    )
    [a] = read_inputs([str(p)])
    assert "غارة جوية على مدينة إدلب" in a.text
    assert "جميع الحقوق محفوظة" not in a.text
    assert a.published == date(2025, 4, 6) and a.date_basis == "html"


def test_folders_are_walked_recursively_and_globs_expand(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    assert [a.id for a in read_inputs([str(tmp_path)])] == ["a", "b"]
    assert [a.id for a in read_inputs([str(tmp_path / "**" / "*.txt")])] == ["a", "b"]


def test_bad_inputs_each_give_one_error_and_the_rest_still_come(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Ünïcödé façade naïve ".encode("latin-1") * 10 + b"\x81\x8d")
    huge = tmp_path / "huge.txt"
    huge.write_text(TEXT * 100, encoding="utf-8")
    specs = [str(empty), str(binary), str(latin), str(huge), str(tmp_path / "missing.txt"), str(good)]
    items = list(read_inputs(specs, max_bytes=2000))
    errs = {e.where: e.problem for e in errors(items)}
    assert [a.id for a in articles(items)] == ["good"]
    assert "empty" in errs[str(empty)]
    assert "binary" in errs[str(binary)]
    assert "UTF-8" in errs[str(latin)]
    assert "too large" in errs[str(huge)]
    assert "no such file" in errs[str(tmp_path / "missing.txt")]
    assert all("\n" not in str(e) for e in errors(items))


def test_html_without_date_metadata_does_not_take_a_footer_year(tmp_path):
    p = tmp_path / "page.html"
    body = " ".join([TEXT] * 4)
    p.write_text(
        f"""<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>غارة على إدلب</title></head>
        <body><article><h1>غارة على إدلب</h1><p>{body}</p><p>{body}</p></article>
        <footer>© 2016 جميع الحقوق محفوظة</footer></body></html>""",
        encoding="utf-8",
    )
    [a] = read_inputs([str(p)])
    assert a.published is None and a.date_basis == ""


def test_publication_dates_parse_strictly():
    from extractor.reading import parse_date, parse_published

    assert parse_date("2025-04-06T10:00:00Z") == date(2025, 4, 6)
    assert parse_date("2025/04/06 10:00") == date(2025, 4, 6)
    assert parse_date("Sun, 06 Apr 2025 10:00:00 GMT") == date(2025, 4, 6)
    assert parse_date("x2023-07-09y") is None  # a date inside other text is no date
    assert parse_date("2021-12") is None  # not a day
    assert parse_published("2021-12") == (date(2021, 12, 15), 3)
    assert parse_published("2021-13") == (None, 0)
