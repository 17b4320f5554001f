"""The data dictionary, data/README.md: conventions, files, keys, columns and the answer key.

The column tables come from :data:`helpers.data.SCHEMAS`; the answer key sets the planted sizes
(:data:`TRUE_EFFECTS`, :data:`SHOPS`) beside what :func:`measure_effects` finds in the tables.
"""

from __future__ import annotations

import pandas as pd

from helpers.data import FALSE_WORD, SCHEMAS, TRUE_WORD
from helpers.lessons.satisfaction.model import BASE, MOMENTS, TOLERATED_WAIT, WAIT_SIZE
from helpers.lessons.satisfaction.return_link import CEILING, FLOOR_HIGH, FLOOR_LOW, NO_REASON
from helpers.town.effects import SHOPS, TRUE_EFFECTS, TrueEffects
from helpers.town.history import FIRST_DAY, LAST_DAY
from helpers.town.measure import measure_effects
from helpers.town.streams import DEFAULT_SEED

_KIND_WORDS = {
    "id": "id (text)",
    "text": "text",
    "category": "category",
    "int": "whole number",
    "float": "number",
    "date": "date",
    "bool": "yes/no",
}


def pct(x: float) -> str:
    """A share as a whole percentage, e.g. ``0.254`` → ``25 %``."""
    return f"{100 * x:.0f} %"


def render_readme(tables: dict[str, pd.DataFrame], sizes: dict[str, int] | None = None) -> str:
    """The data dictionary (data/README.md): every file, every column, the keys, the answer key."""
    lines = [
        *_introduction(),
        *_file_list(tables, sizes),
        *_keys(),
        *_columns(),
        *_answer_key_section(measure_effects(tables)),
        *_policies(),
    ]
    return "\n".join(lines)


def _introduction() -> list[str]:
    return [
        "# The sample town: data dictionary",
        "",
        "One invented town, two shops selling the same goods, 24 months of history "
        f"({FIRST_DAY} to {LAST_DAY}). Every person, shop and name is made up. The files are "
        "written by a seeded model of how service earns loyalty (`helpers/town/`, seed "
        f"{DEFAULT_SEED}); `python -m helpers.town` rebuilds them byte for byte, and this page "
        "with them. Do not edit these files by hand: change the generator and rebuild.",
        "",
        "Load them in a notebook with `helpers.data` (for example `load_visits()` or "
        "`load_town()`); the loaders check every rule on this page.",
        "",
        "## Conventions",
        "",
        "- One CSV file per table, UTF-8, comma-separated, header in line 1.",
        "- Ids are short and stable: a letter prefix and a number (`C0001`, `S01`, `V000001`).",
        "- Dates are written `YYYY-MM-DD`. Every date lies inside the history "
        f"({FIRST_DAY} to {LAST_DAY}), except two that point before it: `shops.opened` and, "
        "for people already customers when the records start, `customers.joined`.",
        f"- The records end on {LAST_DAY}. What would happen after it is not in the files: a "
        "complaint still open that day, a follow-up call not yet due, a survey not yet sent, a "
        "review not yet posted, a word-of-mouth message not yet told. A survey answer that has "
        "not come in by then counts as no answer (`responded` is `false`).",
        f"- Yes/no columns hold `{TRUE_WORD}` or `{FALSE_WORD}`.",
        "- An empty cell means *not applicable* (no question asked, no answer, no reply).",
        "- Money is in the town's currency units (think dollars), 2 decimals. Scores of staff "
        "are 0-100; satisfaction and CSAT 1-5; NPS 0-10; interest 0-1.",
        "- At most one visit per customer per calendar month (the model's time step).",
        "- **Fiction-only columns.** `visits.satisfaction` (the true score of every visit), the "
        "`ties` file, `word_of_mouth`, and the `customer_id`/`visit_id` of reviews exist only "
        "because the town is invented. A real shop never sees them: it sees surveys (from "
        "those who answer), complaints (from the few who complain) and reviews. Keeping them "
        "lets the notebooks check what the visible data can and cannot tell.",
        "",
    ]


