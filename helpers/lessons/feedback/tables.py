"""The small tables notebook 04 shows from its models, in plain words and rounded as the text reads.

Each returns a pandas DataFrame; the notebook's checked cells display them, so every number the
text states is compared on every test run.
"""

from __future__ import annotations

import pandas as pd

from helpers.i18n import _
from helpers.lessons.feedback import iceberg, ranking, response, scores


def _percent(share: float) -> int:
    return int(round(100 * share))


def margin_table(answers=(30, 200)) -> pd.DataFrame:
    """For each number of answers: the NPS and CSAT margins (95 %), where the middle 95 % of the
    simulated surveys' NPS land, and the share of surveys within the NPS margin."""
    rows = {}
    for n in answers:
        spread = scores.simulate_surveys(answers=n)
        low, high = spread.middle_95("nps")
        rows[n] = {
            _("NPS ± (points)"): round(spread.nps_margin, 1),
            _("CSAT ± (points)"): round(spread.csat_margin, 1),
            _("middle 95 % of surveys' NPS"): f"{low:.0f} to {high:.0f}",
            _("surveys within the NPS ± (%)"): _percent(spread.share_within("nps")),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = _("answers")
    return table


def answers_needed_table(margins=(10, 5)) -> pd.DataFrame:
    """Answers needed for an NPS margin of ± each of ``margins`` points (P = 40 %, D = 20 %)."""
    return pd.DataFrame(
        {_("answers needed"): [scores.answers_needed(m) for m in margins]},
        index=pd.Index([f"± {m}" for m in margins], name=_("NPS margin (points)")),
    )


def ranking_table(surveys=(5, 10, 30, 100)) -> pd.DataFrame:
    """How often the truly best comes top and the truly worst bottom (%), by surveys each."""
    results = [ranking.simulate_rankings(surveys=n) for n in surveys]
    return pd.DataFrame(
        {
            _("truly best comes top (%)"): [_percent(r.best_on_top) for r in results],
            _("truly worst comes bottom (%)"): [_percent(r.worst_at_bottom) for r in results],
        },
        index=pd.Index(list(surveys), name=_("surveys per person")),
    )


def equal_team_table(surveys: float = 10) -> pd.Series:
    """A team whose members are all equally good: what a ranking still shows."""
    result = ranking.simulate_rankings(surveys=surveys, spread=0)
    fewest = result.counts.min()
    tops = result.counts[result.top]
    return pd.Series(
        {
            _("person-months outside the funnel (%)"): round(100 * result.share_outside(), 1),
            _("top place taken by someone with fewer surveys than average (%)"): _percent(
                float((tops < result.counts.mean()).mean())
            ),
            _("fewest surveys of anyone"): int(fewest),
        }
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
    """Of 100 unhappy customers: complaints heard, never heard from, per complaint, and kept."""
    rows = {}
    for rate in complaint_rates:
        berg = iceberg.iceberg(complaint_rate=rate, put_right=put_right)
        rows[f"{rate} %"] = {
            _("complaints heard"): round(berg.complaints),
            _("never heard from"): round(berg.silent),
            _("silent for each complaint"): round(berg.silent_per_complaint, 1),
            _("customers kept"): round(berg.kept, 1),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = _("unhappy customers who complain")
    return table


def worth_table() -> pd.Series:
    """What a customer is worth (CLV) and what a complaint put right is worth."""
    return pd.Series(
        {
            _("margin per year"): iceberg.MARGIN,
            _("yearly retention (%)"): _percent(iceberg.RETENTION),
            _("discount rate (%)"): _percent(iceberg.DISCOUNT_RATE),
            _("lifetime value of a customer (CLV)"): round(iceberg.customer_value()),
            _("extra customers kept per complaint put right"): round(
                iceberg.KEPT_IF_PUT_RIGHT - iceberg.KEPT_IF_NOT, 2
            ),
            _("worth of a complaint put right"): round(iceberg.value_of_putting_right()),
            _("put right at least (%) for more complaints to help"): _percent(
                iceberg.break_even_share()
            ),
        }
    )
