"""Step time of our C++ engine against the PyTorch-eager peer on the same shapes, threads and device.

Runs `uegr-bench-step --json` and `peer_step.py --json` alternately (ours, peer, ours, peer, ...)
for --rounds rounds, so that a change in the machine's load hits both alike, and prints the
median over rounds of each program's median step time, with ours/peer (below 1: ours faster).
With --hf it does the same for uegr-bench-hf-step's BERT-shaped encoder. This script needs no
torch itself; the peer runs under the first interpreter that imports torch (or --python).

    python3 bench/peer/compare.py --build build --threads 2 [--device cuda] [--rounds 5] [--hf] [--json]
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

PEER = Path(__file__).resolve().parent / "peer_step.py"


def fail(message):
    print(f"compare.py: {message}", file=sys.stderr)
    sys.exit(2)


def torch_python(explicit):
    """The interpreter for the peer: --python, else this one or the system's, whichever has torch."""
    candidates = [explicit] if explicit else [sys.executable, shutil.which("python3"), "/usr/bin/python3"]
    for python in filter(None, candidates):
        if subprocess.run([python, "-c", "import torch"], capture_output=True).returncode == 0:
            return python
    fail("no Python interpreter with torch found (install python3-torch, or pass --python)")


def cpu_name():
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def run_json(command, env):
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        fail(f"{Path(command[0]).name} exited with {result.returncode}: {result.stderr.strip()[-300:]}")
    return json.loads(result.stdout)


def step_times(report):
    """{(model, method): ms} from either program's JSON."""
    if "methods" in report:  # uegr-bench-hf-step
        return {("bert", m["method"]): m["measured_ms"] for m in report["methods"]}
    return {(m["model"], method): ms for m in report["models"] for method, ms in m["step_ms"].items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default="build", help="our build directory (with bin/uegr-bench-step)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--rounds", type=int, default=5, help="runs of each program, interleaved")
    parser.add_argument("--repeats", type=int, default=15, help="timed steps per run (median taken)")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--hf", action="store_true",
                        help="also the BERT-shaped encoder of uegr-bench-hf-step")
    parser.add_argument("--hf-repeats", type=int, default=5,
                        help="timed steps per run of the encoder (2 warm-up steps), as uegr-bench-hf-step")
    parser.add_argument("--transformers", action="store_true",
                        help="with --hf: also time transformers' BERT (vanilla only), if installed")
    parser.add_argument("--python", help="interpreter for the peer (default: one that imports torch)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    binaries = Path(args.build) / "bin"
    python = torch_python(args.python)
    # The same environment for both: OpenBLAS on one thread, OpenMP threads that sleep when idle
    # (docs/PERFORMANCE.md), unless the caller set them.
    env = dict(os.environ)
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    common = ["--json", "--threads", str(args.threads), "--device", args.device]
    timing = ["--repeats", str(args.repeats), "--warmup", str(args.warmup)]
    pairs = [("step", [str(binaries / "uegr-bench-step")] + common + timing,
              [python, str(PEER)] + common + timing)]
    if args.hf:
        # uegr-bench-hf-step's defaults: 4 layers, hidden 256, 4 heads, ff 1024, batch 16 x 128, vocab 8000.
        hf_peer = [python, str(PEER), "--model", "bert", "--batch", "16", "--length", "128",
                   "--vocab", "8000"]
        hf_common = common + ["--repeats", str(args.hf_repeats), "--warmup", "2"]
        pairs.append(("hf", [str(binaries / "uegr-bench-hf-step")] + hf_common,
                      hf_peer + hf_common + (["--transformers"] if args.transformers else [])))
    for _, ours, _ in pairs:
        if not os.access(ours[0], os.X_OK):
            fail(f"{ours[0]} not found: build it with -DUEGR_BUILD_BENCH=ON")

    rounds = {"ours": {}, "peer": {}}
    reports = {}
    for round_index in range(args.rounds):
        for suite, ours, peer in pairs:
            for side, command in (("ours", ours), ("peer", peer)):
                report = run_json(command, env)
                reports[suite, side] = report
                for key, ms in step_times(report).items():
                    rounds[side].setdefault(key, []).append(ms)
        print(f"round {round_index + 1}/{args.rounds} done", file=sys.stderr)

    rows = []
    models, methods = ["textcnn", "transformer", "bert"], ["vanilla", "uegr", "transformers_vanilla"]
    for key in sorted(rounds["peer"], key=lambda k: (models.index(k[0]), methods.index(k[1]))):
        ours = rounds["ours"].get(key)
        peer = rounds["peer"][key]
        row = {"model": key[0], "method": key[1], "peer_ms": statistics.median(peer), "peer_rounds": peer,
               "ours_ms": statistics.median(ours) if ours else None, "ours_rounds": ours}
        row["ours_over_peer"] = row["ours_ms"] / row["peer_ms"] if ours else None
        rows.append(row)

    peer_report = reports["step", "peer"]
    ours_runtime = reports["step", "ours"].get("runtime", {})
    summary = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": " ".join([Path(sys.argv[0]).name] + sys.argv[1:]),
        "machine": f"{cpu_name()}, {os.cpu_count()} cores",
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "device": args.device, "threads": args.threads, "rounds": args.rounds, "repeats": args.repeats,
        "warmup": args.warmup, "hf_repeats": args.hf_repeats if args.hf else None,
        "env": {k: env[k] for k in ("OPENBLAS_NUM_THREADS", "OMP_WAIT_POLICY")},
        "ours_runtime": ours_runtime, "peer_torch": peer_report["torch"],
        "peer_python": peer_report["python"],
        "rows": rows,
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    print(f"{summary['date']}, device {args.device}, {args.threads} threads, median over {args.rounds} "
          f"interleaved rounds of each program's median of {args.repeats} steps"
          + (f" ({args.hf_repeats} for bert)" if args.hf else ""))
    load = ", ".join(f"{x:.2f}" for x in summary["load_average"] or [])
    print(f"peer: PyTorch {summary['peer_torch']} eager (Python {summary['peer_python']}); "
          f"load average {load}; {summary['machine']}\n")
    print(f"{'model':<12} {'method':<21} {'ours':>10} {'peer':>10} {'ours/peer':>10}")
    for row in rows:
        ours = f"{row['ours_ms']:8.1f}ms" if row["ours_ms"] is not None else "—".rjust(10)
        ratio = f"{row['ours_over_peer']:9.2f}x" if row["ours_over_peer"] is not None else "—".rjust(10)
        print(f"{row['model']:<12} {row['method']:<21} {ours} {row['peer_ms']:8.1f}ms {ratio}")


if __name__ == "__main__":
    main()
