"""Demo pictures drawn locally with Pillow (no stock photos, no downloads).

Each picture is a simple illustrated scene (sky, ground, shapes) chosen by ``motif``, so
the demo has real images to caption, credit and resize without any third-party content.
"""

import io
import random

from PIL import Image, ImageDraw

SIZE = (1200, 800)


def _sky(draw, top, bottom):
    w, h = SIZE
    for y in range(h):
        t = y / h
        colour = tuple(int(top[i] + (bottom[i] - top[i]) * t) for i in range(3))
        draw.line([(0, y), (w, y)], fill=colour)


def _port(draw, rng):
    w, h = SIZE
    draw.rectangle([0, h * 0.62, w, h], fill=(40, 70, 110))
    for i in range(9):
        x = 60 + i * 120
        colour = rng.choice([(180, 60, 40), (40, 120, 90), (200, 160, 40), (60, 80, 160)])
        draw.rectangle([x, h * 0.46, x + 100, h * 0.62], fill=colour, outline=(20, 20, 20))
    draw.line([(900, h * 0.62), (900, h * 0.15), (1150, h * 0.15)], fill=(30, 30, 30), width=14)


def _border(draw, rng):
    w, h = SIZE
    draw.polygon([(0, h * 0.7), (w * 0.3, h * 0.5), (w * 0.6, h * 0.65), (w, h * 0.45),
                  (w, h), (0, h)], fill=(170, 130, 80))
    for x in range(0, w, 40):
        draw.line([(x, h * 0.55), (x, h * 0.8)], fill=(90, 90, 90), width=6)
    draw.line([(0, h * 0.58), (w, h * 0.58)], fill=(90, 90, 90), width=4)


def _prison(draw, rng):
    w, h = SIZE
    draw.rectangle([0, h * 0.75, w, h], fill=(120, 110, 100))
    draw.rectangle([w * 0.1, h * 0.3, w * 0.9, h * 0.75], fill=(200, 195, 185), outline=(60, 60, 60))
    for i in range(8):
        x = w * 0.14 + i * w * 0.095
        draw.rectangle([x, h * 0.4, x + 50, h * 0.55], fill=(50, 50, 60))
        for j in range(4):
            draw.line([(x + 10 + j * 10, h * 0.4), (x + 10 + j * 10, h * 0.55)], fill=(160, 160, 160), width=2)
    draw.rectangle([w * 0.45, h * 0.12, w * 0.55, h * 0.3], fill=(170, 165, 150))


def _city(draw, rng):
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


MOTIFS = {
    "port": (_port, (120, 170, 220), (230, 220, 200)),
    "border": (_border, (150, 190, 230), (250, 230, 200)),
    "prison": (_prison, (110, 130, 160), (210, 210, 220)),
    "city": (_city, (20, 30, 70), (120, 70, 90)),
}


def draw_picture(motif, seed):
    """A JPEG (bytes) of ``motif`` (port, border, prison or city), varied by ``seed``."""
    painter, top, bottom = MOTIFS[motif]
    rng = random.Random(seed)
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    _sky(draw, top, bottom)
    painter(draw, rng)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()
