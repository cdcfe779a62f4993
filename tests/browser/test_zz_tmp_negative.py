import sys
from pathlib import Path

APP = Path("/tmp/solx/md_app.py")


def test_markdown_fails_offline(app_server, page):
    base_url = app_server(
        [sys.executable, "-m", "solara", "run", str(APP), "--host", "127.0.0.1",
         "--no-open", "--production", "--no-check-version"],
        env={"SOLARA_ASSETS_PROXY": "true"},
    )
    page.goto(base_url + "/")
    page.get_by_text("hello md").wait_for()
    page.wait_for_timeout(2000)
    assert page.problems() == []


def test_bad_server(app_server):
    app_server([sys.executable, "-c", "import sys; print('boom'); sys.exit(3)"])
