"""Medians of kanbao-parse's criterion bench as JSON: criterion.py TARGET/criterion"""
import json
import os
import sys

root = os.path.join(sys.argv[1], "parse_bytes")
out = {}
for name in sorted(os.listdir(root)):
    est = os.path.join(root, name, "new", "estimates.json")
    bench = os.path.join(root, name, "new", "benchmark.json")
    if not os.path.exists(est):
        continue
    median_ns = json.load(open(est))["median"]["point_estimate"]
    throughput = json.load(open(bench)).get("throughput") or {}
    size = throughput.get("Bytes")
    out[name] = {
        "median_ms": median_ns / 1e6,
        "bytes": size,
        "mb_per_s": size / (median_ns / 1e9) / 1e6 if size else None,
    }
print(json.dumps(out, indent=2))
