# %% [markdown]
# # LGSCO decisions in pandas
#
# A notebook-style walk through the `lgsco` Python package: parse a folder of
# decision statements, look at them as data frames, and chart what the
# decisions found and what the councils agreed to pay.
#
# Run it as a script (`python examples/python/seeds_dataframe.py`) or cell by
# cell in Jupyter / VS Code (the `# %%` markers). It needs
# `pip install ./bindings-python pandas matplotlib`.

# %%
import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed; the chart goes to a PNG
import matplotlib.pyplot as plt
import pandas as pd

import lgsco

ROOT = Path(__file__).resolve().parents[2]
parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--dir", default=str(ROOT / "tests" / "fixtures"), help="folder of decisions (*.txt)")
parser.add_argument("--pattern", default="[0-9][0-9][0-9]_*.txt", help="the seeds by default")
parser.add_argument("--out", default=".", help="where to write the PNG")
args, _ = parser.parse_known_args()  # tolerate Jupyter's own arguments

# %% [markdown]
# ## Parse every decision in the folder
#
# `parse_dir` is a generator that parses files in parallel batches (the GIL
# is released while Rust parses). `errors="return"` keeps going past files
# that are not decisions and yields their `ParseError` instead.

# %%
results = list(lgsco.parse_dir(args.dir, pattern=args.pattern, errors="return"))
decisions = [r for r in results if isinstance(r, lgsco.Decision)]
failed = [r for r in results if isinstance(r, lgsco.ParseError)]
print(f"{len(decisions)} decisions parsed, {len(failed)} files failed")
for e in failed:
    print("  ", e)

d = decisions[0]
print(d)
print(d.header)
print(d.findings)

# %% [markdown]
# ## One row per decision

# %%
cases = pd.DataFrame(lgsco.to_records(decisions))
cases["decision_date"] = pd.to_datetime(cases["decision_date"])
cases["file"] = cases["path"].map(lambda p: Path(p).name)
pd.set_option("display.width", 160, "display.max_columns", 12, "display.max_colwidth", 40)
print(
    cases[
        [
            "reference_id",
            "authority",
            "category_area",
            "outcome",
            "decision_date",
            "fault",
            "injustice",
            "payments_total",
            "paragraph_count",
        ]
    ]
)

# %% [markdown]
# ## One row per paragraph
#
# Each paragraph carries its document-wide ordinal (the number the website
# prints and the prose cites), its section and sub-heading, and its span as
# string indices into the decision's text.

# %%
paras = pd.DataFrame(lgsco.paragraph_records(decisions))
print(paras[["reference_id", "ordinal", "section", "subsection", "text"]].head(10))
print()
print("Paragraphs per top-level section kind:")
print(paras.groupby("section_kind").size().sort_values(ascending=False))

# The text behind a span, straight from the decision:
row = paras.iloc[0]
decision = next(x for x in decisions if x.path == row["path"])
print(repr(decision.text[row["start"] : row["end"]][:80]))

# %% [markdown]
# ## Entities: money, dates, legislation, remedy actions
#
# Every entity as a row, with the paragraph that holds it.

# %%
entities = pd.DataFrame(
    [
        {
            "reference_id": x.header.reference_id,
            "kind": e.kind,
            "text": e.text,
            "paragraph": e.paragraph,
        }
        for x in decisions
        for e in x.entities
    ]
)
if not entities.empty:
    print(entities.pivot_table(index="reference_id", columns="kind", aggfunc="size", fill_value=0))

remedies = pd.DataFrame(
    [
        {
            "reference_id": x.header.reference_id,
            "action": e.value.action,
            "due": (
                f"{e.value.deadline.count} {e.value.deadline.unit}"
                if e.value.deadline is not None
                else None
            ),
            "amount": None if e.value.amount_pence is None else e.value.amount_pence / 100,
        }
        for x in decisions
        for e in x.entities
        if isinstance(e.value, lgsco.RemedyAction)
    ]
)
print(remedies)

# %% [markdown]
# ## Chart: what each council agreed to do, and to pay
#
# One bar per decision: its remedy actions stacked by kind (apology, payment,
# review, training, evidence, other), labelled with the outcome, the fault
# and injustice findings and the payments total.

# %%
kinds = ["apology", "payment", "review", "training", "evidence", "other"]
counts = (
    remedies.groupby(["reference_id", "action"]).size().unstack(fill_value=0)
    if not remedies.empty
    else pd.DataFrame()
)
chart = cases.set_index("reference_id").join(counts).fillna({k: 0 for k in kinds})
for k in kinds:
    if k not in chart:
        chart[k] = 0
chart = chart.sort_values("decision_date", na_position="first")
labels = [
    f"{r.authority if isinstance(r.authority, str) else '?'}\n{ref} · "
    f"{r.outcome if isinstance(r.outcome, str) else 'no outcome line'}"
    for ref, r in chart.iterrows()
]

fig, ax = plt.subplots(figsize=(10, 1.2 + 0.9 * len(chart)))
left = pd.Series(0.0, index=chart.index)
colors = plt.get_cmap("tab10").colors
for k, c in zip(kinds, colors):
    ax.barh(labels, chart[k], left=left, color=c, label=k)
    left += chart[k]
for y, (ref, r) in enumerate(chart.iterrows()):
    paid = "£{:,.0f}".format(r.payments_total) if pd.notna(r.payments_total) else "no payment found"
    ax.text(
        left.iloc[y] + 0.1,
        y,
        f"{paid} · fault: {r.fault} · injustice: {r.injustice}",
        va="center",
        fontsize=8,
    )
ax.set_xlabel("Remedy actions agreed (count)")
ax.set_xlim(0, max(left.max(), 1) + 5)
ax.set_title("LGSCO decisions: remedies agreed, payments and findings")
ax.legend(title="Action", loc="lower right", fontsize=8)
fig.tight_layout()

out = Path(args.out) / "outcomes_and_payments.png"
out.parent.mkdir(parents=True, exist_ok=True)
fig.savefig(out, dpi=120)
print(f"chart written to {out}")
