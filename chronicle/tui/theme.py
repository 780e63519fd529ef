"""chronicle's colours: a dark and a light Textual theme every analyst can read, and
the monochrome look `NO_COLOR` gets.

Every text colour of a theme reaches 4.5:1 (WCAG AA) on every background it is drawn
on, in truecolor and as Rich downgrades it for a 256-colour (`xterm-256color`) or a
16-colour terminal (`xterm`, `screen`, `linux`), whose 16 colours are judged both as
xterm's defaults and as the Linux console's VGA palette (`chronicle.tui.contrast`).
Pane borders and scrollbars are held to the same 4.5:1. Focus is cyan in the dark
theme and blue in the light one, never red: it must not read as an error.

Under `NO_COLOR` Textual removes every colour (`NoColor` filter, when the app is
built with `ansi_color=True`) and the terminal's own foreground and background
remain, so nothing can be grey on grey; `THEME_CSS` then marks with text styles what
colour marked: the cursor row and the input cursor in reverse, the focused pane's
border heavy, search matches bold and underlined.
"""

from __future__ import annotations

import os

from textual.app import App
from textual.theme import Theme

DARK = "chronicle-dark"
LIGHT = "chronicle-light"
MONO = "chronicle-mono"


def _shared(
    *,
    text: str,
    muted: str,
    disabled: str,
    panel: str,
    accent: str,
    primary: str,
    secondary: str,
    border_blurred: str,
    cursor: str,
    cursor_text: str,
    blurred: str,
    blurred_text: str,
    track: str,
) -> dict[str, str]:
    """The Textual variables both colour themes set from their own palette.

    Textual derives most of these by blending (text at 60% and 38% alpha, a 30%
    tint for the blurred cursor, the border as the surface darkened 2.5%), which
    is where its low contrasts come from; here each is a colour that was measured.
    """
    return {
        "text": text,
        "text-muted": muted,
        "text-disabled": disabled,
        "foreground-muted": muted,
        "foreground-disabled": disabled,
        "text-primary": primary,
        "text-secondary": secondary,
        "text-accent": accent,
        "border": accent,
        "border-blurred": border_blurred,
        "block-cursor-background": cursor,
        "block-cursor-foreground": cursor_text,
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": blurred,
        "block-cursor-blurred-foreground": blurred_text,
        "block-cursor-blurred-text-style": "none",
        "block-hover-background": panel,
        "footer-background": panel,
        "footer-foreground": text,
        "footer-description-foreground": text,
        "footer-key-foreground": accent,
        "input-cursor-background": text,
        "input-cursor-foreground": panel,
        "input-selection-background": cursor,
        "input-selection-foreground": cursor_text,
        "link-color": primary,
        "link-color-hover": primary,
        "markdown-h1-color": primary,
        "markdown-h2-color": primary,
        "markdown-h3-color": primary,
        "markdown-h4-color": text,
        "markdown-h5-color": text,
        "markdown-h6-color": muted,
        "scrollbar": border_blurred,
        "scrollbar-hover": muted,
        "scrollbar-active": accent,
        "scrollbar-background": track,
        "scrollbar-background-hover": track,
        "scrollbar-background-active": track,
        "scrollbar-corner-color": track,
        "screen-selection-background": cursor,
        "screen-selection-foreground": cursor_text,
    }


CHRONICLE_DARK = Theme(
    name=DARK,
    dark=True,
    background="#121212",
    surface="#1a1a1a",
    panel="#262626",
    foreground="#e4e4e4",
    primary="#5fd7ff",
    secondary="#d7afff",
    accent="#00d7d7",
    warning="#ffd75f",
    error="#ff8787",
    success="#87d787",
    variables=_shared(
        text="#e4e4e4",
        muted="#b2b2b2",
        disabled="#9e9e9e",
        panel="#262626",
        accent="#00d7d7",
        primary="#5fd7ff",
        secondary="#d7afff",
        border_blurred="#949494",
        cursor="#00afaf",
        cursor_text="#121212",
        blurred="#1a2a80",
        blurred_text="#e4e4e4",
        track="#121212",
    ),
)
"""Light text on near-black. In 16 colours: white and bright colours on black, the
cursor row black on cyan (blue with white text when the timeline is not focused)."""

CHRONICLE_LIGHT = Theme(
    name=LIGHT,
    dark=False,
    background="#f5f5f5",
    surface="#eeeeee",
    panel="#e4e4e4",
    foreground="#000000",
    primary="#1144aa",
    secondary="#661188",
    accent="#1144aa",
    warning="#aa2200",
    error="#aa0000",
    success="#115500",
    variables=_shared(
        text="#000000",
        muted="#2a2a2a",
        disabled="#2a2a2a",
        panel="#e4e4e4",
        accent="#1144aa",
        primary="#1144aa",
        secondary="#661188",
        border_blurred="#262626",
        cursor="#1144aa",
        cursor_text="#ffffff",
        blurred="#c6c6c6",
        blurred_text="#000000",
        track="#f5f5f5",
    ),
)
"""Dark text on near-white. A 16-colour terminal has few colours that read on white
(yellow, green and cyan do not), so there warnings turn red and success black."""

