import json

# ruff: noqa: E501  (a table of whole sentences reads better unwrapped)
import pytest

from sitrep.ingest.language import (
    CODABLE_LANGUAGES,
    detect_language,
    document_language,
    plainly_english,
    skip_reason,
)
from sitrep.ingest.readers import read_string

# The same news sentence in the languages of the regions sitrep covers.
SENTENCES = [
    (
        "en",
        "Clashes between the army and armed groups left three people dead on Friday near the border.",
    ),
    (
        "ar",
        "قصفت قوات النظام السوري بالمدفعية الثقيلة قرى في ريف إدلب الجنوبي صباح اليوم، ما أدى إلى مقتل مدنيين اثنين.",
    ),
    (
        "fr",
        "Des affrontements ont éclaté vendredi entre l'armée et des groupes armés près de la frontière, faisant trois morts.",
    ),
    (
        "es",
        "Los enfrentamientos entre el ejército y los grupos armados dejaron tres muertos el viernes cerca de la frontera.",
    ),
    (
        "de",
        "Bei Zusammenstößen zwischen der Armee und bewaffneten Gruppen wurden am Freitag drei Menschen getötet.",
    ),
    (
        "ru",
        "В пятницу в результате столкновений между армией и вооружёнными группами погибли три человека.",
    ),
    (
        "uk",
        "У п'ятницю внаслідок обстрілу міста загинули троє цивільних, повідомила обласна адміністрація.",
    ),
    (
        "tr",
        "Cuma günü ordu ile silahlı gruplar arasında çıkan çatışmalarda üç kişi hayatını kaybetti.",
    ),
    ("fa", "در درگیری‌های روز جمعه میان ارتش و گروه‌های مسلح سه نفر کشته شدند."),
    ("he", "שלושה בני אדם נהרגו ביום שישי בעימותים בין הצבא לקבוצות חמושות ליד הגבול."),
    ("zh", "周五，军队与武装团体在边境附近发生冲突，造成三人死亡。"),
]


@pytest.mark.parametrize(("code", "sentence"), SENTENCES)
def test_news_sentences_are_identified(code, sentence):
    detected, confidence = detect_language(sentence)
    assert detected == code
    assert 0.5 < confidence <= 1.0


@pytest.mark.parametrize(("code", "sentence"), [s for s in SENTENCES if s[0] != "en"])
def test_other_languages_are_not_codable_and_say_so(code, sentence):
    language, warning = document_language(sentence)
    assert language == code
    assert warning and repr(code) in warning
    assert skip_reason(language) and code in skip_reason(language)


@pytest.mark.parametrize("text", ["", "12,345 - 678", "Aden.", "Clashes in Marib", "!!! ??? ..."])
def test_too_little_text_is_undetermined_and_coded(text):
    assert detect_language(text) == ("und", 0.0)
    assert document_language(text) == (None, None)
    assert skip_reason(None) is None


def test_english_with_arabic_names_and_a_quote_stays_english():
    text = (
        "Syrian Democratic Forces (SDF) clashed with ISIS cells near Tell Baidar in al-Hasakah "
        "on Friday. A local commander, Abu Khaled al-Shaddadi, said «قتلنا اثنين منهم» before "
        "the fighting resumed, as the Syrian Observatory for Human Rights reported."
    )
    assert document_language(text) == ("en", None)


def test_english_article_embedding_a_long_arabic_tweet_stays_english():
    # A fifth to a quarter of the letters in Arabic script: the model alone calls it Arabic.
    text = (
        "Residents of the southern city gathered again on Friday in the main square to protest "
        "against rising prices and to demand the release of detained activists, witnesses said. "
        "حشود كبيرة في الساحة الرئيسية وسط المدينة اليوم الجمعة في المظاهرة المطالبة بالإفراج عن "
        "المعتقلين وتحسين الأوضاع المعيشية — a local news page (@citynews) wrote. The organisers "
        "said the protest would continue every week until their demands were met."
    )
    assert document_language(text) == ("en", None)


def test_readers_record_the_language_and_warn_when_it_is_not_codable():
    raw = read_string(SENTENCES[1][1], published="2023-12-09")
    assert raw.language == "ar"
    assert any("language detected as 'ar'" in w for w in raw.warnings)
    english = read_string(SENTENCES[0][1], published="2023-12-09")
    assert english.language == "en" and not any("language" in w for w in english.warnings)
    assert "en" in CODABLE_LANGUAGES


def test_no_english_acled_note_is_taken_for_another_language(dev_notes):
    lines = dev_notes.read_text(encoding="utf-8").splitlines()
    notes = [json.loads(line)["text"] for line in lines]
    wrong = [n for n in notes if document_language(n)[1] is not None]
    assert len(notes) >= 100 and wrong == []


@pytest.mark.parametrize(("code", "sentence"), [s for s in SENTENCES if s[0] != "en"])
def test_no_other_language_passes_the_plain_english_test(code, sentence):
    assert not plainly_english(sentence)


def test_plain_english_is_recognised_without_the_model_and_agrees_with_it(dev_notes):
    lines = dev_notes.read_text(encoding="utf-8").splitlines()
    notes = [json.loads(line)["text"] for line in lines]
    plain = [n for n in notes if plainly_english(n)]
    # Most notes skip the model; for those, the model would have said English too.
    assert len(plain) >= 0.9 * len(notes)
    assert all(detect_language(n)[0] == "en" for n in plain)
    assert plainly_english("A drone strike killed two fighters near the border on Saturday.")
    assert not plainly_english("the of")  # two markers but too few letters to tell
