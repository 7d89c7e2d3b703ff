"""Charts, relation graphs and maps drawn on the server as inline SVG.

No script and no request to anyone: the page carries its pictures, so they work in Tor
Browser's safest mode and under ``default-src 'self'``. Only presentation attributes are
used (no ``style``), which the strict style-src allows. Land shapes come from world-atlas
(Natural Earth, public domain), vendored in ``data/``.
"""

import json
import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

KIND_COLOURS = {
    "group": "#b3261e",
    "person": "#1f5fa8",
    "place": "#2e7d32",
    "institution": "#6a4c93",
}
Point = tuple[float, float]  # (longitude, latitude), or (x, y) on the picture
LAND = Path(__file__).parent / "data" / "land-50m.json"


def _svg(width: float, height: float, body: str, label: str, top: float = 0) -> SafeString:
    # A picture is one image to assistive technology, but a graph or map with links in it
    # is a labelled group: links inside role="img" would be hidden (axe nested-interactive).
    role = "group" if "<a " in body else "img"
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 {top:.0f} {width} {height:.0f}" '
        f'role="{role}" aria-label="{escape(label)}" class="kb-svg">'
        f"<title>{escape(label)}</title>{body}</svg>"
    )


def _short(value: float) -> str:
    if value >= 1000:
        return f"{value / 1000:.1f} t".replace(".0 t", " t")
    return f"{value:.0f} kg"


def bar_chart(series: Sequence[tuple[str, float]], label: str) -> SafeString:
    """A bar chart of ``series`` (list of (period label, value)), values in kilograms."""
    width, height, left, bottom, top = 640, 260, 56, 40, 16
    if not series:
        return _svg(width, 60, '<text x="10" y="35" font-size="14">–</text>', label)
    peak = max(value for _period, value in series) or 1
    plot_h = height - bottom - top
    slot = (width - left - 10) / len(series)
    parts = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" '
        f'y2="{height - bottom}" stroke="#555"/>'
    ]
    for tick in range(5):
        value = peak * tick / 4
        y = height - bottom - plot_h * tick / 4
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" '
            f'stroke="#ddd"/><text x="{left - 6}" y="{y + 4:.1f}" font-size="11" '
            f'text-anchor="end">{escape(_short(value))}</text>'
        )
    for index, (period, value) in enumerate(series):
        bar_h = plot_h * value / peak
        bar_w = min(slot * 0.7, 80)
        x = left + index * slot + (slot - bar_w) / 2
        y = height - bottom - bar_h
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{bar_h:.1f}" '
            f'fill="#b3261e"><title>{escape(period)}: {escape(_short(value))}</title></rect>'
            f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 16}" font-size="11" '
            f'text-anchor="middle">{escape(period)}</text>'
        )
    return _svg(width, height, "".join(parts), label)


def relation_graph(
    centre: tuple[str, str], edges: Sequence[tuple[str, str, str, str, bool]], label: str
) -> SafeString:
    """``centre`` (name, kind) with its neighbours on a circle around it. ``edges`` is a
    list of (relation label, name, kind, url, outgoing). One or two neighbours sit beside
    the centre; the picture is cropped to its nodes."""
    width = 640
    cx, cy, radius = width / 2, 180, 140
    parts = []
    count = max(len(edges), 1)
    start = 0 if count <= 2 else -math.pi / 2
    nodes = []
    for index, (relation, name, kind, url, outgoing) in enumerate(edges):
        angle = start + 2 * math.pi * index / count
        x, y = cx + radius * 1.3 * math.cos(angle), cy + radius * math.sin(angle)
        parts.append(
            f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#888" '
            f'stroke-width="1.5"/>'
        )
        mx, my = (cx + x) / 2, (cy + y) / 2
        arrow = "→" if outgoing else "←"
        parts.append(
            f'<text x="{mx:.1f}" y="{my - 4:.1f}" font-size="11" fill="#444" '
            f'text-anchor="middle" class="kb-edge">{arrow} {escape(relation)}</text>'
        )
        nodes.append((x, y, name, kind, url))
    parts.append(_node(cx, cy, centre[0], centre[1], None, big=True))
    for x, y, name, kind, url in nodes:
        parts.append(_node(x, y, name, kind, url))
    ys = [cy] + [node[1] for node in nodes]
    top, bottom = min(ys) - 30, max(ys) + 40
    return _svg(width, bottom - top, "".join(parts), label, top=top)


