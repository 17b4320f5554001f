"""Notebook 04's timing: the header, the section headings, the manifest and the trainer notes
agree, and the 60- and 90-minute routes the guide builds from them are the ones the trainer
review asked for."""

import re

from helpers import PROJECT_DIR
from helpers.lessons.feedback.lesson import LESSON
from tools.guides.notebook import read
from tools.guides.routes import full_minutes, long_route, short_route

SOURCE = PROJECT_DIR / "notebooks" / "src" / "04_feedback.md"


def test_the_header_is_the_sum_of_the_time_lines():
    book = read(SOURCE)
    total = sum(full_minutes(section) for section in book.sections)
    header = re.search(r"\*\*Time:\*\* about (\d+) minutes in class", SOURCE.read_text())
    assert header and int(header.group(1)) == total == LESSON.minutes == 91


def test_headings_give_the_same_minutes_as_the_notes():
    for section in read(SOURCE).sections:
        if section.heading_minutes is not None:
            assert section.heading_minutes == full_minutes(section), section.title


def test_the_routes_are_teachable():
    """Trainer review: 60 minutes with slack; 90 minutes as objectives 1, Try it first 5, How
    sure 12, Ranking 15, Who answers 10, Iceberg 15, Town 12, Bring your own survey 1 (the
    example only), Exercises 10, Discussion 5, about 4 to spare."""
    book = read(SOURCE)
    short, long = short_route(book), long_route(book)
    assert short.total <= 55
    minutes = {stop.title: stop.minutes for stop in long.stops if stop.status != "not timed"}
    assert list(minutes.values()) == [1, 5, 12, 15, 10, 15, 12, 1, 10, 5]
    assert 84 <= long.total <= 86
    assert {s.title: s.minutes for s in short.stops}["Who answers?"] == 0
