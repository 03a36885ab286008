"""HTML pages to documents: article text with paragraphs, title, date and outlet.

trafilatura does the extraction (it drops navigation, comments and teasers);
the meta tags give what it misses.  Offsets of records refer to the text this
function returns, which is the text the record's document holds.
"""

from __future__ import annotations

from typing import Optional

import regex

from .model import Document

_META = regex.compile(r"<meta\s+[^>]*?(?:property|name|itemprop)\s*=\s*[\"']([^\"']+)[\"'][^>]*?content\s*=\s*[\"']([^\"']*)[\"']", regex.IGNORECASE)
_META_REVERSED = regex.compile(r"<meta\s+[^>]*?content\s*=\s*[\"']([^\"']*)[\"'][^>]*?(?:property|name|itemprop)\s*=\s*[\"']([^\"']+)[\"']", regex.IGNORECASE)
DATE_KEYS = ("article:published_time", "datepublished", "date", "dc.date", "og:published_time", "pubdate")


def meta_tags(html: str) -> dict[str, str]:
    tags = {k.lower(): v for k, v in _META.findall(html)}
    for v, k in _META_REVERSED.findall(html):
        tags.setdefault(k.lower(), v)
    return tags


def html_to_document(html: str, doc_id: str, url: Optional[str] = None, date: Optional[str] = None,
                     outlet: Optional[str] = None, source_path: Optional[str] = None) -> Document:
    import html as html_lib

    tags = meta_tags(html)
    # The page's own meta tags keep the time of day; extractors round dates to the day.
    date = date or next((tags[k] for k in DATE_KEYS if tags.get(k)), None)
    text = None
    title = tags.get("og:title")
    try:
        import trafilatura

        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True, url=url)
        meta = trafilatura.extract_metadata(html)
        if meta is not None:
            title = title or meta.title
            date = date or meta.date
            outlet = outlet or meta.sitename
    except ImportError:
        pass
    if not text:
        body = regex.sub(r"(?is)<(script|style|nav|header|footer|aside)\b.*?</\1>", " ", html)
        body = regex.sub(r"(?i)</(p|div|h\d|li|br)\s*>|<br\s*/?>", "\n", body)
        text = html_lib.unescape(regex.sub(r"<[^>]+>", " ", body))
        text = "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    if title is None:
        m = regex.search(r"(?is)<title>(.*?)</title>", html)
        title = html_lib.unescape(m.group(1)).strip() if m else None
    outlet = outlet or tags.get("og:site_name")
    return Document(doc_id, text, date=date, outlet=outlet, url=url or tags.get("og:url"), title=title)
