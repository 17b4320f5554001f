"""Target practice: the learner moves a simulator's sliders until a goal is reached."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from helpers.exercises.answers import (
    AuthorError,
    Unit,
    Verdict,
    as_author_number,
    kind_of,
    not_yet,
    show,
    user_namespace,
)
from helpers.exercises.blank import MISSING, is_blank
from helpers.exercises.look import NOT_ATTEMPTED, Feedback
from helpers.exercises.question import Question
from helpers.i18n import N_, _, ngettext

Rule = tuple[Callable[[dict[str, float]], bool], str]


class TargetQuestion(Question):
    """Target practice: set the simulator's sliders so that a goal is reached, then check.

    ``measure(sim)`` gives the achieved value, or ``(value, details)`` with a sentence of
    details. The goal is ``at_least=…``, ``at_most=…`` or both (a range). ``constraints`` is a
    list of ``(rule, message)`` pairs: ``rule(values)`` gets the sliders as a dict and returns
    True when the rule is kept; otherwise the message is shown. ``simulator`` is the name of
    the notebook variable holding the simulator, used when ``check()`` gets none. The simulator
    is anything with ``values() -> dict[str, float]`` (and ``set_values(**kw)`` for tests).

    ``factory`` is a zero-argument callable returning a fresh simulator of the kind the question
    reads (``factory=model.satisfaction_simulator``). ``right_settings`` and ``wrong_settings``
    (at least two) are slider values, as dicts, that do and do not reach the target:
    :meth:`verify` applies each of them with ``set_values`` to a simulator of its own from the
    factory, so the course's tests need nothing but the question.

    Example::

        q6 = TargetQuestion(
            "Set the sliders so that at least 70 % of customers come back.",
            measure=lambda sim: sim.result().share_returned,
            at_least=0.70, is_share=True, label="come back",
            constraints=[(lambda v: v["wait"] >= 10, "Keep the wait at 10 minutes or more.")],
            simulator="sim", factory=waiting_simulator,
            right_settings={"wait": 10, "courtesy": 5},
            wrong_settings=[{"wait": 10, "courtesy": 1}, {"wait": 2, "courtesy": 5}])
    """

    kind = N_("target")

    def __init__(
        self,
        prompt: str,
        *,
        measure: Callable[[Any], Any],
        right_settings: Mapping[str, float],
        wrong_settings: Sequence[Mapping[str, float]],
        at_least: float | None = None,
        at_most: float | None = None,
        constraints: Sequence[Rule] = (),
        simulator: str = "sim",
        factory: Callable[[], Any] | None = None,
        is_share: bool = False,
        unit: Unit = "",
        label: str = "",
        hints: Sequence[str] = (),
        solution: str = "",
        why: str = "",
        name: str = "",
    ) -> None:
        super().__init__(prompt, hints=hints, solution=solution, why=why, name=name)
        if at_least is None and at_most is None:
            raise ValueError("give a goal: at_least=..., at_most=... or both")
        if len(wrong_settings) < 2:
            raise ValueError("give at least two wrong_settings (for the course's tests)")
        self._measure = measure
        self.at_least = at_least
        self.at_most = at_most
        self.constraints = list(constraints)
        self.simulator = simulator
        self.factory = factory
        self.is_share = is_share
        self.unit = unit
        self.label = label
        self.right_settings = dict(right_settings)
        self.wrong_settings = [dict(s) for s in wrong_settings]

    def _how_to_answer(self) -> str:
        return "\n\n" + _(
            "Move the sliders, then `{call}.check()` (it reads the simulator `{simulator}`)."
        ).format(call=self.call, simulator=self.simulator)

    def _show(self, value: float) -> str:
        return show(value, is_share=self.is_share, unit=self.unit)

    def goal_text(self) -> str:
        """The goal in words: "at least 70 %", "between 60 % and 80 %"…"""
        if self.at_least is not None and self.at_most is not None:
            return _("between {low} and {high}").format(
                low=self._show(self.at_least), high=self._show(self.at_most)
            )
        if self.at_least is not None:
            return _("at least {value}").format(value=self._show(self.at_least))
        return _("at most {value}").format(value=self._show(self.at_most))  # type: ignore[arg-type]

    def check(self, sim: Any = MISSING) -> Feedback:
        """Check the simulator's current state (``sim``, or the notebook's simulator variable)."""
        return super().check(sim)

    def _find_simulator(self, sim: Any) -> Any:
        if sim is MISSING or sim is None:
            namespace = user_namespace()
            if namespace is None or self.simulator not in namespace:
                raise Verdict(
                    NOT_ATTEMPTED,
                    _(
                        "I cannot find the simulator `{simulator}` yet: run the cell that "
                        "creates it, move the sliders, then check again."
                    ).format(simulator=self.simulator),
                )
            sim = namespace[self.simulator]
        if is_blank(sim):
            raise Verdict(
                NOT_ATTEMPTED,
                _("Put the simulator in the brackets: `{call}.check({simulator})`.").format(
                    call=self.call, simulator=self.simulator
                ),
            )
        if isinstance(sim, Mapping) or not callable(getattr(sim, "values", None)):
            raise self._not_a_simulator(sim)
        return sim

    def _not_a_simulator(self, sim: Any) -> Verdict:
        return not_yet(
            _(
                "I need the simulator (like `{simulator}`), the one with the sliders; "
                "this is {kind}."
            ).format(simulator=self.simulator, kind=kind_of(sim))
        )

    def _check(self, answer: Any) -> Feedback:
        sim = self._find_simulator(answer)
        values = self._author(sim.values)
        if not isinstance(values, Mapping):
            raise self._not_a_simulator(sim)
        values = dict(values)
        broken = [message for rule, message in self.constraints if not self._author(rule, values)]
        result = self._author(self._measure, sim)
        details = ""
        if isinstance(result, tuple) and len(result) == 2:
            result, details = result
        achieved = as_author_number(self.name, result, _("the measure"))
        return self._verdict(achieved, str(details or ""), broken)

    def _verdict(self, achieved: float, details: str, broken: list[str]) -> Feedback:
        """Correct when the target is reached and every rule kept; else what is missing."""
        values = {"achieved": self._show(achieved), "goal": self.goal_text()}
        if self.label:
            said = _("{achieved} {label}; the target is {goal}.").format(
                label=_(self.label), **values
            )
        else:
            said = _("The result is {achieved}; the target is {goal}.").format(**values)
        details = f"\n\n{details}" if details else ""
        reached = (self.at_least is None or achieved >= self.at_least) and (
            self.at_most is None or achieved <= self.at_most
        )
        if broken:
            rules = "\n".join(f"- {m}" for m in broken)
            raise not_yet(
                f"{said}{details}\n\n{self._rules_broken(reached, len(broken))}\n\n{rules}"
            )
        if reached:
            return self._correct(said + " " + _("Target reached!") + details)
        raise not_yet(said + " " + _("Move the sliders and check again.") + details)

    @staticmethod
    def _rules_broken(reached: bool, count: int) -> str:
        """The sentence before the list of rules not kept."""
        if reached:
            return ngettext(
                "The target is reached, but a rule of the exercise is not kept:",
                "The target is reached, but {count} rules of the exercise are not kept:",
                count,
            ).format(count=count)
        return ngettext(
            "Also, a rule of the exercise is not kept:",
            "Also, {count} rules of the exercise are not kept:",
            count,
        ).format(count=count)

    def examples(self) -> tuple[Any, list[Any]]:
        """Slider settings (dicts) that reach the target, and ones that do not."""
        return dict(self.right_settings), [dict(s) for s in self.wrong_settings]

    def _check_example(self, example: Any, simulator: Any) -> Feedback:
        """Check slider settings on ``simulator``, or on a fresh one from the factory."""
        try:
            sim = self._new_simulator() if simulator is None else simulator
        except AuthorError as error:
            return self._trouble(str(error))
        sim.set_values(**example)
        return self.check(sim)

    def _new_simulator(self) -> Any:
        """A fresh simulator from the factory (an "our side" error when there is none)."""
        if self.factory is None:
            raise AuthorError(_("verify() needs a simulator for a target question"))
        return self._author(self.factory)

    def verify(self, simulator: Any = None) -> list[str]:
        """Check the example settings: on ``simulator`` (put back as it was after), or else each
        on a fresh simulator from ``factory``."""
        if simulator is None:
            if self.factory is None:
                label = self.name or self.prompt[:40]
                return [f"{label}: verify() needs a simulator or a factory= for the question"]
            return super().verify()
        before = simulator.values()
        try:
            return super().verify(simulator)
        finally:
            simulator.set_values(**before)

    def buttons(self, simulator: Any = None) -> Any:  # type: ignore[override]
        """The buttons; Check reads ``simulator`` (or the notebook variable) at each click."""
        self._button_simulator = simulator
        return super().buttons()

    def _answer_widgets(self) -> tuple[list[Any], Callable[[], Feedback]]:
        simulator = getattr(self, "_button_simulator", None)
        return [], (lambda: self.check(simulator) if simulator is not None else self.check())
