"""The look every modal form of the browser shares: a centred box of labelled one-line
rows (a `Choice` row, `-choice`, as tall as its options), a message line for what is
wrong, and a hint line; ctrl+s saves, Esc cancels.

The forms (`correct_form`, `manual_form`) subclass `FormScreen` and give their box,
message and hint the classes below; each says what its own Save does.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

T = TypeVar("T")


class FormScreen(ModalScreen[T]):
    """A modal form: `.form-box` holding `.row`s of a `.name` and a field,
    `.form-message` and `.form-hint`."""

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen .form-box {
        width: 78; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    FormScreen .form-box .row { height: 1; margin-top: 1; }
    FormScreen .form-box .row.-choice { height: auto; }
    FormScreen .form-box .name { width: 11; }
    FormScreen .form-box .row > Input, FormScreen .form-box .row > Choice { width: 1fr; }
    FormScreen .form-message { color: $error; height: auto; }
    FormScreen .form-hint { color: $text-muted; margin-top: 1; }
    """