def _file_list(tables: dict[str, pd.DataFrame], sizes: dict[str, int] | None) -> list[str]:
    lines = [
        "## The files",
        "",
        "| file | one row is | rows | key |",
        "|---|---|---|---|",
    ]
    for name, table in SCHEMAS.items():
        lines.append(f"| `{table.file}` | {table.row} | {len(tables[name])} | `{table.key}` |")
    if sizes:
        total = sum(sizes.values())
        lines += ["", f"All files together: {total / 1e6:.1f} MB."]
    return lines


def _keys() -> list[str]:
    lines = [
        "",
        "## Keys between the tables",
        "",
        "Each of these columns holds an id that must exist in the other table "
        "(`load_town()` checks them all).",
        "",
    ]
    for table in SCHEMAS.values():
        for col in table.columns:
            if col.references:
                target, target_col = col.references.split(".")
                lines.append(f"- `{table.name}.{col.name}` → `{target}.{target_col}`")
    lines.append("- and a visit's `staff_id` is always someone working in the visit's `shop_id`.")
    return lines


def _columns() -> list[str]:
    lines: list[str] = []
    for table in SCHEMAS.values():
        lines += [
            "",
            f"## {table.file}",
            "",
            f"One row is {table.row}. Key: `{table.key}`.",
            "",
            "| column | type | unit | values | may be empty | meaning |",
            "|---|---|---|---|---|---|",
        ]
        for col in table.columns:
            lines.append(
                f"| `{col.name}` | {_KIND_WORDS[col.kind]} | {col.unit or '-'} | "
                f"{col.describe_values()} | {'no' if col.required else 'yes'} | {col.meaning} |"
            )
    return lines


def _answer_key_section(m: dict[str, float]) -> list[str]:
    rows = answer_key(TRUE_EFFECTS, m)
    return [
        "",
        "## The answer key",
        "",
        "What the generator planted, and what the shipped files show. The true sizes are the "
        "constants in `helpers.town.TRUE_EFFECTS` (and the shop policies in `helpers.town.SHOPS`); "
        "the measured values come from `helpers.town.measure_effects()` on these files. Chance "
        "makes the measured values differ a little from the planted ones, which is itself worth "
        'discussing in class. "Came back next month" means the same customer visited either '
        "shop in the next calendar month (`helpers.data.returned_next_month`).",
        "",
        "| effect | planted (true size) | what the data shows |",
        "|---|---|---|",
        *(f"| {effect} | {planted} | {shown} |" for effect, planted, shown in rows),
    ]


