#!/usr/bin/env python3
"""Measures tropa (release build) on a synthetic site of N maps, side by side with Hugo when it is installed.

usage: bench.py [--maps N] [--runs R] [--work DIR] [--no-hugo] [--no-serve] [--baseline TROPA]
                [--history-commits C] [--no-history-case]
e.g. `bench.py --maps 100000 --no-hugo`: the history case is left out above 10,000 maps (it would take hours).
Cases: cold build (empty output), no-change rebuild, rebuilds after changing one map (a stage renamed, a text
edited, an NPS its card shows edited, a conversion the plan sorts by, then an emotion moved to the other end of the
scale, which moves its stage's actions far in the plan), with another map given a warning: a
no-change rebuild and that map's text edited (each reads the warned map again, to report it), `tropa check` of a
one-map site and of the whole site, Hugo's cold build of the same content (runs alternate between tropa and Hugo), and the rebuild
`tropa serve` reports after one map is saved (its own timing, from noticing the save to the pages ready), and
the history case: the site in a git repository of C commits that each change every map, built cold with its history
pages and with --no-history (the difference is what reading the history costs), and rebuilt with no change.
Prints the median and min-max wall time, maps per second, peak RSS and the ratio to Hugo. With --baseline, another
tropa binary (a build of an earlier commit) runs the same cases in the same loop, alternating, into an output of
its own, so a change is measured against what it replaces under the same load.

The floor, measured in the same loop right after tropa's cold build (Benchmarks/floor.c, compiled here): the parse
floor reads every .md file under content/ and parses it with cmark alone on every core (the whole process, timed
like tropa's); the write floor reads the files of tropa's last build of the site (the output the rebuild cases
update) into memory, then writes them into a new folder with one open/write/close per file on every core (only the
writing is timed, by the program itself). The table gives tropa's cold build as a multiple of their sum, run by run.

Every cold build, tropa's, Hugo's and the write floor's, writes into a new folder, after a `sync` so that none
starts while the one before is still being written back. No output is deleted until the end when all the runs'
outputs fit on the disk: on this machine's ext4 (no journal), creating files within minutes of deleting as many
costs several times the CPU (the allocator skips recently freed inodes one by one), which measured the file system
rather than the generators. When they do not fit (100,000 maps), each cold output is deleted once measured, and the
next cold build waits six minutes; leave as long between two benches. For the same reason the work folder is not
under /tmp, where tests make and delete files all the time.

The rebuilds start once those writes are on disk, and after one rebuild of each binary that is not timed: the
floor's and the cold builds' gigabytes push the site's folders out of the kernel's caches, and whichever binary ran
first paid for reading them back (a no-change rebuild took 0.87 s there and takes 0.10–0.17 s with the folders
cached, as they are between two saves of an author's map).
"""
import argparse
import datetime
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
# ext4 without a journal does not reuse an inode freed less than a minute ago, or five minutes more while its block of
# the inode table is dirty, as making new files next to it makes it (fs/ext4/ialloc.c, recently_deleted).
INODE_RECENCY = 360


