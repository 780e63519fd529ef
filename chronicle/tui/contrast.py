"""WCAG contrast of a colour pair as a terminal shows it, in truecolor, 256 or 16 colours.

Textual writes every colour through Rich, which downgrades a 24-bit colour to
the 256-colour cube or to the nearest of 16 when the terminal says it has no
more (`TERM=xterm`, `screen`, `linux`). The 16 colours a terminal then shows
are its own palette, not Rich's, so a pair is judged under each palette given.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.color import Color, ColorSystem, ColorType
from rich.color_triplet import ColorTriplet

RGB = tuple[int, int, int]

AA = 4.5
"""WCAG 2 level AA for normal text."""

XTERM_16: Sequence[RGB] = (
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
    (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
    (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
)  # fmt: skip
"""xterm's default 16 colours (its XTerm-col.ad resources), also tmux's and screen's."""

VGA_16: Sequence[RGB] = (
    (0, 0, 0), (170, 0, 0), (0, 170, 0), (170, 85, 0),
    (0, 0, 170), (170, 0, 170), (0, 170, 170), (170, 170, 170),
    (85, 85, 85), (255, 85, 85), (85, 255, 85), (255, 255, 85),
    (85, 85, 255), (255, 85, 255), (85, 255, 255), (255, 255, 255),
)  # fmt: skip
"""The Linux console's 16 colours (the VGA palette), also the one Rich matches against."""

SYSTEMS = {
    "truecolor": ColorSystem.TRUECOLOR,
    "256": ColorSystem.EIGHT_BIT,
    "16": ColorSystem.STANDARD,
}
"""The colour systems Textual writes, by the name tests and reports use."""


def luminance(rgb: RGB) -> float:
    """WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = rgb
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: RGB, second: RGB) -> float:
    """WCAG contrast ratio of two colours, 1 (same) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def shown(color: Color, system: str, palette: Sequence[RGB] = XTERM_16) -> RGB | None:
    """The RGB a terminal shows for `color` written in `system` ("truecolor", "256", "16"),
    its first 16 colours being `palette`; None for the terminal's default colour."""
    if color.type == ColorType.DEFAULT:
        return None
    written = color.downgrade(SYSTEMS[system])
    if written.number is not None and written.number < 16:
        return palette[written.number]
    triplet: ColorTriplet = written.get_truecolor()
    return (triplet.red, triplet.green, triplet.blue)


def standard_index(rgb: RGB) -> int:
    """The index of the 16 colours Rich picks for `rgb` on a 16-colour terminal."""
    return Color.from_rgb(*rgb).downgrade(ColorSystem.STANDARD).number or 0


def shown_contrast(
    foreground: RGB, background: RGB, system: str, palette: Sequence[RGB] = XTERM_16
) -> float:
    """Contrast of a text colour on a background as a terminal of `system` shows them."""
    fg = shown(Color.from_rgb(*foreground), system, palette)
    bg = shown(Color.from_rgb(*background), system, palette)
    assert fg is not None and bg is not None  # from_rgb is never the default colour
    return contrast(fg, bg)
