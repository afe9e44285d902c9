#!/usr/bin/env python3
"""Kills `tropa build` with SIGKILL at random moments and checks that the output folder is always one whole
build, the previous one or the new one, byte for byte, and that the next build recovers.

Each run changes either a map (the build updates the output in place) or a template (the build replaces the
whole output). An update killed while it moves its new files in or edits the others where they are leaves its
journal beside the output: that state is allowed only with the journal there, and the next build must finish it.

usage: kill_build.py TROPA [--runs N] [--maps M] [--seed S]
"""
import argparse
import hashlib
import pathlib
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def tree_hash(folder: pathlib.Path) -> str:
    """One hash of every path and every byte below `folder`; None when it does not exist."""
    if not folder.exists():
        return None
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def build(tropa: str, site: pathlib.Path, output: pathlib.Path) -> None:
    result = subprocess.run([tropa, "build", str(site), "--output", str(output)], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build failed ({result.returncode}): {result.stdout}{result.stderr}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tropa")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--maps", type=int, default=80)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"kill test: {args.runs} runs on {args.maps} maps, seed {args.seed} (--seed to repeat)")

    work = pathlib.Path(tempfile.mkdtemp(prefix="tropa-kill-"))
    try:
        subprocess.run([sys.executable, str(ROOT / "Benchmarks/generate.py"), str(args.maps), str(work)],
                       check=True, capture_output=True)
        site = work / "tropa"
        changed = sorted((site / "content").rglob("*.md"))[-1]
        template = site / "templates" / "extra.css"
        texts = [changed.read_text(encoding="utf-8")]
        texts.append(texts[0].replace("\n## ", "\nA changed introduction.\n\n## ", 1))

        def put(state):
            """Writes the site's files for a state: (which map text, whether the template is there)."""
            changed.write_text(texts[state[0]], encoding="utf-8")
            if state[1]:
                template.parent.mkdir(exist_ok=True)
                template.write_text("p { margin: 0 }\n", encoding="utf-8")
            elif template.exists():
                template.unlink()

        # Every state's output, from a build of its own; and how long an update and a full build take.
        expected = {}
        for state in [(0, False), (1, False), (0, True), (1, True)]:
            put(state)
            build(args.tropa, site, work / f"reference-{state[0]}-{state[1]}" / "public")
            expected[state] = tree_hash(work / f"reference-{state[0]}-{state[1]}" / "public")
        assert len(set(expected.values())) == 4
        output = work / "out" / "public"
        previous = output.parent / ".public.tropa-previous"
        staging = output.parent / ".public.tropa-staging"
        journal = output.parent / ".public.tropa-journal"
        durations = {}
        current = (0, False)
        put(current)
        build(args.tropa, site, output)
        for kind, target in [("update", (1, False)), ("full", (1, True))]:
            put(target)
            started = time.monotonic()
            build(args.tropa, site, output)
            durations[kind] = time.monotonic() - started
            current = target

        failures = 0
        for run in range(1, args.runs + 1):
            kind = rng.choice(["update", "full"])
            target = (1 - current[0], current[1]) if kind == "update" else (current[0], not current[1])
            put(target)
            delay = rng.uniform(0, durations[kind] * 1.1)
            process = subprocess.Popen([args.tropa, "build", str(site), "--output", str(output)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            finished = process.poll() is not None
            process.send_signal(signal.SIGKILL)
            process.wait()
            # Killed between the two renames, the output is missing and the previous one waits beside it.
            found = tree_hash(output) if output.exists() else tree_hash(previous)
            which = {expected[current]: "old", expected[target]: "new"}.get(found)
            if which is None and journal.exists():
                which = "mid-update, journal kept"
            build(args.tropa, site, output)
            recovered = (tree_hash(output) == expected[target] and not staging.exists() and not previous.exists()
                         and not journal.exists())
            state = "finished" if finished else "killed"
            print(f"run {run:2}: {kind:6} {state} after {delay:.3f}s, output {which or 'BROKEN'}, "
                  f"next build {'recovered' if recovered else 'DID NOT RECOVER'}")
            if not (which and recovered):
                failures += 1
            current = target
        print(f"kill test: {args.runs - failures} passed, {failures} failed")
        sys.exit(1 if failures else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
