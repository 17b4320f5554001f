"""Reading the notebooks' own words (titles, key takeaways) from their text sources."""

from __future__ import annotations

from helpers import course_text
from helpers.course import LESSONS
from tools.guides.notebook import read as guide_read
from tools.notebooks import sources

SAMPLE = """---
jupytext:
  format_name: myst
---

# 09 · Sample: a title with a colon

## Key takeaways

- First, **bold**,
  wrapped on two lines.
- Second.

```{code-cell}
## Key takeaways
- not a takeaway: inside code
```

## What comes next

- not a takeaway either
"""


def test_a_source_is_read_as_its_title_and_takeaways():
    book = course_text.read_text(SAMPLE, "09_sample")
    assert book.title == "09 · Sample: a title with a colon"
    assert book.short_title == "09 · Sample" and book.number == "09"
    assert book.takeaways == ("First, **bold**, wrapped on two lines.", "Second.")


def test_every_notebook_of_the_course_has_takeaways_and_the_guides_read_the_same():
    books = course_text.course_texts()
    assert [b.stem for b in books] == [s.stem for s in sources()]
    assert {lesson.notebook for lesson in LESSONS} <= {b.stem for b in books}
    for book, source in zip(books, sources(), strict=True):
        assert book.takeaways, book.stem
        guide = guide_read(source)
        assert book.title == guide.title
        section = guide.section("Key takeaways")
        assert section is not None
        for takeaway in book.takeaways:  # the guide's text holds the same words
            assert takeaway.split()[0] in section.body


def test_the_markdown_has_a_heading_per_notebook():
    text = course_text.takeaways_markdown(course_text.course_texts())
    for book in course_text.course_texts():
        assert f"#### {book.short_title}" in text
    assert text.count("\n- ") >= sum(len(b.takeaways) for b in course_text.course_texts()) - 6


def test_the_folded_takeaways_are_one_line_per_notebook_with_details_behind_a_click():
    books = course_text.course_texts()
    text = course_text.takeaways_folded(books)
    assert text.count("<details>") == text.count("</details>") == len(books)
    summaries = [line for line in text.splitlines() if line.startswith("<details>")]
    assert len(summaries) == len(books)
    summary = "<summary><b>05 · Putting it together</b>: does treating staff well pay?</summary>"
    assert summary in text
    assert course_text.read_text(SAMPLE, "09_sample").subtitle == "a title with a colon"
