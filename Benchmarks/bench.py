#!/usr/bin/env python3
"""Measures tropa (release build) on a synthetic site of N maps, side by side with Hugo when it is installed.

usage: bench.py [--maps N] [--runs R] [--work DIR] [--no-hugo] [--no-serve] [--baseline TROPA]
                [--history-commits C] [--no-history-case]
Cases: cold build (empty output), no-change rebuild, rebuild after changing one map, `tropa check` of a
one-map site, Hugo's cold build of the same content (runs alternate between tropa and Hugo), and the rebuild
`tropa serve` reports after one map is saved (its own timing, from noticing the save to the pages ready), and
the history case: the site in a git repository of C commits that each change every map, built cold with its history
pages and with --no-history (the difference is what reading the history costs), and rebuilt with no change.
Prints the median and min-max wall time, maps per second, peak RSS and the ratio to Hugo. With --baseline, another
tropa binary (a build of an earlier commit) runs the same cases in the same loop, alternating, into an output of
its own, so a change is measured against what it replaces under the same load.

Every cold build, tropa's and Hugo's, writes into a new folder, and no output is deleted until the end: on this
machine's ext4, creating files within seconds of deleting as many costs several times the CPU (the allocator
skips recently freed inodes one by one), which measured the file system rather than the generators.
"""
import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
TROPA = ROOT / ".build/release/tropa"


