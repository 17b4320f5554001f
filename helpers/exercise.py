"""Old name of :mod:`helpers.exercises`, kept until the notebooks import from there."""

from helpers.exercises import *  # noqa: F403
from helpers.exercises import __all__  # noqa: F401