def _node(x: float, y: float, name: str, kind: str, url: str | None, big: bool = False) -> str:
    r = 12 if big else 8
    colour = KIND_COLOURS.get(kind, "#555")
    anchor = "middle"
    text = (
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}"/>'
        f'<text x="{x:.1f}" y="{y + r + 14:.1f}" font-size="{14 if big else 12}" '
        f'text-anchor="{anchor}" font-weight="{"bold" if big else "normal"}">'
        f"{escape(name)}</text>"
    )
    if url:
        return f'<a href="{escape(url)}" class="kb-node">{text}</a>'
    return f'<g class="kb-node">{text}</g>'


@lru_cache(maxsize=1)
def land_rings() -> list[tuple[tuple[float, float, float, float], list[Point]]]:
    """Land outlines as lists of (longitude, latitude), decoded from TopoJSON once."""
    topology = json.loads(LAND.read_text())
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[Point]:
        points: list[Point] = []
        for i in indexes:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    rings = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for indexes in polygon:
                points = ring(indexes)
                lons = [p[0] for p in points]
                lats = [p[1] for p in points]
                rings.append(((min(lons), min(lats), max(lons), max(lats)), points))
    return rings


def point_map(
    points: Sequence[tuple[str, float, float, str | None]], label: str
) -> SafeString | None:
    """A map of ``points`` (name, latitude, longitude, url), framed around them, with
    land drawn from Natural Earth. Equirectangular: simple and honest at these scales."""
    width, height = 640, 400
    if not points:
        return None
    lats = [p[1] for p in points]
    lons = [p[2] for p in points]
    span = max(max(lats) - min(lats), (max(lons) - min(lons)) * height / width, 4.0)
    clat, clon = (max(lats) + min(lats)) / 2, (max(lons) + min(lons)) / 2
    half_h = span * 0.65
    half_w = half_h * width / height
    west, east, south, north = clon - half_w, clon + half_w, clat - half_h, clat + half_h

    def xy(lon: float, lat: float) -> Point:
        return (lon - west) / (east - west) * width, (north - lat) / (north - south) * height

    parts = [f'<rect width="{width}" height="{height}" fill="#dbe9f4"/>']
    minimum = (east - west) / width  # drop points closer than a pixel
    margin_w, margin_h = (east - west) * 0.05, (north - south) * 0.05
    for (w, s, e, n), ring in land_rings():
        if e < west or w > east or n < south or s > north:
            continue
        path, last = [], None
        for lon, lat in ring:
            # Points off the frame are pulled onto a margin around it: the visible part
            # of the shape is unchanged and the page does not carry whole continents.
            lon = min(max(lon, west - margin_w), east + margin_w)
            lat = min(max(lat, south - margin_h), north + margin_h)
            if last and abs(lon - last[0]) < minimum and abs(lat - last[1]) < minimum:
                continue
            x, y = xy(lon, lat)
            path.append(f"{x:.1f},{y:.1f}")
            last = (lon, lat)
        if len(path) > 2:
            parts.append(
                f'<polygon points="{" ".join(path)}" fill="#f4f1ea" '
                f'stroke="#9a9a8a" stroke-width="0.6"/>'
            )
    for name, lat, lon, url in points:
        x, y = xy(lon, lat)
        marker = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#b3261e" stroke="#fff" '
            f'stroke-width="1.5"/><text x="{x + 9:.1f}" y="{y + 4:.1f}" '
            f'font-size="13">{escape(name)}</text>'
        )
        parts.append(f'<a href="{escape(url)}" class="kb-place">{marker}</a>' if url else marker)
    return _svg(width, height, "".join(parts), label)
