# %% [markdown]
# # Submit a search and follow it from Python
#
# Run it as a script (`python3 examples/python/follow_a_search.py`) or cell by cell in a notebook, against a
# coordinator node (README, "Run a cluster on one machine"). The coordinator's API comes from `LAYERNAS_SERVER`
# (default http://127.0.0.1:50051), its token, when it needs one, from `LAYERNAS_TOKEN`. See docs/python.md.

# %%
import json
from pathlib import Path

from layernas import Client, SearchResult, to_dict

spec = Path(__file__).resolve().parent.parent / "burger.json"
client = Client()

# %% Submit: the search is named after the spec, so submitting the same spec again finds the same search.
submitted = client.submit(spec)
print(f"search {submitted.search_id} submitted to {client.server}")

# %% Follow it: progress per depth, then the result.
for event in client.watch(submitted.search_id):
    if isinstance(event, SearchResult):
        result = event
    else:
        best = f", best reward {event.best.reward:.4g} at cost {event.best.cost:g}" if event.HasField("best") else ""
        print(f"depth {event.stage}/{event.stages}: {event.done}/{event.total} trials{best}")

# %% The answer, labelled with the layers' names.
layers = client.get(submitted.search_id).layer_names
print("best:", " ".join(f"{layer}={option}" for layer, option in zip(layers, result.best.architecture)))
print(f"reward {result.best.reward:.6g}, cost {result.best.cost:g}")
print("pareto front:")
for candidate in result.pareto_front:
    print(f"  cost {candidate.cost:g}: reward {candidate.reward:.4g} ({' '.join(candidate.architecture)})")

# %% The result as a plain dict: the same JSON `layernas run --output` writes.
Path("result.json").write_text(json.dumps(to_dict(result), indent=2) + "\n")
print("result written to result.json")
client.close()
