"""URLs as kronika knows them: only http(s), and one canonical form per article.

The same article reaches a feed reader under many URLs: with `utm_*` campaign tags, click ids (`fbclid`,
`gclid`), a `#comments` fragment, an upper-case host or an explicit default port. `canonical_url` folds those
into one form, so an article is fetched once however often, and through however many feeds, it is linked.
Only parameters that are tracking by name are dropped: a query that may pick the article (`?id=`, `?p=`,
`?story=`) is kept whole, since merging two articles into one URL would lose one of them.
"""

from __future__ import annotations

import contextlib
import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that say how a reader arrived, never which article it is.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
        "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
        "ocid", "cmpid", "cmp", "xtor", "ito", "smid", "smtyp", "ref_src", "ref_url", "rss", "rssfeed",
        "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4", "__twitter_impression",
        "s_cid", "sr_share", "spm", "vero_id", "vero_conv", "wt_mc", "wt.mc_id",
    }
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "matomo_", "hsa_", "ga_", "itm_", "ns_", "ncid")
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")


def is_http_url(text: str) -> bool:
    """An absolute http(s) URL with a host: what `kronika ingest` and `kronika watch` take as a URL."""
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in SCHEMES and bool(parts.hostname)


def is_tracking_param(name: str) -> bool:
    key = name.lower()
    return key in TRACKING_PARAMS or key.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The article's identity: scheme and host lower-cased, default port, fragment and tracking parameters
    dropped, the remaining parameters in a stable order, percent-escapes in one case. Raises ValueError for
    anything but an absolute http(s) URL."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    host = parts.hostname.rstrip(".").lower()
    if not host.isascii():
        with contextlib.suppress(UnicodeError):  # a name the IDNA codec refuses stays as written
            host = host.encode("idna").decode("ascii")
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _normal_escapes(parts.path) or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    query.sort(key=lambda kv: kv[0])  # stable: repeated keys keep their order
    return urlunsplit((scheme, netloc, path, urlencode(query, quote_via=quote), ""))


def _normal_escapes(path: str) -> str:
    """Percent-escapes in upper case (%2f and %2F are one URL), spaces escaped; nothing else is re-encoded."""
    return _PERCENT.sub(lambda m: m.group(0).upper(), path).replace(" ", "%20")


__all__ = ["SCHEMES", "TRACKING_PARAMS", "canonical_url", "is_http_url", "is_tracking_param"]
