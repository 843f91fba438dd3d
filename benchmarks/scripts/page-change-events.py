#!/usr/bin/env python3
"""Writes mediawiki/page/change 1.2.0 `edit` events for a share of a dump's pages (for apply.sh).

The pages are taken from the dump's multistream index, in its order (the order of the streams):
  spread     evenly spaced: page floor((i + u) * N / K) for i < K, u a seeded offset in [0, 1)
             (with 100 pages a stream and 1 %, about one page in every stream)
  random     a seeded sample of K pages
  clustered  K consecutive pages from a seeded position (as few streams as K pages fill)
where N is the number of pages in the index and K = max(1, round(N * PERCENT / 100)).

Each chosen page gets one new revision: rev_id above the largest revision id of the dump (in the order of
the chosen pages), rev_parent_id the page's last revision, rev_dt and dt one second apart from the day
after the dump's latest timestamp, and a content_body of 2-6 KB of seeded wikitext, with content_size,
content_sha1 and rev_sha1 (base 36, as dumps write them). Title, namespace and redirect are the page's own,
so the edit changes nothing about the page but its revisions. One pass over the plain XML gives them.

usage: page-change-events.py --xml DUMP.xml --index DUMP-index.txt.bz2 --out EVENTS.jsonl
                             [--percent 1] [--pick spread|random|clustered] [--seed 1]
Prints on stdout NAME VALUE lines (pages, pages_changed, streams, streams_changed, header_xml_bytes: the XML
before the first page, changed_streams_xml_bytes: the XML of the base's streams holding a chosen page, from
the index's stream offsets and the pages' offsets in the XML, base_xml_bytes, content_bytes: of the new
texts), and a one-line summary on stderr.
"""
import argparse
import bz2
import datetime
import hashlib
import html
import json
import math
import random
import re
import sys
import uuid

WORDS = ("the of and in to a is was for on as by with from at that which its an were are this be it or "
         "river town village county district station school church line road bridge valley island lake "
         "population century built named north south east west former railway parish market mountain "
         "museum council region census hall castle harbour forest").split()


def read_index(path):
    """(stream offset, page id, title) in the index's order; the title is the rest of the line after the
    second colon."""
    pages = []
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            offset, page_id, title = line.split(":", 2)
            pages.append((int(offset), int(page_id), title))
    return pages


def choose(n, k, pick, rng):
    if pick == "spread":
        u = rng.random()
        return sorted({min(n - 1, int(math.floor((i + u) * n / k))) for i in range(k)})
    if pick == "random":
        return sorted(rng.sample(range(n), k))
    start = rng.randrange(n - k + 1)
    return list(range(start, start + k))


TAG = re.compile(rb"^\s*<(/?[a-z]+)(?:\s[^>]*)?>(?:([^<]*)</[a-z]+>)?")
REDIRECT = re.compile(rb'<redirect title="([^"]*)"')
NAMESPACE = re.compile(rb'<namespace key="(-?\d+)"[^>]*?(?:/>|>([^<]*)</namespace>)')


