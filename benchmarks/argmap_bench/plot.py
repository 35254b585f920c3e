"""The scale curve: p50 latency of every measured route against map size, per engine, from
`results.json` (`argmap-bench plot`). Solid lines are argmap over HTTP, dashed lines the same
answer's time in the engine, so the gap between a pair is what argmap adds: FalkorDB's own
execution time, and for Neo4j (which reports whole milliseconds) its own Python driver's."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt

OPS = {
    "lookup": "GET /statements/{id}",
    "support_tree": "support tree d4",
    "support_tree_positions": "support tree d4, positions",
    "attack_tree": "attack tree d4",
    "paths": "/paths",
    "position": "GET /positions/{id}?depth=4",
    "versus": "versus",
}
ENGINE_LAYER = {"falkordb": ("engine_internal", "engine"), "neo4j": ("engine_client", "driver")}


def plot_scale(data: dict, label: str, out: Path) -> list[str]:
    """Draw the runs labelled `label` into `out` (PNG); returns the engines drawn."""
    runs = [r for r in data.get("runs", []) if r.get("label", "") == label]
    engines = sorted({r["engine"] for r in runs})
    if not engines:
        raise ValueError(f"no runs labelled {label!r} in the results")
    fig, axes = plt.subplots(1, len(engines), figsize=(6.5 * len(engines), 5), squeeze=False)
    for ax, engine in zip(axes[0], engines, strict=True):
        mine = sorted((r for r in runs if r["engine"] == engine), key=lambda r: r["statements"])
        engine_layer, engine_name = ENGINE_LAYER.get(engine, ENGINE_LAYER["falkordb"])
        for index, (op, name) in enumerate(OPS.items()):
            colour = f"C{index}"
            for layer, style in (("argmap_http", "-"), (engine_layer, "--")):
                points = [
                    (r["statements"], r["latency"][op][layer]["p50"])
                    for r in mine
                    if r["latency"].get(op, {}).get(layer, {}).get("n")
                ]
                if points:
                    xs, ys = zip(*points, strict=True)
                    ax.plot(xs, ys, style, marker="o", color=colour,
                            label=name if layer == "argmap_http" else None)  # fmt: skip
        ax.set(xscale="log", yscale="log", xlabel="statements in the map",
               ylabel="p50 ms", title=f"{engine}: argmap HTTP (solid), {engine_name} (dashed)")  # fmt: skip
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return engines