CHRONICLE_MONO = Theme(
    name=MONO,
    dark=True,
    background="#000000",
    surface="#000000",
    panel="#000000",
    foreground="#ffffff",
    primary="#ffffff",
    secondary="#ffffff",
    accent="#ffffff",
    warning="#ffffff",
    error="#ffffff",
    success="#ffffff",
    variables={
        "text": "#ffffff",
        "text-muted": "#ffffff",
        "text-disabled": "#ffffff",
        "border": "#ffffff",
        "border-blurred": "#ffffff",
        "block-cursor-background": "#000000",
        "block-cursor-foreground": "#ffffff",
        "block-cursor-blurred-background": "#000000",
        "block-cursor-blurred-foreground": "#ffffff",
        "scrollbar": "#ffffff",
        "scrollbar-hover": "#ffffff",
        "scrollbar-active": "#ffffff",
        "scrollbar-background": "#000000",
        "scrollbar-background-hover": "#000000",
        "scrollbar-background-active": "#000000",
        "scrollbar-corner-color": "#000000",
        "input-selection-background": "#000000",
        "input-selection-foreground": "#ffffff",
        "block-cursor-text-style": "reverse bold",
        "block-cursor-blurred-text-style": "underline",
        "input-cursor-text-style": "reverse",
        "button-focus-text-style": "reverse bold",
        "markdown-h1-text-style": "bold underline",
        "markdown-h2-text-style": "bold underline",
        "markdown-h3-text-style": "bold",
    },
)
"""For `NO_COLOR`: its colours are all removed (or, if the app was built without
`ansi_color=True`, turned grey, and these are black or white); its text styles
carry the emphasis."""

THEMES = (CHRONICLE_DARK, CHRONICLE_LIGHT, CHRONICLE_MONO)
NAMES = tuple(theme.name for theme in THEMES)

THEME_CSS = """
Sparkline > .sparkline--min-color { color: $primary; }
Sparkline > .sparkline--max-color { color: $accent; }
MarkdownTableContent { keyline: thin $border-blurred; }
Footer FooterKey.-command-palette { border-left: vkey $border-blurred; }
CommandPalette #--input { border: hkey $border-blurred; }
CommandList { border-bottom: hkey $border-blurred; }
SearchIcon { color: $text; }
Toast { background: $panel; }
CommandPalette > .command-palette--help-text { color: $text-muted; text-style: not bold; }
App:nocolor Input:focus { border: heavy $border !important; }
App:nocolor Input > .input--selection { text-style: reverse; }
App:nocolor Input > .input--placeholder { text-style: italic; }
App:nocolor Screen.-wide #detail:focus-within { border-left: heavy $border; }
App:nocolor Screen.-narrow #detail:focus-within { border-top: heavy $border; }
"""
"""App-level rules for Textual's own widgets (theirs blend `$primary 30%`,
`$foreground 20%` and `black 50%`, dim the palette's help, and lighten a toast's
background to xterm's grey in 16 colours: too faint to read), and the emphasis
`NO_COLOR` needs."""


def no_color() -> bool:
    """Whether the user asked for no colour (`NO_COLOR` set, to anything: no-color.org)."""
    return "NO_COLOR" in os.environ


def choose_theme(name: str | None = None) -> str:
    """The theme to start in: `name` if given, else the monochrome one under
    `NO_COLOR`, else `TEXTUAL_THEME` when it names one of chronicle's themes
    (`TEXTUAL_THEME=chronicle-light chronicle`), else the dark one."""
    chosen = name or (MONO if no_color() else os.environ.get("TEXTUAL_THEME", DARK))
    return chosen if chosen in NAMES else DARK


def register_themes(app: App[object], name: str | None = None) -> None:
    """Give `app` chronicle's themes only (Textual's own promise no contrast, so the
    theme picker does not offer them) and put `choose_theme(name)` in force before
    the app's CSS is first read, so its first frame is drawn in it."""
    for theme in THEMES:
        app.register_theme(theme)
    chosen = choose_theme(name)
    if app.theme == chosen:
        # TEXTUAL_THEME named it as Textual's default before it was registered, so
        # Textual fell back to its own dark theme and never applied this one.
        app.mutate_reactive(App.theme)
    else:
        app.theme = chosen
    for other in set(app.available_themes) - set(NAMES):
        app.unregister_theme(other)
    # Textual computed the CSS variables in App.__init__, from its default theme;
    # it refreshes them only once the app runs, after the first frame.
    app.stylesheet.set_variables(app.get_css_variables())