def scan(xml, wanted):
    """Site info (db name, base URL, namespaces, "end": the offset of </mediawiki>, "size": the file's) and,
    for every page id, the offset of its <page> line, for the wanted ones also ns, redirect target and last
    revision id; the largest revision id and the latest timestamp of the whole dump. Markup lines only: text
    in the XML is escaped, so a line starting with '<' is a tag."""
    info = {"dbname": None, "base": None, "namespaces": {}, "end": None}
    pages = {}
    starts = {}
    max_rev = 0
    max_ts = ""
    page = None
    expect = None  # "page" after <page> (its <id>), "rev" after <revision> (its <id>)
    pos = 0
    with open(xml, "rb") as f:
        for line in f:
            at = pos
            pos += len(line)
            s = line.lstrip()
            if not s.startswith(b"<"):
                continue
            m = TAG.match(s)
            if not m:
                continue
            tag, value = m.group(1), m.group(2)
            if tag == b"page":
                page = {"ns": 0, "redirect": None, "last_rev": None, "start": at}
                expect = "page"
            elif tag == b"revision":
                expect = "rev"
            elif tag == b"id" and expect is not None:
                v = int(value)
                if expect == "page":
                    page["id"] = v
                    starts[v] = page["start"]
                else:
                    max_rev = max(max_rev, v)
                    page["last_rev"] = v
                expect = None
            elif tag == b"ns" and page is not None:
                page["ns"] = int(value)
            elif tag == b"redirect" and page is not None:
                r = REDIRECT.search(s)
                page["redirect"] = html.unescape(r.group(1).decode("utf-8")) if r else ""
            elif tag == b"timestamp":
                ts = value.decode("ascii")
                if ts > max_ts:
                    max_ts = ts
            elif tag == b"/page":
                if page is not None and page.get("id") in wanted:
                    pages[page["id"]] = page
                page = None
            elif tag == b"/mediawiki":
                info["end"] = at
            elif tag == b"dbname":
                info["dbname"] = value.decode("utf-8")
            elif tag == b"base":
                info["base"] = html.unescape(value.decode("utf-8"))
            elif tag == b"namespace":
                n = NAMESPACE.search(s)
                if n:
                    info["namespaces"][int(n.group(1))] = html.unescape((n.group(2) or b"").decode("utf-8"))
    info["size"] = pos
    return info, pages, starts, max_rev, max_ts


def namespace_of(title, namespaces):
    """The namespace of a prefixed title (0 when the prefix is none of the site's)."""
    if ":" in title:
        prefix = title.split(":", 1)[0]
        for key, name in namespaces.items():
            if key > 0 and name and name == prefix:
                return key
    return 0


def base36_sha1(data):
    n = int(hashlib.sha1(data).hexdigest(), 16)
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = digits[r] + out
    return out.rjust(31, "0")


def wikitext(title, rng):
    """2-6 KB of wikitext: a lead, sections of sentences with links, a category."""
    target = rng.randint(2000, 6000)
    name = title.split(":", 1)[-1]
    parts = ["'''%s''' is a %s in the %s." % (name, rng.choice(WORDS), rng.choice(WORDS))]
    size = len(parts[0])
    section = 0
    heading = False
    while size < target:
        heading = not heading and rng.random() < 0.15
        if heading:
            section += 1
            p = "\n\n== %s %d ==\n" % (rng.choice(WORDS).capitalize(), section)
        else:
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 24))]
            if rng.random() < 0.5:
                i = rng.randrange(len(words))
                words[i] = "[[%s %s]]" % (words[i].capitalize(), rng.choice(WORDS))
            p = ("" if parts[-1].endswith("\n") else " ") + " ".join(words).capitalize() + "."
        parts.append(p)
        size += len(p)
    parts.append("\n\n[[Category:%s]]\n" % rng.choice(WORDS).capitalize())
    return "".join(parts)


