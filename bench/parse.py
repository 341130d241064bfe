#!/usr/bin/env python3
"""Turns wrk, hey and curl timing output into key=value lines, and runs into a table of medians."""
import re
import statistics
import sys


def millis(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "secs": 1000.0}[unit]


def wrk(label, text):
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
    print(f"{label}_rps={rps}")
    for pct in ("50", "99"):
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        print(f"{label}_p{pct}_ms={millis(*m.groups()):.3f}")
    m = re.search(r"Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s)", text)
    print(f"{label}_max_ms={millis(*m.groups()):.3f}")
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    print(f"{label}_non2xx={m.group(1) if m else 0}")
    m = re.search(r"Socket errors:.*", text)
    print(f"{label}_socket_errors={'yes' if m else 'none'}")


def hey(label, text):
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
    print(f"{label}_rps={rps}")
    for pct in ("50", "99"):
        m = re.search(rf"{pct}% in ([\d.]+) secs", text)
        print(f"{label}_p{pct}_ms={float(m.group(1)) * 1000:.3f}")
    slowest = float(re.search(r"Slowest:\s+([\d.]+) secs", text).group(1))
    print(f"{label}_max_ms={slowest * 1000:.3f}")
    codes = dict(re.findall(r"\[(\d+)\]\s+(\d+) responses", text))
    print(f"{label}_non2xx={sum(int(n) for c, n in codes.items() if not c.startswith('2'))}")


def p99_nearest_rank(millis_sorted):
    return millis_sorted[max(0, -(-99 * len(millis_sorted) // 100) - 1)]


def times(label, text):
    """Lines of "<http status> <seconds>", one per request (curl -w): median and p99 (nearest rank) in ms."""
    rows = [line.split() for line in text.splitlines() if line.strip()]
    millis_sorted = sorted(float(seconds) * 1000 for _, seconds in rows)
    p99 = p99_nearest_rank(millis_sorted)
    print(f"{label}_p50_ms={statistics.median(millis_sorted):.3f}")
    print(f"{label}_p99_ms={p99:.3f}")
    print(f"{label}_non2xx={sum(1 for status, _ in rows if not status.startswith('2'))}")


def heycsv(label, text):
    """hey -o csv rows without their header (several runs appended): p50, p99 (nearest rank) and max in ms, non-2xx."""
    rows = [line.split(",") for line in text.splitlines() if line.strip()]
    millis_sorted = sorted(float(row[0]) * 1000 for row in rows)
    p99 = p99_nearest_rank(millis_sorted)
    print(f"{label}_requests={len(rows)}")
    print(f"{label}_p50_ms={statistics.median(millis_sorted):.3f}")
    print(f"{label}_p99_ms={p99:.3f}")
    print(f"{label}_max_ms={millis_sorted[-1]:.3f}")
    print(f"{label}_non2xx={sum(1 for row in rows if not row[6].startswith('2'))}")


def summary(paths):
    runs = []
    for path in paths:
        with open(path) as f:
            runs.append(dict(line.strip().split("=", 1) for line in f if "=" in line))
    keys = list(runs[0])
    print(f"| figure | median of {len(runs)} runs | runs |")
    print("|---|---|---|")
    for key in keys:
        values = [r[key] for r in runs if key in r]
        try:
            median = statistics.median(float(v) for v in values)
            shown = f"{median:.3f}".rstrip("0").rstrip(".")
        except ValueError:
            shown = values[0]
        print(f"| {key} | {shown} | {' / '.join(values)} |")
    medians = {k: statistics.median(float(r[k]) for r in runs) for k in ("a.repeat_view_rps", "b.repeat_view_rps", "c.repeat_view_rps") if all(k in r for r in runs)}
    if len(medians) == 3:
        print()
        print(f"Throughput ratios (repeat view): a/b = {medians['a.repeat_view_rps'] / medians['b.repeat_view_rps']:.1f}, "
              f"a/c = {medians['a.repeat_view_rps'] / medians['c.repeat_view_rps']:.1f}")
    # The session's repeat view beside the implicit one, run by run (the same run, the same machine state).
    shares = [float(r["s.repeat_view_rps"]) / float(r["a.repeat_view_rps"]) for r in runs
              if "s.repeat_view_rps" in r and "a.repeat_view_rps" in r]
    if shares:
        print()
        print(f"Session repeat view (s) / implicit repeat view (a), req/s in the same run: median {statistics.median(shares):.0%} "
              f"({' / '.join(f'{share:.0%}' for share in shares)}); target at least 80 %")
    # Show's own time at 200 req/s: the app's p99 less the stand-in's, both measured in the same interleaved windows.
    overheads = [float(r["d.reveal200_p99_ms"]) - float(r["d.upstream200_p99_ms"]) for r in runs
                 if "d.reveal200_p99_ms" in r and "d.upstream200_p99_ms" in r]
    if overheads:
        print()
        print(f"Show at 200 req/s, p99 overhead (app - stand-in, same windows): median {statistics.median(overheads):.1f} ms "
              f"({' / '.join(f'{o:.1f}' for o in overheads)}); target under 2 ms")


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "summary":
        summary(sys.argv[2:])
    else:
        {"wrk": wrk, "hey": hey, "heycsv": heycsv, "times": times}[mode](sys.argv[2], sys.stdin.read())
