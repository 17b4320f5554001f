"""Reading a model's parameters from slider values or keywords, checked in plain words."""

from __future__ import annotations

from collections.abc import Mapping

from helpers.i18n import _
from helpers.parameters import Parameter
from helpers.validation import ParameterError


def read_values(
    parameters: Mapping[str, Parameter],
    model: str,
    values: Mapping[str, float] | None = None,
    **changes: float,
) -> dict[str, float]:
    """Every parameter's value: the defaults, then ``values`` (e.g. a simulator's sliders), then
    keyword ``changes``; each one checked (a plain-words :class:`ParameterError` otherwise).

    ``model`` names the model in the message about an unknown parameter.
    """
    merged = {**(values or {}), **changes}
    unknown = sorted(set(merged) - set(parameters))
    if unknown:
        raise ParameterError(
            _("The {model} has no parameter called {unknown}; its parameters are {known}.").format(
                model=model, unknown=", ".join(unknown), known=", ".join(parameters)
            )
        )
    return {name: spec.check(merged.get(name, spec.default)) for name, spec in parameters.items()}
