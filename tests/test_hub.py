"""The nbgitpuller link for a JupyterHub (tools.hub): built right, and wrong ones caught."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tools import hub

REPO = "https://github.com/example-org/loyalty-course"
LINK = (
    "https://hub.example.org/hub/user-redirect/git-pull?"
    "repo=https%3A%2F%2Fgithub.com%2Fexample-org%2Floyalty-course&branch=main&"
    "urlpath=lab%2Ftree%2Floyalty-course%2Fnotebooks%2F00_start_here.ipynb"
)


def test_the_link_has_the_documented_form() -> None:
    assert hub.nbgitpuller_link("https://hub.example.org/", REPO) == LINK


def test_the_link_opens_notebook_00_in_the_folder_nbgitpuller_makes() -> None:
    for repo, folder in [
        (REPO, "loyalty-course"),
        (REPO + ".git", "loyalty-course.git"),  # as nbgitpuller does: .git is kept
        (REPO + "/", "loyalty-course"),
        ("https://gitlab.example.org/group/sub/course.git", "course.git"),
    ]:
        assert hub.repo_folder(repo) == folder
        query = parse_qs(urlsplit(hub.nbgitpuller_link("https://h.example.org", repo)).query)
        assert query["urlpath"] == [f"lab/tree/{folder}/notebooks/00_start_here.ipynb"]
        assert query["repo"] == [repo]
        assert hub.link_problems(hub.nbgitpuller_link("https://h.example.org", repo)) == []


def test_a_named_folder_is_the_targetpath() -> None:
    link = hub.nbgitpuller_link("https://h.example.org", REPO + ".git", folder="course")
    query = parse_qs(urlsplit(link).query)
    assert query["targetpath"] == ["course"]
    assert query["urlpath"] == ["lab/tree/course/notebooks/00_start_here.ipynb"]
    assert hub.link_problems(link) == []
    assert hub.link_problems(link.replace("targetpath=course", "targetpath=other")) != []


def test_wrong_links_are_explained() -> None:
    assert hub.link_problems(LINK) == []
    wrong_folder = LINK.replace("lab%2Ftree%2Floyalty-course", "lab%2Ftree%2Fcourse")
    assert any(
        "urlpath should be lab/tree/loyalty-course/" in p for p in hub.link_problems(wrong_folder)
    )
    assert any(
        "https://" in p for p in hub.link_problems(LINK.replace("https://hub", "http://hub"))
    )
    assert any("git-pull" in p for p in hub.link_problems(LINK.replace("git-pull", "git-puller")))
    assert any("branch" in p for p in hub.link_problems(LINK.replace("&branch=main", "")))
    no_repo = hub.link_problems(LINK.split("?")[0] + "?branch=main")
    assert any("repo should be" in p for p in no_repo)
    gone = hub.link_problems(
        hub.nbgitpuller_link("https://h.org", REPO, notebook="notebooks/9.ipynb"),
        "notebooks/9.ipynb",
    )
    assert gone == ["notebooks/9.ipynb is not in this repository"]


def test_the_command_prints_and_checks(capsys) -> None:
    assert hub.main(["https://hub.example.org", REPO]) == 0
    assert capsys.readouterr().out.strip() == LINK
    assert hub.main(["--check", LINK]) == 0
    assert hub.main(["--check", LINK.replace("main", "")]) == 1
    assert "branch is missing" in capsys.readouterr().out
