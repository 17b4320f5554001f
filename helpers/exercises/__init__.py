"""Instant feedback for the course's exercises: check, hints and solution, typed or clicked.

The idea comes from Kaggle's *learntools* (one small object per question with ``check``, ``hint``
and ``solution``), kept much simpler and aimed at people who do not write code for a living.

In a notebook, a learner works like this::

    from helpers.exercises import ____                                  # the blank to fill in
    from helpers.lessons.satisfaction.questions import exercises as ex  # the notebook's questions

    share_returned = ____                       # the learner replaces ____ with an answer
    ex.q1.check()                               # ✔ Correct / ➜ Not yet / ✎ Not attempted yet
    ex.q1.hint()                                # the next hint; ex.q1.hint(2) for the second one
    ex.q1.solution()                            # a worked answer
    ex.q1.buttons()                             # the same, as buttons to click
    ex.progress()                               # every question and how it went so far

There are four kinds of question, each a small class sharing :class:`Question`:

* :class:`ValueQuestion`: a number (or a small pandas Series/DataFrame) computed from the data;
* :class:`ChoiceQuestion`: multiple choice, with an explanation for each wrong pick;
* :class:`PredictQuestion`: record a guess first, then compare it with what the simulator says;
* :class:`TargetQuestion`: move the simulator's sliders until a goal is reached.

``check`` never raises for anything a learner can type: it always returns a :class:`Feedback`
whose ``status`` is exactly ``"correct"``, ``"incorrect"`` or ``"not attempted"``, and which shows
itself as a coloured box (icon + word + colour, so it also reads in greyscale and for colour-blind
people). The object is shown by Jupyter because it is the cell's last value: put ``check()`` last in
its cell. Hints and solutions return a :class:`Note` that shows itself the same way.

For course-wide tests every question can produce its own right answer and wrong answers
(:meth:`Question.examples`), and :meth:`Question.verify` / :meth:`Exercises.verify` check that
the right one passes and the wrong ones do not.

The modules: ``blank`` (the ``____``), ``answers`` (reading what a learner typed), ``letters``
(reading the letters picked in a multiple-choice question), ``tables``
(comparing tables), ``look`` (feedback boxes), ``question`` (what every kind shares), one module
per kind (``value``, ``choice``, ``predict``, ``target``), ``collection`` (:class:`Exercises`,
:class:`Progress`) and ``buttons`` (the ipywidgets buttons).
"""

from helpers.exercises.blank import ____
from helpers.exercises.choice import ChoiceQuestion
from helpers.exercises.collection import Exercises, Progress
from helpers.exercises.look import CORRECT, INCORRECT, NOT_ATTEMPTED, Feedback, Note
from helpers.exercises.predict import PredictQuestion
from helpers.exercises.question import Question
from helpers.exercises.scenario import ScenarioQuestion
from helpers.exercises.target import TargetQuestion
from helpers.exercises.value import ValueQuestion

__all__ = [
    "CORRECT",
    "INCORRECT",
    "NOT_ATTEMPTED",
    "ChoiceQuestion",
    "Exercises",
    "Feedback",
    "Note",
    "PredictQuestion",
    "Progress",
    "Question",
    "ScenarioQuestion",
    "TargetQuestion",
    "ValueQuestion",
    "____",
]
