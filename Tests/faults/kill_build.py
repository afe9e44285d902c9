#!/usr/bin/env python3
"""Kills `tropa build` with SIGKILL at random moments and checks that the output folder is always one whole
build, the previous one or the new one, byte for byte, and that the next build recovers.

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
        # Two versions of the site, so that every build has work to do (an unchanged site is not rebuilt).
        changed = sorted((site / "content").rglob("*.md"))[-1]
        versions = [changed.read_text(encoding="utf-8")]
        versions.append(versions[0].replace("\n## ", "\nA changed introduction.\n\n## ", 1))
        expected = []
        for index, text in enumerate(versions):
            changed.write_text(text, encoding="utf-8")
            started = time.monotonic()
            build(args.tropa, site, work / f"reference-{index}" / "public")
            duration = time.monotonic() - started
            expected.append(tree_hash(work / f"reference-{index}" / "public"))
        assert expected[0] != expected[1]

        output = work / "out" / "public"
        previous = output.parent / ".public.tropa-previous"
        staging = output.parent / ".public.tropa-staging"
        changed.write_text(versions[0], encoding="utf-8")
        build(args.tropa, site, output)
        current = 0
        failures = 0
        for run in range(1, args.runs + 1):
            target = 1 - current
            changed.write_text(versions[target], encoding="utf-8")
            delay = rng.uniform(0, duration * 1.1)
            process = subprocess.Popen([args.tropa, "build", str(site), "--output", str(output)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            finished = process.poll() is not None
            process.send_signal(signal.SIGKILL)
            process.wait()
            # Killed between the two renames, the output is missing and the previous one waits beside it.
            found = tree_hash(output) if output.exists() else tree_hash(previous)
            whole = found in (expected[current], expected[target])
            build(args.tropa, site, output)
            recovered = tree_hash(output) == expected[target] and not staging.exists() and not previous.exists()
            state = "finished" if finished else "killed"
            which = {expected[current]: "old", expected[target]: "new"}.get(found, "BROKEN")
            print(f"run {run:2}: {state} after {delay:.2f}s, output {which}, "
                  f"next build {'recovered' if recovered else 'DID NOT RECOVER'}")
            if not (whole and recovered):
                failures += 1
            current = target
        print(f"kill test: {args.runs - failures} passed, {failures} failed")
        sys.exit(1 if failures else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