def timed(command, cwd=None):
    """Runs a command under /usr/bin/time -v; returns (seconds, peak RSS in MB). The seconds are timed here, to the
    microsecond, from before the command starts to after it ends, starting /usr/bin/time included (`true` takes
    2.5 ms so): /usr/bin/time's own wall clock counts in 10 ms, too coarse for the 20 ms and 0.15 s targets."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    rss = 0.0
    for line in result.stderr.splitlines():
        line = line.strip()
        if line.startswith("Maximum resident set size"):
            rss = int(line.rsplit(" ", 1)[1]) / 1024
    return seconds, rss


def cold(command):
    """Times a cold build that writes a new folder, once the writes of the builds before are on disk."""
    os.sync()
    return timed(command)


def write_floor(floor, source, destination):
    """Writes the files of `source` into the new folder `destination` (Benchmarks/floor.c); returns (seconds, 0)
    and what it wrote."""
    os.sync()
    result = subprocess.run([floor, "write", source, destination], capture_output=True, text=True)
    match = re.fullmatch(r"wrote (.*) in ([0-9.]+) s", result.stdout.strip())
    if result.returncode != 0 or not match:
        sys.exit(f"failed: the write floor\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return (float(match.group(2)), 0), match.group(1)


def disk_use(folder):
    """Bytes a folder takes on disk."""
    result = subprocess.run(["du", "-s", "-k", folder], capture_output=True, text=True, check=True)
    return int(result.stdout.split()[0]) * 1024


def remove(folders):
    """Deletes the folders, then waits until the file system reuses their inodes like any others."""
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    os.sync()
    time.sleep(INODE_RECENCY)


def summary(name, samples, maps, hugo=None):
    times = [s for s, _ in samples]
    median = statistics.median(times)
    rss = max(r for _, r in samples)
    rate = maps / median if median > 0 else float("inf")
    ratio = f"{hugo / median:6.1f}x" if hugo else "      "
    memory = f"{rss:7.0f} MB" if rss else "          "  # the serve case times a rebuild, not a process
    print(f"{name:<32} {median:8.3f} s  ({min(times):.3f}-{max(times):.3f})  {rate:9.0f} maps/s  "
          f"{memory}  {ratio}")
    return median


def nudged(value, lowest):
    """A figure one up, or one down at the top of its scale (100): always another value than `value`."""
    return value + 1 if value < 100 else max(lowest, value - 1)


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


def multiple(name, builds, floors):
    """Prints each run's cold build over that run's floor: the median, and the least and greatest."""
    ratios = [build / floor for (build, _), floor in zip(builds, floors)]
    print(f"{name:<32} {statistics.median(ratios):7.2f}x    ({min(ratios):.2f}-{max(ratios):.2f})")


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
    for commit in range(1, commits):
        for path in maps:
            original = (site / path.relative_to(repo)).read_text(encoding="utf-8")
            path.write_text(original.replace("## ", f"## C{commit} ", 1), encoding="utf-8")
        git("commit", "-q", "-a", "-m", f"commit {commit}")
    return repo


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--maps", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", default=None, help="the folder to work in (kept at the end but for the cold "
                        "outputs); by default a new one in .build, deleted at the end")
    parser.add_argument("--no-hugo", action="store_true", help="leave Hugo out (it needs about 0.5 GB per 1,000 pages)")
    parser.add_argument("--no-serve", action="store_true", help="leave out the `tropa serve` case")
    parser.add_argument("--baseline", default=None, help="another tropa binary to measure in the same runs")
    parser.add_argument("--history-commits", type=int, default=20, help="commits of the history case's repository")
    parser.add_argument("--no-history-case", action="store_true",
                        help="leave out the history case (left out anyway above 10,000 maps)")
    args = parser.parse_args()
    history_case = not args.no_history_case and args.maps <= 10_000
    if not args.no_history_case and not history_case:
        print("the history case is left out above 10,000 maps", file=sys.stderr)

    # Both programs: `tropa serve` runs the tropa-serve beside tropa, which must be as new as it. Built as
    # scripts/demo builds them, `tropa` with Swift's libraries linked in (Package.swift).
    for product in ["tropa", "tropa-serve"]:
        subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, env=os.environ | {"TROPA_STATIC_SWIFT": "1"})
    # Not under /tmp, where tests and other programs make and delete files all the time (see remove()).
    work = pathlib.Path(args.work or tempfile.mkdtemp(prefix="bench-", dir=ROOT / ".build"))
    if args.work and work.exists():
        remove([work])  # the last run's outputs: their inodes would slow down this run's first cold builds
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run([sys.executable, ROOT / "Benchmarks/generate.py", str(args.maps), work], check=True)
    subprocess.run([sys.executable, ROOT / "Benchmarks/generate.py", "1", work / "one"], check=True)
    floor = work / "floor"
    subprocess.run(["cc", "-O2", "-o", floor, ROOT / "Benchmarks/floor.c", "-lcmark", "-lpthread"], check=True)
    site = work / "tropa"
    hugo = shutil.which("hugo")
    changed = sorted((site / "content").glob("g*/map-*.md"))[args.maps // 2]
    original = changed.read_text(encoding="utf-8")
    warned = sorted((site / "content").glob("g*/map-*.md"))[0]
    # A measured map's file (generate.py measures one map in a thousand), to which a review's row is added.
    measured_files = sorted((site / "content").glob("g*/map-*.csv"))
    measured = measured_files[len(measured_files) // 2] if measured_files else None
    measured_original = measured.read_text(encoding="utf-8") if measured else ""
    warned_original = warned.read_text(encoding="utf-8")

    # Each binary builds the site into an output of its own: the records of two versions would not agree.
    binaries = [("tropa", TROPA, [])]
    if args.baseline:
        binaries.append(("baseline", pathlib.Path(args.baseline).resolve(), ["--output", work / "baseline-public"]))
    cases = {name: {"cold": [], "nochange": [], "onechange": [], "onetext": [], "onenps": [], "oneconversion": [], "oneemotion": [], "onemeasured": [],
                    "warnednochange": [], "warnedtext": [], "check": [], "checksite": []} for name, _, _ in binaries}
    hugo_cold = []
    parse_floor, write_floor_times = [], []
    for _, binary, output in binaries:
        timed([binary, "build", site] + output)  # the output the rebuild cases start from
    # Every run's cold outputs are kept until the end when they fit, with a tenth of the disk to spare (Hugo's
    # counted as large as tropa's); otherwise each is deleted once measured.
    free = shutil.disk_usage(work).free
    cold_outputs = args.runs * (len(binaries) + 1 + (hugo is not None and not args.no_hugo) + 2 * history_case)
    delete_each_run = disk_use(site / "public") * cold_outputs > 0.9 * free
    if delete_each_run:
        print(f"the cold outputs of {args.runs} runs would not fit in {free / 2**30:.0f} GB: each is deleted once "
              f"measured, and the next cold build waits {INODE_RECENCY // 60} minutes", file=sys.stderr)
    for run in range(args.runs):
        # Each case's runs alternate which binary goes first: the first after a map is written reads a file changed
        # too close to the build to be trusted by its time (`BuildRecord`), and always going first cost it that.
        order = binaries if run % 2 == 0 else binaries[::-1]
        outputs = [work / f"cold/{name}-{run}" for name, _, _ in binaries]
        for name, binary, _ in order:
            cases[name]["cold"].append(cold([binary, "build", site, "--output", work / f"cold/{name}-{run}"]))
        if hugo and not args.no_hugo:
            outputs.append(work / f"cold/hugo-{run}")
            hugo_cold.append(cold([hugo, "--quiet", "-s", work / "hugo", "--destination", outputs[-1]]))
        parse_floor.append(timed([floor, "parse", site / "content"]))
        if delete_each_run:
            remove(outputs)
        # The files of tropa's last build of the site (the output the rebuild cases update).
        written, wrote = write_floor(floor, site / "public", work / f"cold/floor-{run}")
        write_floor_times.append(written)
        if delete_each_run:
            remove([work / f"cold/floor-{run}"])
        # The rebuilds too start once the writes before them are on disk: the floor's 1.7 GB (at 10,000 maps) still
        # being written back made every rebuild after it, one with nothing to write included, two or three times slower.
        os.sync()
        for _, binary, output in order:
            timed([binary, "build", site] + output)
        for name, binary, output in order:
            cases[name]["nochange"].append(timed([binary, "build", site] + output))
        renamed = original.replace("## ", f"## Run {run} ", 1)
        changed.write_text(renamed, encoding="utf-8")
        for name, binary, output in order:
            cases[name]["onechange"].append(timed([binary, "build", site] + output))
        for name, binary, output in order:
            cases[name]["check"].append(timed([binary, "check", work / "one/tropa"]))
            cases[name]["checksite"].append(timed([binary, "check", site]))
        # Then a text of the same map (its first layer's): an edit no site page shows.
        changed.write_text(re.sub(r"(### [^\n]+\n)", rf"\g<1>Edit {run}. ", renamed, count=1), encoding="utf-8")
        for name, binary, output in order:
            cases[name]["onetext"].append(timed([binary, "build", site] + output))
        # Then figures its card shows (a new measurement): its first stage's NPS, which the card averages and no
        # action sorts by, then that stage's conversion, which the plan sorts its actions by.
        edited = changed.read_text(encoding="utf-8")
        nps = re.sub(r"NPS: (-?\d+)", lambda m: f"NPS: {nudged(int(m.group(1)), -100)}", edited, count=1)
        changed.write_text(nps, encoding="utf-8")
        for name, binary, output in order:
            cases[name]["onenps"].append(timed([binary, "build", site] + output))
        changed.write_text(re.sub(r"(Конверсия|Conversion): (\d+)",
                                  lambda m: f"{m.group(1)}: {nudged(int(m.group(2)), 0)}", nps, count=1), encoding="utf-8")
        for name, binary, output in order:
            cases[name]["oneconversion"].append(timed([binary, "build", site] + output))
        # Then its first emotion to the other end of the scale: its stage's actions move far in the plan, and every
        # plan page between their old place and the new shows one action more at one end and one less at the other.
        converted = changed.read_text(encoding="utf-8")
        changed.write_text(re.sub(r"(### (?:Эмоции|Emotions)\n- )([-+]?\d+)",
                                  lambda m: m.group(1) + ("+2" if int(m.group(2)) < 0 else "-2"), converted, count=1),
                           encoding="utf-8")
        for name, binary, output in order:
            cases[name]["oneemotion"].append(timed([binary, "build", site] + output))
        # The map as it was, built untimed: the next run's rename is then a rename alone, not the figures undone too.
        changed.write_text(original, encoding="utf-8")
        for _, binary, output in order:
            timed([binary, "build", site] + output)
        # A review: a row added to a measured map's file (its first stage's conversion, dated after the others).
        if measured:
            stage_metric = measured_original.splitlines()[1].split(",")[1:3]
            day = datetime.date(2026, 3, 1) + datetime.timedelta(days=run)
            measured.write_text(measured_original + f"{day.isoformat()},{','.join(stage_metric)},{40 + run % 50}%\n",
                                encoding="utf-8")
            for name, binary, output in order:
                cases[name]["onemeasured"].append(timed([binary, "build", site] + output))
            measured.write_text(measured_original, encoding="utf-8")
            for _, binary, output in order:
                timed([binary, "build", site] + output)
    changed.write_text(original, encoding="utf-8")
    history = {"with": [], "without": [], "nochange": [], "edited": []}
    if history_case:
        repo = history_site(site, work, args.history_commits)
        timed([TROPA, "build", repo, "--output", work / "history-public"])
        for run in range(args.runs):
            history["with"].append(cold([TROPA, "build", repo, "--output", work / f"cold/history-{run}"]))
            history["without"].append(cold([TROPA, "build", repo, "--no-history",
                                            "--output", work / f"cold/no-history-{run}"]))
            history["nochange"].append(timed([TROPA, "build", repo, "--output", work / "history-public"]))
            # A map edited and not committed yet: an update, which reads the history of that map alone.
            edited = repo / changed.relative_to(site)
            committed = edited.read_text(encoding="utf-8")
            edited.write_text(committed.replace("## ", f"## Edit {run} ", 1), encoding="utf-8")
            history["edited"].append(timed([TROPA, "build", repo, "--output", work / "history-public"]))
            edited.write_text(committed, encoding="utf-8")
            timed([TROPA, "build", repo, "--output", work / "history-public"])  # so that the next no-change is one
            if delete_each_run:
                remove([work / f"cold/history-{run}", work / f"cold/no-history-{run}"])
    # Then another map given a warning (an unknown front-matter key), built untimed: every later build reads it again
    # to report the warning, with nothing changed and with a text of the first map edited. After every cold build
    # (the history's too): a tropa that made each of these a full build (before 49be17d) deleted a whole output each
    # time, which slowed the next cold build two or three times (see remove()).
    warned.write_text(warned_original.replace("---\n", "---\nsegmnet: x\n", 1), encoding="utf-8")
    for run in range(args.runs):
        order = binaries if run % 2 == 0 else binaries[::-1]
        for _, binary, output in order:
            timed([binary, "build", site] + output)
        for name, binary, output in order:
            cases[name]["warnednochange"].append(timed([binary, "build", site] + output))
        changed.write_text(re.sub(r"(### [^\n]+\n)", rf"\g<1>Warned {run}. ", original, count=1), encoding="utf-8")
        for name, binary, output in order:
            cases[name]["warnedtext"].append(timed([binary, "build", site] + output))
        changed.write_text(original, encoding="utf-8")
    warned.write_text(warned_original, encoding="utf-8")
    serve = [] if args.no_serve else serve_rebuilds(site, changed, max(args.runs, 5))
    shutil.rmtree(work if not args.work else work / "cold", ignore_errors=True)

    hugo_version = subprocess.getoutput(hugo + ' version').split()[1] if hugo else 'not installed'
    print(f"\nN = {args.maps} maps, {args.runs} runs each, {subprocess.getoutput('nproc')} cores; "
          f"hugo: {'not run' if args.no_hugo else hugo_version}")
    print(f"{'case':<32} {'median':>10}  {'(min-max)':<13} {'speed':>15}  {'peak RSS':>10}  vs Hugo cold")
    hugo_median = summary("hugo cold build", hugo_cold, args.maps) if hugo_cold else None
    for name, _, _ in binaries:
        summary(f"{name} cold build", cases[name]["cold"], args.maps, hugo_median)
        summary(f"{name} no-change rebuild", cases[name]["nochange"], args.maps, hugo_median)
        summary(f"{name} one map, stage renamed", cases[name]["onechange"], args.maps, hugo_median)
        summary(f"{name} one map, text edited", cases[name]["onetext"], args.maps, hugo_median)
        summary(f"{name} one map, NPS edited", cases[name]["onenps"], args.maps, hugo_median)
        summary(f"{name} one map, conversion edited", cases[name]["oneconversion"], args.maps, hugo_median)
        summary(f"{name} one map, emotion moved far", cases[name]["oneemotion"], args.maps, hugo_median)
        if cases[name]["onemeasured"]:
            summary(f"{name} one map, a row measured", cases[name]["onemeasured"], args.maps, hugo_median)
        summary(f"{name} no-change, a map warned", cases[name]["warnednochange"], args.maps, hugo_median)
        summary(f"{name} text edited, a map warned", cases[name]["warnedtext"], args.maps, hugo_median)
        summary(f"{name} check, one map", cases[name]["check"], 1)
        summary(f"{name} check, whole site", cases[name]["checksite"], args.maps)
    floors = [p + w for (p, _), (w, _) in zip(parse_floor, write_floor_times)]
    summary("parse floor (cmark alone)", parse_floor, args.maps)
    summary("write floor (tropa's files)", write_floor_times, args.maps)
    summary("floor (parse + write)", [(f, 0) for f in floors], args.maps)
    for name, _, _ in binaries:
        multiple(f"{name} cold / floor", cases[name]["cold"], floors)
    print(f"(the write floor wrote {wrote})")
    if history["with"]:
        summary(f"cold, history of {args.history_commits}", history["with"], args.maps)
        summary("cold, same, --no-history", history["without"], args.maps)
        summary("no-change, with history", history["nochange"], args.maps)
        summary("one map edited, with history", history["edited"], args.maps)
    if serve:
        summary("tropa serve, one saved map", serve, args.maps)


if __name__ == "__main__":
    main()
