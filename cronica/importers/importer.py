"""One import, in the order that makes a bad file change nothing.

1. read and parse the whole file (hostile or broken XML stops here);
2. convert every new post's HTML into body blocks;
3. download the images those blocks show, outside any transaction (slow network calls
   must not hold the database's write lock);
4. write everything in a single transaction.
"""

import hashlib
from pathlib import Path
from typing import TextIO

from django.core.files.storage import default_storage
from django.db import transaction
from tqdm import tqdm

from . import blogger, wxr
from .html_body import Body, BodyError, ImageRef, convert
from .images import Downloader
from .models import ImportedItem
from .records import Export, ImportFileError, PostRecord
from .writer import Summary, Writer, image_key

PARSERS = {"blogger": blogger.parse, "wxr": wxr.parse}
ID_COLUMN_LENGTH = 255  # ImportedItem.external_id and Comment.external_id


def stored_id(external_id: str) -> str:
    """The export's id as stored: itself, or a digest when it exceeds the column."""
    if len(external_id) <= ID_COLUMN_LENGTH:
        return external_id
    return "sha256:" + hashlib.sha256(external_id.encode()).hexdigest()


def parse_file(kind: str, path: str | Path) -> Export:
    """The :class:`~.records.Export` in the file, or ImportFileError."""
    from .xmlfile import read_xml

    if kind not in PARSERS:
        raise ImportFileError(f"unknown export format {kind!r}; use one of {', '.join(PARSERS)}")
    warnings: list[str] = []
    export = PARSERS[kind](read_xml(path, warnings), str(path))
    export.warnings.extend(warnings)
    for post in export.posts:
        post.external_id = stored_id(post.external_id)
    for comment in export.comments:
        comment.external_id = stored_id(comment.external_id)
        comment.post_id = stored_id(comment.post_id)
        comment.parent_id = stored_id(comment.parent_id) if comment.parent_id else None
    for what, records in (("post", export.posts), ("comment", export.comments)):
        seen = set()
        for record in records:
            if record.external_id in seen:
                raise ImportFileError(f"{path}: {what} {record.external_id} appears twice")
            seen.add(record.external_id)
    return export


def import_file(
    kind: str,
    path: str | Path,
    download_images: bool = True,
    progress: TextIO | None = None,
    allow_private_hosts: bool = False,
    renames: dict[str, str] | None = None,
) -> Summary:
    """Imports the export at ``path``; returns the writer's Summary. ``progress`` is the
    stream for progress bars (None: no bars); ``allow_private_hosts`` lets image downloads
    reach loopback and private networks; ``renames`` maps author names in the export to
    the pen names to use instead, for posts and comments alike."""
    export = parse_file(kind, path)
    already = set(
        ImportedItem.objects.filter(
            source=export.source, external_id__in=[p.external_id for p in export.posts]
        ).values_list("external_id", flat=True)
    )
    bodies = {
        post.external_id: _body(post, export.base_url, path)
        for post in export.posts
        if post.external_id not in already
    }
    downloads = fetch_images(bodies, progress, allow_private_hosts) if download_images else {}
    writer = None
    try:
        with transaction.atomic():
            writer = Writer(export, bodies, downloads, progress, renames)
            return writer.run()
    except BaseException:
        # The rows are rolled back; the image files they pointed to must go too.
        for name in writer.stored_files if writer else []:
            default_storage.delete(name)
        raise


def _body(post: PostRecord, base_url: str, path: str | Path) -> Body:
    """The post's :class:`~.html_body.Body`; ImportFileError naming the post when its
    HTML cannot be converted, so that the whole file imports nothing."""
    try:
        return convert(post.html, base_url)
    except BodyError as exc:
        raise ImportFileError(f"{path}: post {post.external_id} ({post.title!r}): {exc}") from None


def fetch_images(
    bodies: dict[str, Body], progress: TextIO | None, allow_private_hosts: bool = False
) -> dict[str, bytes]:
    """``{url: bytes}`` of the images in ``bodies`` that a previous run did not store and
    that can be downloaded now."""
    urls = list(
        dict.fromkeys(
            value.src
            for body in bodies.values()
            for kind, value in body.blocks
            if isinstance(value, ImageRef)
        )
    )
    stored = set(
        ImportedItem.objects.filter(
            source=ImportedItem.Source.IMAGE_URL, external_id__in=[image_key(u) for u in urls]
        ).values_list("external_id", flat=True)
    )
    urls = [u for u in urls if image_key(u) not in stored]
    downloader = Downloader(allow_private=allow_private_hosts)
    downloads = {}
    for url in tqdm(urls, desc="Images", unit="image", file=progress, disable=progress is None):
        data = downloader.fetch(url)
        if data is not None:
            downloads[url] = data
    return downloads
