"""The link that gives every learner on a JupyterHub the course, opened at notebook 00.

The hub needs nbgitpuller installed (see docs/classroom.md). Clicking the link logs the learner
in, starts their server, clones the repository into their home folder (or, on later clicks,
pulls what changed without touching their edits) and opens notebook 00 in JupyterLab::

    python -m tools.hub https://hub.example.org https://github.com/OWNER/REPO [--folder NAME]
    python -m tools.hub --check 'https://hub.example.org/hub/user-redirect/git-pull?repo=...'

The link is built and checked by pure functions (tested in tests/test_hub.py).
"""

from __future__ import annotations

import argparse
import sys
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from helpers import PROJECT_DIR

START_NOTEBOOK = "notebooks/00_start_here.ipynb"
PULL_PATH = "/hub/user-redirect/git-pull"


def repo_folder(repo: str) -> str:
    """The folder nbgitpuller clones ``repo`` into when the link names none: the address's last
    part, exactly (``.../course.git`` gives ``course.git``)."""
    return repo.rstrip("/").split("/")[-1]


def nbgitpuller_link(
    hub: str,
    repo: str,
    branch: str = "main",
    folder: str | None = None,
    notebook: str = START_NOTEBOOK,
) -> str:
    """The nbgitpuller link for ``repo`` on ``hub`` that opens ``notebook`` in JupyterLab.

    ``folder`` names the folder in each learner's home (nbgitpuller's ``targetpath``); without
    it nbgitpuller derives one from the address (:func:`repo_folder`).
    """
    hub = hub.rstrip("/")
    fields = {"repo": repo, "branch": branch}
    if folder:
        fields["targetpath"] = folder
    fields["urlpath"] = f"lab/tree/{folder or repo_folder(repo)}/{notebook}"
    return f"{hub}{PULL_PATH}?{urlencode(fields, quote_via=quote)}"


def link_problems(link: str, notebook: str = START_NOTEBOOK) -> list[str]:
    """What is wrong with an nbgitpuller link for this course (an empty list: nothing)."""
    parts = urlsplit(link)
    problems = []
    if parts.scheme != "https":
        problems.append(f"the hub address should start with https:// (it is {parts.scheme}://)")
    if not parts.path.endswith(PULL_PATH):
        problems.append(f"the path should end with {PULL_PATH} (it is {parts.path})")
    query = parse_qs(parts.query)
    repo, branch, urlpath = (query.get(key, [""])[0] for key in ("repo", "branch", "urlpath"))
    if not repo or urlsplit(repo).scheme not in ("https", "http", "git", "ssh", "file"):
        problems.append(f"repo should be the repository's address (it is {repo!r})")
    if not branch:
        problems.append("branch is missing (the course's is main)")
    folder = query.get("targetpath", [""])[0] or repo_folder(repo)
    expected = f"lab/tree/{folder}/{notebook}" if repo else None
    if expected and urlpath != expected:
        problems.append(f"urlpath should be {expected} (it is {urlpath!r})")
    if not (PROJECT_DIR / notebook).is_file():
        problems.append(f"{notebook} is not in this repository")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("hub", nargs="?", help="the hub's address, e.g. https://hub.example.org")
    parser.add_argument("repo", nargs="?", help="the repository's address (https://...)")
    parser.add_argument("--branch", default="main")
    parser.add_argument("--folder", help="the folder in each learner's home (default: from repo)")
    parser.add_argument("--check", metavar="LINK", help="check a link instead of making one")
    args = parser.parse_args(argv)
    if args.check:
        problems = link_problems(args.check)
        print("\n".join(problems) or "The link is right.")
        return 1 if problems else 0
    if not (args.hub and args.repo):
        parser.error("give the hub's address and the repository's, or --check LINK")
    link = nbgitpuller_link(args.hub, args.repo, args.branch, args.folder)
    problems = link_problems(link)
    print(link)
    if problems:
        print("\n".join(problems), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