def _policies() -> list[str]:
    lines = [
        "",
        "### The shops' policies",
        "",
        "| shop | staff | mean engagement | mean training hours | mean wait (minutes) | "
        "surveys after | follow-up calls | generous resolutions | replies to reviews from |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in SHOPS:
        lines.append(
            f"| {s.shop_id} {s.name} | {s.n_staff} | {s.engagement_mean:.0f} | "
            f"{s.training_mean:.0f} | {s.wait_mean:.0f} | {pct(s.survey_share)} of visits | "
            f"{pct(s.follow_up_share)} of big purchases | {pct(s.generous_share)} | "
            f"{s.replies_to_reviews_from} |"
        )
    lines += [
        "",
        "Numbers from published studies are anchors for the model's shape; the town itself is "
        "illustrative, not evidence.",
        "",
    ]
    return lines


def answer_key(fx: TrueEffects, m: dict[str, float]) -> list[tuple[str, str, str]]:
    """Rows of the answer-key table: (effect, planted true size, what the data shows)."""
    return [*_loyalty_rows(fx, m), *_voice_rows(fx, m), *_town_rows(fx, m)]


def _loyalty_rows(fx: TrueEffects, m: dict[str, float]) -> list[tuple[str, str, str]]:
    """Satisfaction, return and the moments of a visit."""
    ret = ", ".join(f"{s}: {pct(m[f'return_share_{s}'])}" for s in range(1, 6))
    moments = "; ".join(
        f"{name.replace('_', ' ')} ({moment.kind}, {moment.size} points)"
        for name, moment in MOMENTS.items()
    )
    return [
        (
            "Satisfaction → coming back next month (steepest at the top; Jones & Sasser 1995)",
            f"lesson 01's return link: a 5 comes back {fx.top_ratio:g}× as often as a 4, "
            f"floor {pct(FLOOR_LOW)} (score 1) to {pct(FLOOR_HIGH)} (score 5), ceiling "
            f"{pct(CEILING)}; each month until the next visit",
            f"share of visits followed by a visit next month, by satisfaction: {ret}. "
            f"A 5 is {m['return_ratio_5_to_4']:.1f}× as likely to come back as a 4",
        ),
        (
            "The customer's own interest acts as a reason to come (Mittal & Kamakura 2001)",
            f"interest (0-1) is the share of a reason to come; with none, a customer comes back "
            f"{NO_REASON:g}× as often",
            f"after a 4: keen (interest ≥ 0.5) {pct(m['return_share_4_keen'])}, others "
            f"{pct(m['return_share_4_indifferent'])}; after a 5: "
            f"{pct(m['return_share_5_keen'])} vs {pct(m['return_share_5_indifferent'])}",
        ),
        (
            "The moments of a visit (Kano kinds; bad moments weigh more than good ones)",
            f"lesson 01's moments: {moments}; a bad moment weighs {fx.bad_weight:g}× a good "
            f"one; waiting costs {fx.bad_weight * WAIT_SIZE:g} points a minute beyond "
            f"{TOLERATED_WAIT:g} minutes (points before rounding, from a base of {BASE:g})",
            f"mean satisfaction vs visits without a question: answered "
            f"+{m['answered_gain']:.2f}, unanswered −{m['unanswered_loss']:.2f}; vs visits "
            f"without a problem: fixed +{m['fixed_gain']:.2f}, not fixed "
            f"−{m['unfixed_loss']:.2f}; warm vs not +{m['warm_gain']:.2f}; listened to vs not "
            f"+{m['listened_gain']:.2f}; courteous vs not +{m['discourtesy_loss']:.2f}",
        ),
    ]


def _voice_rows(fx: TrueEffects, m: dict[str, float]) -> list[tuple[str, str, str]]:
    """Complaints, follow-ups, surveys and reviews: what customers say and shops hear."""
    resp = ", ".join(f"{s}: {pct(m[f'survey_response_{s}'])}" for s in range(1, 6))
    stars = ", ".join(f"{s}★ {pct(m[f'review_stars_{s}'])}" for s in range(1, 6))
    return [
        (
            "Most unhappy customers never complain",
            f"{pct(fx.complaint_share_unhappy)} of unhappy visits (1-2) and "
            f"{pct(fx.complaint_share_neutral)} of 3s produce a complaint",
            f"complaints per unhappy visit {pct(m['complaint_share_unhappy'])}, per 3 "
            f"{pct(m['complaint_share_neutral'])}, per 4-5 {pct(m['complaint_share_happy'])}",
        ),
        (
            "Generous resolution brings complainers back",
            f"generous: the return link acts as if the visit scored "
            f"{fx.generous_recovered_satisfaction}; stingy: score −{fx.stingy_penalty}; "
            f"−{fx.resolution_day_loss} per day taken",
            f"came back next month after a generous resolution "
            f"{pct(m['return_after_generous'])}, after a stingy one "
            f"{pct(m['return_after_stingy'])} (unhappy, no complaint: "
            f"{pct(m['return_after_unhappy_no_complaint'])}). Riverside settles "
            f"{pct(m['generous_share_SH1'])} generously, Market Street "
            f"{pct(m['generous_share_SH2'])}",
        ),
        (
            "Follow-up call after a big purchase",
            f"the month after the call is due, the call brings in {pct(fx.follow_up_pull)} of "
            "those who would not have come anyway",
            f"visited in the month after the due date: called {pct(m['visit_after_call'])}, "
            f"not called {pct(m['visit_after_no_call'])} (lift Riverside "
            f"{100 * m['follow_up_lift_SH1']:+.0f} points, Market Street "
            f"{100 * m['follow_up_lift_SH2']:+.0f} points)",
        ),
        (
            "Survey non-response depends on satisfaction (extremes answer more)",
            "answer chance by satisfaction 1-5: " + ", ".join(pct(x) for x in fx.survey_response),
            f"answer rate by true satisfaction: {resp}. CSAT from answers "
            f"{pct(m['csat_from_answers'])} vs true share of 4-5 over all visits "
            f"{pct(m['csat_true_all_visits'])}; NPS from answers {m['nps_from_answers']:.0f}",
        ),
        (
            "Online reviews are J-shaped (Hu, Pavlou & Zhang 2009)",
            "review chance by satisfaction 1-5: " + ", ".join(pct(x) for x in fx.review_share),
            f"stars: {stars}",
        ),
        (
            "Replying to reviews lifts later ratings (Proserpio & Zervas 2017)",
            f"while a shop replies, a review gets one more star with chance "
            f"{pct(fx.reply_extra_star_chance)} (capped at 5★)",
            f"stars minus the visit's true satisfaction: {m['review_gap_replying']:+.2f} while "
            f"replying, {m['review_gap_not_replying']:+.2f} before Market Street started "
            f"(lift {m['reply_star_lift']:+.2f} stars)",
        ),
    ]


def _town_rows(fx: TrueEffects, m: dict[str, float]) -> list[tuple[str, str, str]]:
    """Word of mouth, the two shops and their staff."""
    return [
        (
            "Praise travels about 3× as often as warnings (East, Hammond & Wright 2007)",
            f"after a 5, {pct(fx.praise_talk_share)} talk; after a 1-2, "
            f"{pct(fx.warning_talk_share)} talk; each tie hears with chance "
            f"{pct(fx.praise_hear_share)} / {pct(fx.warning_hear_share)}",
            f"{m['praise_to_warning_ratio']:.1f} praise messages per warning",
        ),
        (
            "Praise brings new customers (referrals)",
            f"a non-customer who hears praise joins next month with chance "
            f"{pct(fx.referral_conversion)}",
            f"{pct(m['referral_share_of_new_customers'])} of new customers came by referral; "
            f"{m['customers']:.0f} customers in all",
        ),
        (
            "Two shops, same goods: shoppers pick the better service",
            "Riverside: more engaged, better trained staff and shorter waits; Market Street is "
            "nearer for more people",
            f"mean satisfaction Riverside {m['mean_satisfaction_SH1']:.2f}, Market Street "
            f"{m['mean_satisfaction_SH2']:.2f}; came back next month "
            f"{pct(m['return_share_SH1'])} vs {pct(m['return_share_SH2'])}; Riverside's share "
            f"of visits {pct(m['visit_share_SH1_first_quarter'])} (first quarter 2024) → "
            f"{pct(m['visit_share_SH1_last_quarter'])} (last quarter 2025)",
        ),
        (
            "Engaged staff serve better (service-profit chain, Heskett et al. 1994)",
            f"+{fx.engagement_to_courtesy} courtesy and +{fx.engagement_to_warmth} warmth per "
            f"engagement point; +{fx.training_to_knowledge} knowledge per training hour",
            f"correlation engagement-courtesy {m['corr_engagement_courtesy']:.2f}, "
            f"engagement-warmth {m['corr_engagement_warmth']:.2f}, training-knowledge "
            f"{m['corr_training_knowledge']:.2f} (24 staff)",
        ),
    ]
