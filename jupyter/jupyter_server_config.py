"""The course's JupyterLab: its presentation-mode CSS (``custom/custom.css`` next to this file).

JupyterLab serves custom CSS only from its user config folder; this points it at the course's
instead, so ``make lab`` (which puts this folder on ``JUPYTER_CONFIG_PATH``) shows the present
view's sizes in View → Presentation Mode, and nothing changes outside presentation mode.
"""

from pathlib import Path

c = get_config()  # noqa: F821  (provided by Jupyter when it reads this file)
c.LabApp.custom_css = True
c.ServerApp.tornado_settings = {
    "static_custom_path": [str(Path(__file__).resolve().parent / "custom")],
}
