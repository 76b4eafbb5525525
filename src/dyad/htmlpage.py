"""HTML pages -> text plus the metadata news sites publish: title, publication date and canonical URL.

Sites state these in standard places (Open Graph and article meta tags, schema.org `itemprop`, `<time datetime>`,
`<link rel="canonical">`); the page's first `<h1>` is often a kicker ("Nahost") rather than the headline, so the
Open Graph title comes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bs4 import BeautifulSoup, Tag

REMOVED = ["script", "style", "noscript", "nav", "footer", "aside", "figcaption", "form", "header"]
DATE_META = [
    ("property", "article:published_time"),
    ("property", "og:article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "date"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "dc.date.issued"),
    ("name", "dc.date"),
    ("name", "sailthru.date"),
    ("property", "article:modified_time"),
]
TITLE_META = [("property", "og:title"), ("name", "twitter:title"), ("itemprop", "headline")]


@dataclass(frozen=True, slots=True)
class HtmlPage:
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None


def parse_html(html: str) -> HtmlPage:
    soup = BeautifulSoup(html, "html.parser")
    title = _meta(soup, TITLE_META)
    published = _published(soup)
    url = _canonical(soup)
    for tag in soup(REMOVED):
        tag.decompose()
    heading = soup.find("h1")
    if title is None:
        fallback = heading or soup.find("title")
        title = fallback.get_text(" ", strip=True) if fallback else None
    if heading is not None:
        heading.decompose()  # the title is coded once, as the article's first paragraph
    return HtmlPage(soup.get_text("\n"), title or None, published, url)


def _meta(soup: BeautifulSoup, keys: list[tuple[str, str]]) -> str | None:
    for attribute, value in keys:
        tag = soup.find("meta", attrs={attribute: lambda found, v=value: (found or "").lower() == v.lower()})
        content = tag.get("content") if isinstance(tag, Tag) else None
        if isinstance(content, str) and content.strip():
            return " ".join(content.split())
    return None


def _published(soup: BeautifulSoup) -> date | None:
    found = _meta(soup, DATE_META)
    if found is None:
        stamp = soup.find("time", attrs={"datetime": True})
        found = stamp.get("datetime") if isinstance(stamp, Tag) else None
    return iso_day(found) if isinstance(found, str) else None


def iso_day(text: str) -> date | None:
    """The day of an ISO date or date-time ("2025-08-14", "2025-08-14T09:30:00+02:00", "20250814")."""
    text = text.strip()
    candidates = [text[:10], f"{text[:4]}-{text[4:6]}-{text[6:8]}" if text[:8].isdigit() else ""]
    for candidate in candidates:
        try:
            return date.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def _canonical(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", attrs={"rel": lambda rel: rel is not None and "canonical" in rel})
    href = link.get("href") if isinstance(link, Tag) else None
    if not isinstance(href, str):
        href = _meta(soup, [("property", "og:url")])
    return href.strip() if href and href.strip().lower().startswith(("http://", "https://")) else None
