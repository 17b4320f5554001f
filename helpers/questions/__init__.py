"""The exercises of each notebook, one module per notebook (``from helpers.questions.X import ex``).

Every module defines ``exercises``: an :class:`helpers.exercise.Exercises` whose questions carry
their own right and wrong example answers, so one test checks them all.
"""

#: Notebook stem → module holding its exercises.
BY_NOTEBOOK: dict[str, str] = {
    "00_start_here": "helpers.questions.start_here",
    "01_satisfaction": "helpers.questions.satisfaction",
}
