"""Search keys for Chinese names: full pinyin and initials (typing zs finds 张三)."""
from __future__ import annotations

from functools import lru_cache

# Surnames whose reading differs from the common one.
_SURNAMES = {
    "曾": "zeng", "单": "shan", "仇": "qiu", "解": "xie", "查": "zha", "区": "ou",
    "朴": "piao", "盖": "ge", "乐": "yue", "尉": "yu", "长": "chang", "重": "chong",
    "繁": "po", "缪": "miao", "翟": "zhai", "覃": "qin", "召": "shao", "员": "yun",
}


@lru_cache(maxsize=4096)
def name_pinyin(name: str) -> tuple[str, str]:
    """Return (full pinyin, initials), lower case, no spaces."""
    name = (name or "").strip()
    if not name:
        return "", ""
    from pypinyin import lazy_pinyin  # slow to import: only when a name is written

    syllables = lazy_pinyin(name, errors=lambda s: list(s.lower()))
    if name[0] in _SURNAMES:
        syllables[0] = _SURNAMES[name[0]]
    full = "".join(syllables).lower()
    initials = "".join(s[0] for s in syllables if s).lower()
    return full, initials


def search_key(*parts: str) -> str:
    """One lower-case string to substring-match against."""
    return "\x1f".join(p.lower() for p in parts if p)

