"""The one helper that makes controls in names and document text visible."""

from chronicle.visible import visible, visible_lines


def test_osc52_in_a_file_name_is_shown_not_sent() -> None:
    name = "d/x\x1b]52;c;cm0gLXJmIH4K\x07.txt"
    assert visible(name) == "d/x\\x1b]52;c;cm0gLXJmIH4K\\x07.txt"


def test_c1_and_bidi_controls_are_escaped() -> None:
    assert visible("report\u202etxt.exe") == "report\\u202etxt.exe"
    assert visible("a\x9b2Jb") == "a\\x9b2Jb"
    assert visible("line\u2028break") == "line\\u2028break"


def test_ordinary_text_is_untouched() -> None:
    text = "Déclaration conjointe — 東京, 3 March 2024 (non-breaking\u00a0space)"
    assert visible(text) == text
    assert visible("[bold]not markup[/]") == "[bold]not markup[/]"


def test_newlines_and_tabs_survive_only_in_visible_lines() -> None:
    assert visible("a\nb\tc") == "a\\x0ab\\x09c"
    assert visible_lines("a\nb\tc\x1b[2J") == "a\nb\tc\\x1b[2J"