def timed(command, cwd=None):
    """Runs a command under /usr/bin/time -v; returns (seconds, peak RSS in MB)."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    seconds = rss = 0.0
    for line in result.stderr.splitlines():
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            value = line.rsplit(" ", 1)[1]
            parts = [float(p) for p in value.split(":")]
            seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
        elif line.startswith("Maximum resident set size"):
            rss = int(line.rsplit(" ", 1)[1]) / 1024
    return seconds, rss


def summary(name, samples, maps, hugo=None):
    times = [s for s, _ in samples]
    median = statistics.median(times)
    rss = max(r for _, r in samples)
    rate = maps / median if median > 0 else float("inf")
    ratio = f"{hugo / median:6.1f}x" if hugo else "      "
    memory = f"{rss:7.0f} MB" if rss else "          "  # the serve case times a rebuild, not a process
    print(f"{name:<28} {median:8.3f} s  ({min(times):.3f}-{max(times):.3f})  {rate:9.0f} maps/s  "
          f"{memory}  {ratio}")
    return median


def serve_rebuilds(site, changed, runs):
    """Saves `changed` `runs` times under a running `tropa serve`; returns the rebuild times it prints, in s."""
    # The generated site says `language: ru`; the lines read here are the English ones.
    server = subprocess.Popen([TROPA, "serve", site, "--port", "0", "--lang", "en"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    original = changed.read_text(encoding="utf-8")
    times = []
    try:
        for line in server.stdout:
            if line.startswith("serving "):
                break
        else:
            # The server stopped before serving: a failed case, not an empty one.
            raise RuntimeError("tropa serve did not start")
        for run in range(runs):
            time.sleep(0.5)
            changed.write_text(original.replace("## ", f"## Save {run} ", 1), encoding="utf-8")
            for line in server.stdout:
                match = re.match(r"rebuilt .* in (\d+) ms", line)
                if match:
                    times.append((int(match.group(1)) / 1000, 0))
                    break
    finally:
        server.terminate()
        server.wait()
        changed.write_text(original, encoding="utf-8")
    return times


def history_site(site, work, commits):
    """A copy of `site` in a git repository of `commits` commits, each changing the first stage's name of every map."""
    repo = work / "history"
    shutil.copytree(site, repo)
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.com",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.com"}

    def git(*arguments):
        subprocess.run(["git", "-C", repo, *arguments], check=True, env=env, stdout=subprocess.DEVNULL)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "commit 0")
    maps = sorted((repo / "content").glob("g*/map-*.md"))
    originals = {path: path.read_text(encoding="utf-8") for path in maps}
    for commit in range(1, commits):
        for path in maps:
            path.write_text(originals[path].replace("## ", f"## C{commit} ", 1), encoding="utf-8")
        git("commit", "-q", "-a", "-m", f"commit {commit}")
    return repo


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--maps", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", default=None)
    parser.add_argument("--no-hugo", action="store_true", help="leave Hugo out (it needs about 0.5 GB per 1,000 pages)")
    parser.add_argument("--no-serve", action="store_true", help="leave out the `tropa serve` case")
    parser.add_argument("--baseline", default=None, help="another tropa binary to measure in the same runs")
    parser.add_argument("--history-commits", type=int, default=20, help="commits of the history case's repository")
    parser.add_argument("--no-history-case", action="store_true", help="leave out the history case")
    args = parser.parse_args()

    # Both programs: `tropa serve` runs the tropa-serve beside tropa, which must be as new as it.
    for product in ["tropa", "tropa-serve"]:
        subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    work = pathlib.Path(args.work or tempfile.mkdtemp(prefix="tropa-bench-"))
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run([sys.executable, ROOT / "Benchmarks/generate.py", str(args.maps), work], check=True)
    subprocess.run([sys.executable, ROOT / "Benchmarks/generate.py", "1", work / "one"], check=True)
    site = work / "tropa"
    hugo = shutil.which("hugo")
    changed = sorted((site / "content").glob("g*/map-*.md"))[args.maps // 2]
    original = changed.read_text(encoding="utf-8")

    # Each binary builds the site into an output of its own: the records of two versions would not agree.
    binaries = [("tropa", TROPA, [])]
    if args.baseline:
        binaries.append(("baseline", pathlib.Path(args.baseline).resolve(), ["--output", work / "baseline-public"]))
    cases = {name: {"cold": [], "nochange": [], "onechange": [], "check": []} for name, _, _ in binaries}
    hugo_cold = []
    for _, binary, output in binaries:
        timed([binary, "build", site] + output)  # the output the rebuild cases start from
    for run in range(args.runs):
        for name, binary, _ in binaries:
            cases[name]["cold"].append(timed([binary, "build", site, "--output", work / f"cold/{name}-{run}"]))
        if hugo and not args.no_hugo:
            hugo_cold.append(timed([hugo, "--quiet", "-s", work / "hugo", "--destination", work / f"cold/hugo-{run}"]))
        for name, binary, output in binaries:
            cases[name]["nochange"].append(timed([binary, "build", site] + output))
        changed.write_text(original.replace("## ", f"## Run {run} ", 1), encoding="utf-8")
        for name, binary, output in binaries:
            cases[name]["onechange"].append(timed([binary, "build", site] + output))
            cases[name]["check"].append(timed([binary, "check", work / "one/tropa"]))
    changed.write_text(original, encoding="utf-8")
    history = {"with": [], "without": [], "nochange": []}
    if not args.no_history_case:
        repo = history_site(site, work, args.history_commits)
        timed([TROPA, "build", repo, "--output", work / "history-public"])
        for run in range(args.runs):
            history["with"].append(timed([TROPA, "build", repo, "--output", work / f"cold/history-{run}"]))
            history["without"].append(timed([TROPA, "build", repo, "--no-history",
                                             "--output", work / f"cold/no-history-{run}"]))
            history["nochange"].append(timed([TROPA, "build", repo, "--output", work / "history-public"]))
    serve = [] if args.no_serve else serve_rebuilds(site, changed, max(args.runs, 5))
    shutil.rmtree(work / "cold", ignore_errors=True)

    hugo_version = subprocess.getoutput(hugo + ' version').split()[1] if hugo else 'not installed'
    print(f"\nN = {args.maps} maps, {args.runs} runs each, {subprocess.getoutput('nproc')} cores; "
          f"hugo: {'not run' if args.no_hugo else hugo_version}")
    print(f"{'case':<28} {'median':>10}  {'(min-max)':<13} {'speed':>15}  {'peak RSS':>10}  vs Hugo cold")
    hugo_median = summary("hugo cold build", hugo_cold, args.maps) if hugo_cold else None
    for name, _, _ in binaries:
        summary(f"{name} cold build", cases[name]["cold"], args.maps, hugo_median)
        summary(f"{name} no-change rebuild", cases[name]["nochange"], args.maps, hugo_median)
        summary(f"{name} one changed map", cases[name]["onechange"], args.maps, hugo_median)
        summary(f"{name} check, one map", cases[name]["check"], 1)
    if history["with"]:
        summary(f"cold, history of {args.history_commits}", history["with"], args.maps)
        summary("cold, same, --no-history", history["without"], args.maps)
        summary("no-change, with history", history["nochange"], args.maps)
    if serve:
        summary("tropa serve, one saved map", serve, args.maps)


if __name__ == "__main__":
    main()
