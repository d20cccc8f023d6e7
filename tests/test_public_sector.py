"""The public bodies page (docs/secteur-public.*.md) says what applies by order of
government: each order has its own section, in both languages, and that section names
its instrument in a link to the official address, so a reader can check the rule."""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES
from test_content import HEADING, load_page

SLUG = "secteur-public"
LINK = re.compile(r"\[([^\]]+)\]\((https://[^)\s]+)\)")

# Section id -> language -> (words of the instrument's name, host of its official text).
INSTRUMENTS: dict[str, dict[str, list[tuple[str, str]]]] = {
    "federal": {
        "fr": [("Loi sur les langues officielles", "laws-lois.justice.gc.ca")],
        "en": [("Official Languages Act", "laws-lois.justice.gc.ca")],
    },
    "quebec": {
        "fr": [("Charte de la langue française", "www.legisquebec.gouv.qc.ca")],
        "en": [("Charter of the French language", "www.legisquebec.gouv.qc.ca")],
    },
    "new-brunswick": {
        "fr": [("Loi sur les langues officielles", "laws.gnb.ca")],
        "en": [("Official Languages Act", "laws.gnb.ca")],
    },
    "ontario": {
        "fr": [("Loi sur les services en français", "www.ontario.ca")],
        "en": [("French Language Services Act", "www.ontario.ca")],
    },
    "other-provinces": {
        "fr": [("Loi sur les services en français", "www.princeedwardisland.ca")],
        "en": [("French Language Services Act", "www.princeedwardisland.ca")],
    },
    "municipalities": {
        "fr": [
            ("Charte de la langue française", "www.legisquebec.gouv.qc.ca"),
            ("Loi sur les langues officielles", "laws.gnb.ca"),
        ],
        "en": [
            ("Charter of the French language", "www.legisquebec.gouv.qc.ca"),
            ("Official Languages Act", "laws.gnb.ca"),
        ],
    },
}
# When the sources were last checked, in each language's own date format.
CHECKED_ON = {
    "fr": re.compile(r"consulté\w* le \d{1,2}(er)? \w+ \d{4}"),
    "en": re.compile(r"checked .* on [A-Z][a-z]+ \d{1,2}, \d{4}"),
}


def section(body: str, section_id: str) -> str:
    """The text under the heading `{#section_id}`, up to the next heading of the same level or higher."""
    headings = list(HEADING.finditer(body))
    for index, heading in enumerate(headings):
        if heading.group(3) == section_id:
            level = len(heading.group(1))
            end = next(
                (later.start() for later in headings[index + 1 :] if len(later.group(1)) <= level),
                len(body),
            )
            return body[heading.end() : end]
    return ""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("section_id", INSTRUMENTS)
def test_each_order_of_government_cites_its_instrument(section_id: str, lang: str) -> None:
    """Each order of government has its section, naming its instrument in a link to the official text."""
    page = load_page(SLUG, lang)
    where = f"docs/{page.path.name}"
    text = section(page.body, section_id)
    assert text.strip(), f"{where}: add a section with the heading id {{#{section_id}}}"
    links = LINK.findall(text)
    for name, host in INSTRUMENTS[section_id][lang]:
        assert any(name in label and url.split("/")[2] == host for label, url in links), (
            f"{where}, section #{section_id}: link the words '{name}' to its official text on {host}"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sources_say_when_they_were_checked(lang: str) -> None:
    """The sources section gives the date the rules were checked against their official texts."""
    page = load_page(SLUG, lang)
    text = section(page.body, "sources").replace("\u00a0", " ")
    assert CHECKED_ON[lang].search(text), (
        f"docs/{page.path.name}, section #sources: say on which date the sources were checked"
    )
