"""Logic behind the course "Service that earns loyalty".

Models, the sample town's data, shared metrics, the chart look and the exercise checks live here;
the notebooks hold the story and short calls into these modules.
"""

from pathlib import Path

__version__ = "0.1.0"

#: The project's top folder (the one holding data/ and notebooks/).
PROJECT_DIR = Path(__file__).resolve().parent.parent

#: The sample data shipped with the course. Notebooks read from here and never write into it.
DATA_DIR = PROJECT_DIR / "data"
