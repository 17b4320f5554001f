"""Reading a model's slider values: defaults for what is missing, plain words for what is wrong."""

from __future__ import annotations

from collections.abc import Mapping

from helpers.i18n import _
from helpers.parameters import Parameter
from helpers.validation import ParameterError


def read_values(
    parameters: Mapping[str, Parameter],
    values: Mapping[str, float] | None,
    changes: Mapping[str, float],
    model: str,
) -> dict[str, float]:
    """Every parameter's value (checked), from ``values`` (a simulator's sliders), ``changes``
    (keywords) and the defaults; an unknown name is a :class:`ParameterError` naming the model."""
    merged = {**(values or {}), **changes}
    unknown = sorted(set(merged) - set(parameters))
    if unknown:
        raise ParameterError(
            _("The {model} has no parameter called {unknown}; its parameters are {known}.").format(
                model=model, unknown=", ".join(unknown), known=", ".join(parameters)
            )
        )
    return {name: spec.check(merged.get(name, spec.default)) for name, spec in parameters.items()}
