"""The small tables notebook 04 shows from its models, in plain words and rounded as the text reads.

Each returns a pandas DataFrame; the notebook's checked cells display them, so every number the
text states is compared on every test run. Counts are whole numbers.
"""

from __future__ import annotations

import pandas as pd

from helpers.i18n import _
from helpers.lessons.feedback import iceberg, ranking, response, scores
from helpers.lessons.feedback.in_town import listing

#: Answers a month a small shop collects (the text's example).
MONTHLY_ANSWERS = 30


def _percent(share: float) -> int:
    return int(round(100 * share))


def margin_table(answers=(30, 200)) -> pd.DataFrame:
    """For each number of answers: the NPS and CSAT margins (95 %), the range the NPS of 95 in
    100 simulated surveys fall in, and how many of the 1,000 fall within the NPS margin."""
    rows = {}
    for n in answers:
        spread = scores.simulate_surveys(answers=n)
        low, high = spread.middle_95("nps")
        rows[n] = {
            _("NPS ± (points)"): round(spread.nps_margin, 1),
            _("CSAT ± (points)"): round(spread.csat_margin, 1),
            _("95 in 100 surveys' NPS fall between"): f"{low:.0f} and {high:.0f}",
            _("of 1,000 surveys, NPS within the ± (%)"): _percent(spread.share_within("nps")),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = _("answers per survey")
    return table


def answers_needed_table(margins=(10, 5)) -> pd.DataFrame:
    """Answers needed for an NPS margin of ± each of ``margins`` points (P = 40 %, D = 20 %):
    for one score, and in each of two periods to see a change that big; and how many months of
    surveys each period needs at :data:`MONTHLY_ANSWERS` answers a month."""
    one = [scores.answers_needed(m) for m in margins]
    each = [scores.answers_needed_to_compare(m) for m in margins]
    return pd.DataFrame(
        {
            _("answers for one score"): one,
            _("answers in each of two periods, to see a change that big"): each,
            _("months of surveys for each period, at 30 answers a month"): [
                round(n / MONTHLY_ANSWERS) for n in each
            ],
        },
        index=pd.Index([f"± {m}" for m in margins], name=_("NPS margin (points)")),
    )


def ranking_table(surveys=(5, 10, 30, 100)) -> pd.DataFrame:
    """How often the truly best comes top and the truly worst bottom (%), by surveys each, with
    what pure luck would give (one in twelve)."""
    results = [ranking.simulate_rankings(surveys=n) for n in surveys]
    return pd.DataFrame(
        {
            _("truly best comes top (%)"): [_percent(r.best_on_top) for r in results],
            _("truly worst comes bottom (%)"): [_percent(r.worst_at_bottom) for r in results],
            _("pure luck would give (%)"): [_percent(1 / ranking.STAFF)] * len(results),
        },
        index=pd.Index(list(surveys), name=_("surveys per person")),
    )


def funnel_check_table(surveys=(10, 30, 100)) -> pd.DataFrame:
    """What the funnel can and cannot do, by surveys per person: false alarms when everyone is
    equally good (in a month, and at least once in a year of monthly rankings), and how often
    the truly best (20 points above the worst) shows above the funnel."""
    rows = {}
    for n in surveys:
        equal = ranking.simulate_rankings(surveys=n, spread=0)
        monthly = equal.months_with_someone_outside()
        rows[n] = {
            _("all equally good: someone outside, in a month (%)"): _percent(monthly),
            _("all equally good: someone outside at least once in 12 months (%)"): _percent(
                ranking.within_a_year(monthly)
            ),
            _("real gap of 20: truly best above the funnel (%)"): _percent(
                ranking.simulate_rankings(surveys=n).best_above_funnel()
            ),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = _("surveys per person")
    return table


def equal_team_table(surveys: float = 10) -> pd.DataFrame:
    """A team whose members are all equally good: who the luck of a ranking favours."""
    result = ranking.simulate_rankings(surveys=surveys, spread=0)
    fewer = result.counts < result.counts.mean()
    tops = result.counts[result.top]
    return listing(
        {
            _("people with fewer surveys than average (%)"): _percent(float(fewer.mean())),
            _("months the top place went to one of them (%)"): _percent(
                float((tops < result.counts.mean()).mean())
            ),
            _("fewest surveys of anyone"): int(result.counts.min()),
        },
        _("everyone equally good, about {n} surveys each").format(n=int(surveys)),
    )


def response_table(settings: dict[str, dict[str, float]] | None = None) -> pd.DataFrame:
    """What the survey says against the truth (%), for a few settings of who answers."""
    settings = settings or {
        _("starting settings"): {},
        _("everyone answers 20 %"): {"delighted": 20, "content": 20, "unhappy": 20},
        _("only the delighted answer more (40 %)"): {"unhappy": 20},
    }
    rows = {}
    for label, values in settings.items():
        r = response.survey_response(**values)
        rows[label] = {
            _("survey CSAT (%)"): _percent(r.survey_csat),
            _("true CSAT (%)"): _percent(r.true_csat),
            _("survey: delighted (%)"): _percent(r.answered[4]),
            _("truly delighted (%)"): _percent(r.mix[4]),
            _("survey: unhappy (%)"): _percent(r.survey_unhappy),
            _("truly unhappy (%)"): _percent(r.true_unhappy),
            _("answered (%)"): _percent(r.response_rate),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def iceberg_table(
    complaint_rates=(iceberg.ONE_IN_25, 20, 50), put_right: float = 50
) -> pd.DataFrame:
    """Of 100 unhappy customers, with ``put_right`` % of complaints put right: complaints heard,
    never heard from, silent per complaint, and customers kept (whole customers, as the
    simulator's caption shows them)."""
    rows = {}
    for rate in complaint_rates:
        berg = iceberg.iceberg(complaint_rate=rate, put_right=put_right)
        rows[f"{rate} %"] = {
            _("complaints heard"): round(berg.complaints),
            _("never heard from"): round(berg.silent),
            _("silent for each complaint"): round(berg.silent_per_complaint, 1),
            _("customers kept"): berg.kept_shown,
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = _("unhappy customers who complain")
    return table


def iceberg_steps_table() -> pd.DataFrame:
    """The prediction's three steps in the iceberg simulator: customers kept of 100 unhappy."""
    steps = {
        _("at the start (20 % complain, half put right)"): {},
        _("every complaint put right"): {"put_right": 100},
        _("… and only 4 % complain"): {"put_right": 100, "complaint_rate": iceberg.ONE_IN_25},
    }
    return listing(
        {label: iceberg.iceberg(**values).kept_shown for label, values in steps.items()},
        _("customers kept, of 100 unhappy"),
    )


def worth_table() -> pd.DataFrame:
    """What a customer is worth (CLV) and what a complaint put right is worth, in money units."""
    return listing(
        {
            _("profit per customer per year"): round(iceberg.MARGIN),
            _("customers who stay each year (%)"): _percent(iceberg.RETENTION),
            _("discount rate (%)"): _percent(iceberg.DISCOUNT_RATE),
            _("lifetime value of a customer"): round(iceberg.customer_value()),
            _("extra customers kept per complaint put right"): round(
                iceberg.KEPT_IF_PUT_RIGHT - iceberg.KEPT_IF_NOT, 2
            ),
            _("worth of a complaint put right, before its cost"): round(
                iceberg.value_of_putting_right()
            ),
            _("put right at least (%) for more complaints to help"): _percent(
                iceberg.break_even_share()
            ),
            _("extra complaint heard, none put right (customers)"): round(
                iceberg.kept_per_extra_complaint(0), 2
            ),
        },
        _("our illustrative figures"),
    )
