"""The one description of every column of the sample data: meaning, type, unit, allowed values.

:data:`SCHEMAS` drives the loaders' checks, the column order the generator (:mod:`helpers.town`)
writes, and the column tables of the data dictionary (data/README.md), so they cannot drift apart.
"""

from __future__ import annotations

from helpers.data.columns import Column, Table

__all__ = ["SCHEMAS"]

# Short-hands for the kinds of column that come back often (they only save repetition).


def _ref(table: str, pattern: str, meaning: str, required: bool = True) -> Column:
    """A foreign key named after its table's key: an id that must exist in that table."""
    col = f"{table.rstrip('s')}_id" if table != "staff" else "staff_id"
    return _points_to(col, f"{table}.{col}", pattern, meaning, required)


def _points_to(
    name: str, references: str, pattern: str, meaning: str, required: bool = True
) -> Column:
    """A foreign key with its own name: an id that must exist in ``references`` ("table.column")."""
    return Column(name, "id", meaning, required=required, pattern=pattern, references=references)


def _share(name: str, meaning: str) -> Column:
    """A share of something, from 0 to 1."""
    return Column(name, "float", meaning, "share 0-1", low=0, high=1)


def _score(name: str, meaning: str) -> Column:
    """A 0-100 score."""
    return Column(name, "int", meaning, "score 0-100", low=0, high=100)


def _category(name: str, meaning: str, *allowed: str) -> Column:
    """A column holding one of a fixed list of values."""
    return Column(name, "category", meaning, allowed=allowed)


SHOP_ID = r"SH\d{1}"
STAFF_ID = r"S\d{2}"
CUSTOMER_ID = r"C\d{4}"
VISIT_ID = r"V\d{6}"
MESSAGE_ID = r"M\d{6}"
SATISFACTION = Column(
    "satisfaction",
    "int",
    "The visit's TRUE satisfaction, 1 (very unhappy) to 5 (delighted). Real shops never see this "
    "column: it exists only because the town is invented, so the notebooks can check their "
    "answers.",
    "score",
    low=1,
    high=5,
)
GOODS = (
    "household",
    "kitchen",
    "clothing",
    "small electronics",
    "computer",
    "television",
    "bedroom set",
    "washing machine",
)
COMPLAINT_TOPICS = ("problem not fixed", "rude staff", "question unanswered", "long wait", "other")

