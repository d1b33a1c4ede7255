"""Build time, memory and sizes of one `kanbao build` run, as JSON: sizes.py PAGES DIR"""
import gzip
import json
import os
import sys


def du(path, raw=False):
    """Bytes of the files under path as stored, or (raw) with gzipped files decompressed."""
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            p = os.path.join(root, f)
            if raw and f.endswith(".gz"):
                with open(p, "rb") as fh:
                    total += len(gzip.decompress(fh.read()))
            else:
                total += os.path.getsize(p)
    return total


def layers(index):
    """Stored bytes of each layer (docs: unigrams, positions: bigrams), shards and blocks
    together: a block file names its layer in the byte after its magic."""
    out = {"docs": 0, "positions": 0}
    for sub in ("docs", "positions"):
        out[sub] += du(os.path.join(index, sub))
    for root, _, files in os.walk(os.path.join(index, "blocks")):
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                raw = fh.read()
            body = gzip.decompress(raw) if f.endswith(".gz") else raw
            out["docs" if body[4] == 0 else "positions"] += len(raw)
    return out


pages, d = int(sys.argv[1]), sys.argv[2]
elapsed, rss_kb = open(os.path.join(d, "time")).read().split()
archive = os.path.join(d, "site", "archive")
manifest = json.load(open(os.path.join(archive, "index", "manifest.json")))
text = du(os.path.join(d, "pages"))
index = du(os.path.join(archive, "index"))
by_layer = layers(os.path.join(archive, "index"))
out = {
    "pages": pages,
    "articles": manifest["docs"],
    "text_bytes": text,
    "build_s": float(elapsed),
    "build_max_rss_mb": int(rss_kb) / 1024,
    "index_bytes": index,
    "index_raw_bytes": du(os.path.join(archive, "index"), raw=True),
    "docs_layer_bytes": by_layer["docs"],
    "positions_layer_bytes": by_layer["positions"],
    "shards_bytes": manifest["sizes"]["docs"] + manifest["sizes"]["positions"],
    "blocks_bytes": manifest["sizes"]["blocks"],
    "records_bytes": du(os.path.join(archive, "records")),
    "records_raw_bytes": du(os.path.join(archive, "records"), raw=True),
    "cards_bytes": du(os.path.join(archive, "cards")),
    "cards_raw_bytes": du(os.path.join(archive, "cards"), raw=True),
    "doc_shards": manifest["doc_shards"],
    "position_shards": manifest["position_shards"],
    "blocks": manifest["blocks"],
    "index_bytes_per_page": index / pages,
    "index_to_text": index / text,
    "summary": open(os.path.join(d, "build.txt")).read().strip(),
}
print(json.dumps(out, indent=2))