def main():
    a = argparse.ArgumentParser(description="page/change edit events for a share of a dump's pages")
    a.add_argument("--xml", required=True)
    a.add_argument("--index", required=True)
    a.add_argument("--out", required=True)
    a.add_argument("--percent", type=float, default=1.0)
    a.add_argument("--pick", choices=("spread", "random", "clustered"), default="spread")
    a.add_argument("--seed", type=int, default=1)
    args = a.parse_args()

    rng = random.Random(args.seed)
    index = read_index(args.index)
    n = len(index)
    if n == 0:
        sys.exit("page-change-events.py: no pages in " + args.index)
    k = min(n, max(1, round(n * args.percent / 100)))
    chosen = [index[i][1:] for i in choose(n, k, args.pick, rng)]
    info, pages, starts, max_rev, max_ts = scan(args.xml, {pid for pid, _ in chosen})
    missing = [pid for pid, _ in chosen if pid not in pages]
    if missing:
        sys.exit("page-change-events.py: pages of the index not in the XML: %s" % missing[:10])
    day = datetime.datetime.strptime(max_ts[:10], "%Y-%m-%d") + datetime.timedelta(days=1)
    host = re.sub(r"^[a-z]+://([^/]+).*$", r"\1", info["base"] or "") or "example.org"
    wiki = info["dbname"] or "examplewiki"

    body_bytes = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for i, (pid, title) in enumerate(chosen):
            p = pages[pid]
            rev_id = max_rev + 1 + i
            dt = (day + datetime.timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
            text = wikitext(title, rng)
            raw = text.encode("utf-8")
            body_bytes += len(raw)
            sha1 = base36_sha1(raw)
            user_id = rng.randint(1, 50000)
            editor = {"user_id": user_id, "user_text": "Bench editor %d" % user_id, "is_bot": False,
                      "is_system": False, "is_temp": False}
            comment = "benchmark edit %d of %d" % (i + 1, k)
            page = {"page_id": pid, "page_title": title.replace(" ", "_"), "namespace_id": p["ns"],
                    "is_redirect": p["redirect"] is not None}
            if p["redirect"]:
                page["redirect_page_link"] = {"page_title": p["redirect"].replace(" ", "_"),
                                              "namespace_id": namespace_of(p["redirect"], info["namespaces"])}
            event = {
                "$schema": "/mediawiki/page/change/1.2.0",
                "changelog_kind": "update",
                "comment": comment,
                "dt": dt,
                "meta": {"stream": "mediawiki.page_change.v1", "id": str(uuid.UUID(int=rng.getrandbits(128),
                                                                                    version=4)),
                         "dt": dt, "domain": host},
                "page": page,
                "page_change_kind": "edit",
                "performer": editor,
                "revision": {
                    "rev_id": rev_id,
                    "rev_dt": dt,
                    "rev_parent_id": p["last_rev"],
                    "rev_sha1": sha1,
                    "rev_size": len(raw),
                    "comment": comment,
                    "is_minor_edit": rng.random() < 0.3,
                    "editor": editor,
                    "is_content_visible": True,
                    "is_comment_visible": True,
                    "is_editor_visible": True,
                    "content_slots": {"main": {
                        "slot_role": "main", "content_model": "wikitext", "content_format": "text/x-wiki",
                        "content_size": len(raw), "content_sha1": sha1, "origin_rev_id": rev_id,
                        "content_body": text}},
                },
                "wiki_id": wiki,
            }
            out.write(json.dumps(event, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
    # the streams of the base, as the index has them: the XML of each runs from its first page to the next
    # stream's first page (the last one's to </mediawiki>)
    firsts = []  # (stream offset, offset of its first <page> in the XML)
    stream_of = {}
    for offset, pid, _ in index:
        if not firsts or firsts[-1][0] != offset:
            if pid not in starts:
                sys.exit("page-change-events.py: page %d of the index is not in the XML" % pid)
            firsts.append((offset, starts[pid]))
        stream_of[pid] = len(firsts) - 1
    ends = [x for _, x in firsts[1:]] + [info["end"] if info["end"] is not None else info["size"]]
    changed = sorted({stream_of[pid] for pid, _ in chosen})
    print("pages %d" % n)
    print("pages_changed %d" % k)
    print("streams %d" % len(firsts))
    print("streams_changed %d" % len(changed))
    print("header_xml_bytes %d" % firsts[0][1])
    print("changed_streams_xml_bytes %d" % sum(ends[i] - firsts[i][1] for i in changed))
    print("base_xml_bytes %d" % info["size"])
    print("content_bytes %d" % body_bytes)
    print("%d edit events (%s, %g %% of %d pages, seed %d): rev_id %d-%d, dt %s on, %d bytes of content"
          % (k, args.pick, args.percent, n, args.seed, max_rev + 1, max_rev + k, day.strftime("%Y-%m-%d"),
             body_bytes), file=sys.stderr)


if __name__ == "__main__":
    main()