_TABLES = (
    Table(
        "shops",
        "one shop in the town",
        "shop_id",
        (
            Column("shop_id", "id", "Shop id.", pattern=SHOP_ID),
            Column("name", "text", "The shop's name (invented)."),
            Column("street", "text", "Where it is (invented)."),
            Column("opened", "date", "Day the shop opened."),
            _share("survey_share", "Share of visits after which the shop sends a survey."),
            _share(
                "follow_up_share",
                "Share of big purchases the shop phones about a few months later.",
            ),
            _share(
                "generous_share",
                "Share of complaints the shop settles generously (refund, replacement).",
            ),
            Column(
                "replies_to_reviews_from",
                "date",
                "Day the shop started replying to online reviews.",
            ),
        ),
    ),
    Table(
        "staff",
        "one member of staff on the shop floor",
        "staff_id",
        (
            Column("staff_id", "id", "Staff id.", pattern=STAFF_ID),
            Column("name", "text", "First name and initial (invented)."),
            _ref("shops", SHOP_ID, "Shop the person works in."),
            Column("hours_per_week", "int", "Contracted hours.", "hours", low=8, high=40),
            _score("engagement", "How engaged the person is at work (staff survey index)."),
            Column(
                "training_hours",
                "int",
                "Product and service training in the last year.",
                "hours",
                low=0,
                high=80,
            ),
            _score("courtesy", "How courteous the person is (mystery-shopper score)."),
            _score(
                "product_knowledge",
                "How well the person knows the goods, alternatives and repairs.",
            ),
            _score("warmth", "How warm and personal the person's service is."),
            _score("listening", "How well the person listens to the individual customer."),
        ),
    ),
    Table(
        "customers",
        "one person who became a customer of either shop",
        "customer_id",
        (
            Column("customer_id", "id", "Customer id.", pattern=CUSTOMER_ID),
            Column(
                "joined",
                "date",
                "Day of the first visit (before 2024 for people already customers).",
            ),
            _category(
                "acquired_via",
                "How the person became a customer: already one when records start, walked in "
                "(saw the shop or its reviews), or brought by a friend or family member's praise.",
                "existing",
                "walk_in",
                "referral",
            ),
            _points_to(
                "referred_by",
                "customers.customer_id",
                CUSTOMER_ID,
                "The customer whose praise brought this person (empty unless a referral).",
                required=False,
            ),
            Column(
                "interest",
                "float",
                "The person's own interest in the goods (0 = none, 1 = keen).",
                "score 0-1",
                low=0,
                high=1,
            ),
            _points_to(
                "nearer_shop", "shops.shop_id", SHOP_ID, "The shop nearer to the person's home."
            ),
        ),
    ),
    Table(
        "ties",
        "one friends-and-family link between two customers (both directions)",
        "tie_id",
        (
            Column("tie_id", "id", "Tie id.", pattern=r"T\d{5}"),
            _points_to(
                "customer_a", "customers.customer_id", CUSTOMER_ID, "One person (the smaller id)."
            ),
            _points_to("customer_b", "customers.customer_id", CUSTOMER_ID, "The other person."),
            _category("kind", "Family (same household) or friend.", "family", "friend"),
        ),
    ),
    Table(
        "visits",
        "one shopping visit (at most one per customer per month)",
        "visit_id",
        (
            Column("visit_id", "id", "Visit id, in date order.", pattern=VISIT_ID),
            Column("date", "date", "Day of the visit."),
            _ref("customers", CUSTOMER_ID, "Who visited."),
            _ref("shops", SHOP_ID, "Which shop."),
            _ref("staff", STAFF_ID, "Who served the customer."),
            _category("category", "What kind of goods were bought.", *GOODS),
            Column("amount", "float", "Money spent.", "currency units", low=0, high=5000),
            Column(
                "big_purchase",
                "bool",
                "A big purchase (computer, television, bedroom set, washing machine).",
            ),
            Column(
                "wait_minutes", "int", "Minutes waited to be served.", "minutes", low=0, high=90
            ),
            Column("courteous", "bool", "Was the staff member courteous?"),
            Column("warm", "bool", "Was the service warm and personal?"),
            Column(
                "listened",
                "bool",
                "Did the staff member really listen to this customer (rather than assume the "
                "familiar pattern)?",
            ),
            Column("question_asked", "bool", "Did the customer ask a product question?"),
            Column(
                "question_answered",
                "bool",
                "Was the question answered (or the answer found)? Empty if no question.",
                required=False,
            ),
            Column("problem", "bool", "Did the customer bring a problem (fault, wrong item)?"),
            Column(
                "problem_fixed",
                "bool",
                "Was the problem fixed on the visit? Empty if no problem.",
                required=False,
            ),
            SATISFACTION,
        ),
    ),
    Table(
        "complaints",
        "one complaint a customer made about a visit",
        "complaint_id",
        (
            Column("complaint_id", "id", "Complaint id.", pattern=r"K\d{5}"),
            _ref("visits", VISIT_ID, "The visit complained about."),
            _ref("customers", CUSTOMER_ID, "Who complained."),
            _ref("shops", SHOP_ID, "Shop complained to."),
            Column("date", "date", "Day the complaint was made."),
            _category("channel", "How it was made.", "in person", "phone", "email"),
            _category("topic", "The main thing that went wrong.", *COMPLAINT_TOPICS),
            _category(
                "resolution",
                "Generous (refund or replacement, no argument) or stingy (argued, partial).",
                "generous",
                "stingy",
            ),
            Column(
                "days_to_resolve",
                "int",
                "Days from complaint to resolution.",
                "days",
                low=0,
                high=60,
            ),
            Column("resolved", "date", "Day the complaint was resolved."),
        ),
    ),
    Table(
        "follow_ups",
        "one big purchase on the shop's follow-up call list (called or not)",
        "follow_up_id",
        (
            Column("follow_up_id", "id", "Follow-up id.", pattern=r"F\d{5}"),
            _ref("visits", VISIT_ID, "The visit with the big purchase."),
            _ref("customers", CUSTOMER_ID, "Who bought."),
            _ref("shops", SHOP_ID, "Where."),
            Column("due", "date", "Day the call was due (a few months after the purchase)."),
            Column("called", "bool", "Did the shop make the call?"),
            _ref("staff", STAFF_ID, "Who called (empty if no call).", required=False),
        ),
    ),
    Table(
        "surveys",
        "one survey sent after a visit (answer columns empty when nobody answered)",
        "survey_id",
        (
            Column("survey_id", "id", "Survey id.", pattern=r"Q\d{6}"),
            _ref("visits", VISIT_ID, "The visit asked about."),
            _ref("customers", CUSTOMER_ID, "Who was asked."),
            _ref("shops", SHOP_ID, "Which shop sent it."),
            Column("sent", "date", "Day the survey was sent."),
            Column("responded", "bool", "Did the customer answer?"),
            Column("answered", "date", "Day of the answer.", required=False),
            Column(
                "csat",
                "int",
                "Answer to 'How satisfied were you?' 1-5 (CSAT counts the 4s and 5s).",
                "score",
                required=False,
                low=1,
                high=5,
            ),
            Column(
                "nps",
                "int",
                "Answer to 'How likely are you to recommend us?' 0-10 (NPS: 9-10 promoters, "
                "0-6 detractors).",
                "score",
                required=False,
                low=0,
                high=10,
            ),
            _points_to(
                "staff_named",
                "staff.staff_id",
                STAFF_ID,
                "Staff member the customer chose to name (optional).",
                required=False,
            ),
            Column("comment", "text", "Short comment (optional).", required=False),
        ),
    ),
    Table(
        "reviews",
        "one public online review of a shop",
        "review_id",
        (
            Column("review_id", "id", "Review id.", pattern=r"R\d{5}"),
            _ref("shops", SHOP_ID, "Shop reviewed."),
            Column("date", "date", "Day posted."),
            Column("stars", "int", "Stars given.", "stars", low=1, high=5),
            Column("text", "text", "What the reviewer wrote."),
            Column("reply", "text", "The shop's public reply (empty if none).", required=False),
            Column("replied", "date", "Day of the reply.", required=False),
            _ref(
                "customers",
                CUSTOMER_ID,
                "Who wrote it. Review sites show only a nickname: kept here for teaching.",
            ),
            _ref(
                "visits",
                VISIT_ID,
                "The visit reviewed. Real shops cannot link reviews to visits: teaching only.",
            ),
        ),
    ),
    Table(
        "word_of_mouth",
        "one person telling one friend or relative about a visit",
        "message_id",
        (
            Column("message_id", "id", "Message id.", pattern=MESSAGE_ID),
            Column("date", "date", "Day told (month of the visit)."),
            _points_to("speaker_id", "customers.customer_id", CUSTOMER_ID, "Customer who told."),
            _points_to(
                "listener_id",
                "customers.customer_id",
                CUSTOMER_ID,
                "Who heard it; empty if that person never became a customer of either shop.",
                required=False,
            ),
            _category("tie", "How they know each other.", "family", "friend"),
            _ref("shops", SHOP_ID, "Shop talked about."),
            _category(
                "kind",
                "Praise (after a delighted visit) or a warning (after a bad one).",
                "praise",
                "warning",
            ),
            _ref("visits", VISIT_ID, "The visit talked about."),
        ),
    ),
    Table(
        "referrals",
        "one new customer brought by a friend's or relative's praise",
        "referral_id",
        (
            Column("referral_id", "id", "Referral id.", pattern=r"RF\d{4}"),
            _points_to(
                "referrer_id", "customers.customer_id", CUSTOMER_ID, "Customer whose praise did it."
            ),
            _points_to(
                "new_customer_id",
                "customers.customer_id",
                CUSTOMER_ID,
                "The person who became a customer.",
            ),
            _ref("shops", SHOP_ID, "Shop praised (where the new customer went first)."),
            Column("date", "date", "Day of the new customer's first visit."),
            _points_to(
                "message_id", "word_of_mouth.message_id", MESSAGE_ID, "The praise that did it."
            ),
        ),
    ),
)

#: Every table of the sample data, by name, in the order the data dictionary lists them.
SCHEMAS: dict[str, Table] = {t.name: t for t in _TABLES}
