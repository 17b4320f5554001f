"""The small tables notebook 02 shows from its models, in plain words and rounded as the text
reads. The notebook's checked cells display them, so every number the text states is compared on
every test run."""

from __future__ import annotations

import pandas as pd

from helpers.i18n import _
from helpers.lessons.repeat_business import follow_up, tenure, two_shops, value
from helpers.metrics import clv_multiplier


def _percent(share: float) -> int:
    return int(round(100 * share))


def shops_headline(outcome: two_shops.TwoShopsOutcome) -> pd.DataFrame:
    """Each shop's customers and share in the first and the last month."""
    last = two_shops.MONTHS
    shares = outcome.share
    return pd.DataFrame(
        {
            _("Riverside: customers"): [int(round(c)) for c in outcome.customers[[0, -1], 0]],
            _("Market Street: customers"): [int(round(c)) for c in outcome.customers[[0, -1], 1]],
            _("Riverside's share (%)"): [_percent(shares[0]), _percent(shares[-1])],
        },
        index=pd.Index([_("month 1"), _("month {n}").format(n=last)], name=_("month")),
    )


#: The settings :func:`edges_table` compares: Riverside's delighted and bad-moment shares (%).
EDGES = {
    "no edge": (35, 15),
    "delighted edge only": (40, 15),
    "bad-moment edge only": (35, 10),
    "both edges": (40, 10),
}


def edges_table() -> pd.DataFrame:
    """Riverside's share in month 24 with no edge, each edge alone, and both (Market Street 35 %
    delighted, 15 % bad moments)."""
    names = {
        "no edge": _("same as Market Street (35 % delighted, 15 % bad)"),
        "delighted edge only": _("5 points more delighted visits (40 %)"),
        "bad-moment edge only": _("5 points fewer bad moments (10 %)"),
        "both edges": _("both (40 % delighted, 10 % bad)"),
    }
    rows = {}
    for key, (delighted, bad) in EDGES.items():
        outcome = two_shops.simulate(riverside_delighted=delighted, riverside_bad=bad)
        rows[names[key]] = {
            _("share in month 1 (%)"): _percent(outcome.first_share),
            _("share in month 24 (%)"): _percent(outcome.final_share),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = _("Riverside's service")
    return table


def memory_table(months=(1, 3, 6, 12, 24)) -> pd.DataFrame:
    """Riverside's share in month 24 for different memory lengths (default service)."""
    return pd.DataFrame(
        {
            _("Riverside's share in month 24 (%)"): [
                _percent(two_shops.simulate(memory_months=m).final_share) for m in months
            ]
        },
        index=pd.Index(list(months), name=_("a memory fades by half in (months)")),
    )


def published_check() -> pd.DataFrame:
    """The published CLV arithmetic: years of future margin at 80 % and 85 %, how much they rise,
    and the same counting this year's margin too (discount rate 10 %)."""
    at_80, at_85 = clv_multiplier(0.80, 0.10), clv_multiplier(0.85, 0.10)
    future = _("years of future margin, from next year on")
    with_now = _("years of margin, this year's included")
    return pd.DataFrame(
        {
            _("at 80 % coming back"): [round(at_80, 3), round(1 + at_80, 3)],
            _("at 85 % coming back"): [round(at_85, 3), round(1 + at_85, 3)],
            _("rise (%)"): [
                round(100 * (at_85 / at_80 - 1), 1),
                round(100 * ((1 + at_85) / (1 + at_80) - 1), 1),
            ],
        },
        index=pd.Index([future, with_now], name=_("in today's money, i = 10 %")),
    )


def value_table(levels=(50, 60, 70, 80, 90, 95)) -> pd.DataFrame:
    """What a customer is worth (this year's margin + future margin) and what one more point
    adds, at several retention levels (default margin 100, no cost of winning)."""
    outcomes = [value.customer_value(retention=r) for r in levels]
    return pd.DataFrame(
        {
            _("a customer is worth (units)"): [round(o.clv) for o in outcomes],
            _("of which future margin (units)"): [round(o.future) for o in outcomes],
            _("one more point adds (units)"): [round(o.one_more_point, 1) for o in outcomes],
        },
        index=pd.Index(list(levels), name=_("coming back each year (%)")),
    )


def tenure_table(years=(1, 2, 3, 5, 10), **changes: float) -> pd.DataFrame:
    """Customers still here (of 100) and retention (%) by year: customers differ, and alike."""
    outcome = tenure.tenure(**changes)
    return pd.DataFrame(
        {
            _("still here, customers differ"): [_percent(outcome.survivors[y]) for y in years],
            _("still here, all alike"): [_percent(outcome.survivors_alike[y]) for y in years],
            _("retention that year (%), customers differ"): [
                _percent(outcome.retention[y - 1]) for y in years
            ],
            _("retention that year (%), all alike"): [
                _percent(outcome.retention_alike[y - 1]) for y in years
            ],
        },
        index=pd.Index(list(years), name=_("year")),
    )


def fader_hardie_table() -> pd.DataFrame:
    """Fader & Hardie's (2007) two groups of subscribers: retention year by year, and the model's
    two numbers in the sliders' terms, as published and as our fit finds them again."""
    rows = {}
    for key, name in (("regular", _("regular")), ("high_end", _("high end"))):
        data = tenure.FADER_HARDIE_2007[key]
        survivors = data["survivors"]
        ours = tenure.fit([survivors])
        published = tenure.SBGFit(data["alpha"], data["beta"], 0.0, survivors[0])
        retention = [round(100 * b / a) for a, b in zip(survivors[:-1], survivors[1:], strict=True)]
        rows[name] = {
            **{_("year {n} (%)").format(n=t): r for t, r in enumerate(retention, start=1)},
            _("how different, published"): round(published.difference, 2),
            _("how different, our fit"): round(ours.difference, 2),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = _("customers")
    return table


def future_years_table() -> pd.DataFrame:
    """Years of future margin (from next year on, in today's money, i = 10 %) of a new regular
    customer of Fader & Hardie's: customers differ as they found, or everyone alike with the
    same 63 % coming back every year (the CLV formula's assumption)."""
    data = tenure.FADER_HARDIE_2007["regular"]
    fitted = tenure.SBGFit(data["alpha"], data["beta"], 0.0, data["survivors"][0])
    first_year = data["survivors"][1] / data["survivors"][0]
    rows = {
        _("customers differ (Fader and Hardie's fit)"): tenure.future_years(
            fitted.leaving, fitted.difference, 0.10
        ),
        _("everyone alike, 63 % coming back every year"): clv_multiplier(first_year, 0.10),
    }
    return pd.DataFrame(
        {_("years of future margin"): [round(v, 2) for v in rows.values()]},
        index=pd.Index(list(rows), name=_("a new regular customer")),
    )


def follow_up_table(picked=(0, 50, 100)) -> pd.DataFrame:
    """Coming back (%) called and not, the gap, the call's own effect and the part from whom the
    shop called, as staff pick more (other sliders at their defaults)."""
    rows = {}
    for p in picked:
        o = follow_up.follow_up(picked=p)
        rows[p] = {
            _("came back, called (%)"): _percent(o.called_back),
            _("came back, not called (%)"): _percent(o.not_called),
            _("gap (points)"): _percent(o.gap),
            _("the call's own effect (points)"): _percent(o.call_effect),
            _("from whom they called (points)"): _percent(o.who_was_called),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = _("staff pick whom to call (%)")
    return table
