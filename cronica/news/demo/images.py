"""Demo pictures drawn locally with Pillow (no stock photos, no downloads).

Each picture is a simple illustrated scene (sky, ground, shapes) chosen by ``motif``, so
the demo has real images to caption, credit and resize without any third-party content.
They are drawings of places and things, never of people, and carry no text, so none can
pass for a photograph of a real person or event.
"""

import io
import random

from PIL import Image, ImageDraw

SIZE = (1200, 800)
Colour = tuple[int, int, int]


def _sky(draw: ImageDraw.ImageDraw, top: Colour, bottom: Colour) -> None:
    w, h = SIZE
    for y in range(h):
        t = y / h
        colour = tuple(int(top[i] + (bottom[i] - top[i]) * t) for i in range(3))
        draw.line([(0, y), (w, y)], fill=colour)


def _port(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = SIZE
    draw.rectangle([0, h * 0.62, w, h], fill=(40, 70, 110))
    for i in range(9):
        x = 60 + i * 120
        colour = rng.choice([(180, 60, 40), (40, 120, 90), (200, 160, 40), (60, 80, 160)])
        draw.rectangle([x, h * 0.46, x + 100, h * 0.62], fill=colour, outline=(20, 20, 20))
    draw.line([(900, h * 0.62), (900, h * 0.15), (1150, h * 0.15)], fill=(30, 30, 30), width=14)


def _border(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = SIZE
    draw.polygon(
        [(0, h * 0.7), (w * 0.3, h * 0.5), (w * 0.6, h * 0.65), (w, h * 0.45), (w, h), (0, h)],
        fill=(170, 130, 80),
    )
    for x in range(0, w, 40):
        draw.line([(x, h * 0.55), (x, h * 0.8)], fill=(90, 90, 90), width=6)
    draw.line([(0, h * 0.58), (w, h * 0.58)], fill=(90, 90, 90), width=4)


def _prison(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = SIZE
    draw.rectangle([0, h * 0.75, w, h], fill=(120, 110, 100))
    draw.rectangle(
        [w * 0.1, h * 0.3, w * 0.9, h * 0.75], fill=(200, 195, 185), outline=(60, 60, 60)
    )
    for i in range(8):
        x = w * 0.14 + i * w * 0.095
        draw.rectangle([x, h * 0.4, x + 50, h * 0.55], fill=(50, 50, 60))
        for j in range(4):
            draw.line(
                [(x + 10 + j * 10, h * 0.4), (x + 10 + j * 10, h * 0.55)],
                fill=(160, 160, 160),
                width=2,
            )
    draw.rectangle([w * 0.45, h * 0.12, w * 0.55, h * 0.3], fill=(170, 165, 150))


def _city(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = SIZE
    x = 0
    while x < w:
        bw = rng.randint(60, 160)
        bh = rng.randint(int(h * 0.2), int(h * 0.6))
        shade = rng.randint(40, 90)
        draw.rectangle([x, h - bh, x + bw, h], fill=(shade, shade, shade + 20))
        for wy in range(h - bh + 15, h - 20, 30):
            for wx in range(x + 10, x + bw - 15, 25):
                if rng.random() < 0.4:
                    draw.rectangle([wx, wy, wx + 10, wy + 14], fill=(240, 210, 120))
        x += bw + 4


def _bananas(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """Inside a refrigerated container: stacked fruit boxes, some open on green bunches."""
    w, h = SIZE
    draw.rectangle([0, 0, w, h], fill=(205, 210, 215))
    for x in range(0, w, 30):
        draw.line([(x, 0), (x, h * 0.12)], fill=(170, 175, 180), width=3)
    draw.rectangle([0, h * 0.9, w, h], fill=(120, 120, 125))
    box_w, box_h = 150, 90
    for row in range(7):
        for col in range(8):
            x = 20 + col * box_w
            y = h * 0.9 - (row + 1) * box_h
            draw.rectangle(
                [x, y, x + box_w - 8, y + box_h - 6],
                fill=(190, 150, 95),
                outline=(120, 90, 50),
                width=3,
            )
            if row == 0 or rng.random() < 0.15:
                for k in range(3):
                    bx = x + 20 + k * 40
                    draw.arc(
                        [bx, y + 10, bx + 40, y + 70],
                        200,
                        340,
                        fill=rng.choice([(120, 170, 60), (150, 190, 70)]),
                        width=9,
                    )


def _airstrip(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A desert runway at dusk with a small twin-engine plane and a hangar."""
    w, h = SIZE
    draw.rectangle([0, h * 0.6, w, h], fill=(190, 150, 100))
    for _ in range(25):
        x, y = rng.randint(0, w), rng.randint(int(h * 0.62), h)
        draw.ellipse([x, y, x + 18, y + 10], fill=(110, 120, 70))
    draw.polygon(
        [(w * 0.35, h), (w * 0.65, h), (w * 0.53, h * 0.6), (w * 0.47, h * 0.6)], fill=(70, 70, 75)
    )
    for y in range(int(h * 0.65), h, 50):
        draw.line([(w / 2, y), (w / 2, y + 20)], fill=(235, 235, 235), width=4)
    draw.rectangle([w * 0.75, h * 0.45, w * 0.95, h * 0.6], fill=(150, 150, 160))
    draw.polygon(
        [(w * 0.74, h * 0.45), (w * 0.85, h * 0.38), (w * 0.96, h * 0.45)], fill=(120, 120, 130)
    )
    cx, cy = w * 0.5, h * 0.72
    draw.ellipse([cx - 130, cy - 18, cx + 130, cy + 18], fill=(240, 240, 245))
    draw.polygon(
        [(cx - 20, cy), (cx + 20, cy), (cx + 230, cy + 20), (cx - 230, cy + 20)],
        fill=(225, 225, 230),
    )
    draw.polygon(
        [(cx - 120, cy - 10), (cx - 150, cy - 60), (cx - 110, cy - 10)], fill=(200, 40, 40)
    )
    for ex in (cx - 100, cx + 80):
        draw.ellipse([ex, cy + 5, ex + 30, cy + 30], fill=(90, 90, 100))


def _coast(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A Pacific port town: sea, beach, palms and low houses on a hill."""
    w, h = SIZE
    draw.rectangle([0, h * 0.55, w, h * 0.75], fill=(30, 100, 150))
    for wave_y in range(int(h * 0.57), int(h * 0.75), 18):
        wave_x = rng.randint(0, w)
        draw.line([(wave_x, wave_y), (wave_x + 80, wave_y)], fill=(200, 225, 240), width=2)
    draw.rectangle([0, h * 0.75, w, h], fill=(225, 200, 150))
    draw.polygon(
        [(w * 0.45, h * 0.55), (w * 0.7, h * 0.3), (w, h * 0.25), (w, h * 0.55)],
        fill=(120, 140, 90),
    )
    for i in range(10):
        x = w * 0.55 + i * 50 + rng.randint(-10, 10)
        y = h * 0.5 - i * 18 + rng.randint(-10, 10)
        draw.rectangle(
            [x, y, x + 40, y + 30],
            fill=rng.choice([(240, 240, 230), (230, 190, 150), (180, 210, 220)]),
        )
        draw.polygon([(x - 4, y), (x + 20, y - 15), (x + 44, y)], fill=(170, 80, 60))
    for px in (80, 260, 420):
        draw.line([(px, h * 0.95), (px + 20, h * 0.6)], fill=(110, 80, 50), width=10)
        for dx, dy in ((-70, 30), (70, 30), (-50, 55), (50, 55)):
            draw.line(
                [(px + 20, h * 0.6), (px + 20 + dx, h * 0.6 + dy)], fill=(40, 120, 60), width=12
            )


def _courthouse(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A federal courthouse: steps, columns and a pediment."""
    w, h = SIZE
    draw.rectangle([0, h * 0.85, w, h], fill=(150, 150, 150))
    for step in range(4):
        y = h * 0.85 - step * 15
        draw.rectangle(
            [w * 0.15 - step * 10 + 40, y - 15, w * 0.85 + step * 10 - 40, y],
            fill=(215 - step * 5, 210 - step * 5, 200 - step * 5),
        )
    draw.rectangle([w * 0.2, h * 0.35, w * 0.8, h * 0.4], fill=(225, 220, 210))
    draw.polygon(
        [(w * 0.18, h * 0.35), (w * 0.5, h * 0.15), (w * 0.82, h * 0.35)],
        fill=(230, 225, 215),
        outline=(150, 145, 135),
    )
    for i in range(8):
        x = w * 0.22 + i * w * 0.08
        draw.rectangle(
            [x, h * 0.4, x + 30, h * 0.78], fill=(240, 236, 228), outline=(170, 165, 155)
        )
    draw.line([(w * 0.92, h * 0.85), (w * 0.92, h * 0.1)], fill=(80, 80, 80), width=6)
    draw.rectangle(
        [w * 0.92, h * 0.1, w * 0.99, h * 0.16], fill=rng.choice([(60, 80, 160), (160, 40, 40)])
    )


def _agave(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """Blue agave rows running to volcanic hills, as in western Mexico."""
    w, h = SIZE
    draw.polygon(
        [
            (0, h * 0.5),
            (w * 0.25, h * 0.3),
            (w * 0.45, h * 0.45),
            (w * 0.7, h * 0.25),
            (w, h * 0.45),
            (w, h * 0.6),
            (0, h * 0.6),
        ],
        fill=(90, 110, 120),
    )
    draw.rectangle([0, h * 0.58, w, h], fill=(150, 110, 80))
    for row in range(6):
        y = h * 0.62 + row * row * 8 + row * 20
        size = 20 + row * 12
        for x in range(-40, w + 40, int(size * 2.2)):
            cx = x + rng.randint(-5, 5)
            for angle in range(-60, 61, 20):
                tip = (cx + angle * size / 40, y - size)
                draw.line([(cx, y), tip], fill=(90, 150, 150), width=max(3, size // 8))


def _rally(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """An empty campaign stage at dusk: lectern, microphones, flags and lights."""
    w, h = SIZE
    draw.rectangle([0, h * 0.7, w, h], fill=(50, 50, 60))
    draw.rectangle([w * 0.1, h * 0.55, w * 0.9, h * 0.72], fill=(80, 60, 50))
    draw.rectangle([w * 0.45, h * 0.38, w * 0.55, h * 0.55], fill=(40, 40, 45))
    for dx in (-20, 0, 20):
        draw.line(
            [(w * 0.5 + dx, h * 0.38), (w * 0.5 + dx * 1.5, h * 0.3)], fill=(20, 20, 20), width=4
        )
    bands = [((250, 210, 0), 2), ((0, 60, 150), 1), ((210, 30, 40), 1)]  # yellow twice as tall
    for fx in (w * 0.2, w * 0.8):
        draw.line([(fx, h * 0.55), (fx, h * 0.15)], fill=(200, 200, 200), width=5)
        y = h * 0.15
        for colour, parts in bands:
            draw.rectangle([fx, y, fx + 120, y + 20 * parts], fill=colour)
            y += 20 * parts
    for x in range(60, w, 150):
        draw.ellipse([x, h * 0.05, x + 30, h * 0.05 + 30], fill=(255, 245, 200))
    for _ in range(60):
        x, y = rng.randint(0, w), rng.randint(int(h * 0.8), h)
        draw.ellipse([x, y, x + 6, y + 6], fill=(255, 255, 255))


MOTIFS = {
    "port": (_port, (120, 170, 220), (230, 220, 200)),
    "border": (_border, (150, 190, 230), (250, 230, 200)),
    "prison": (_prison, (110, 130, 160), (210, 210, 220)),
    "city": (_city, (20, 30, 70), (120, 70, 90)),
    "bananas": (_bananas, (205, 210, 215), (205, 210, 215)),
    "airstrip": (_airstrip, (60, 50, 110), (240, 150, 90)),
    "coast": (_coast, (130, 190, 235), (235, 225, 210)),
    "courthouse": (_courthouse, (140, 170, 210), (220, 225, 235)),
    "agave": (_agave, (200, 170, 120), (240, 220, 180)),
    "rally": (_rally, (30, 30, 60), (90, 60, 80)),
}


def draw_picture(motif: str, seed: str) -> bytes:
    """A JPEG (bytes) of ``motif`` (a key of ``MOTIFS``), varied by ``seed``."""
    painter, top, bottom = MOTIFS[motif]
    rng = random.Random(seed)
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    _sky(draw, top, bottom)
    painter(draw, rng)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()
