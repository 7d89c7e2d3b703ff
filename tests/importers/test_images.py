"""Images a post showed by URL: downloaded into the library (metadata removed) when the
host answers, kept as a plain link when it does not. Downloads go to a real HTTP server
on 127.0.0.1; the test machine has no internet, which is the unreachable case."""

import socket

import pytest
from PIL import Image

from cronica.importers.images import Downloader
from cronica.news.images import CleanImage
from cronica.news.models import ArticlePage

from .conftest import IMAGE_HOST, rewritten, run_import, snapshot


def jpeg_with_gps(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # camera make
    exif.get_ifd(0x8825).update({1: "N", 2: (19.0, 25.0, 0.0), 3: "W", 4: (99.0, 8.0, 0.0)})
    Image.new("RGB", (64, 48), (200, 50, 50)).save(path, "JPEG", exif=exif.tobytes())


@pytest.mark.django_db
def test_reachable_images_are_downloaded_scrubbed_and_not_fetched_again(
    home, tmp_path, image_server, client
):
    jpeg_with_gps(image_server.root / "blogger/s1600/truck.jpg")
    (image_server.root / "blogger/s640").mkdir(parents=True)
    (image_server.root / "blogger/s640/reynosa.jpg").write_text("<html>not an image</html>")
    export = rewritten(tmp_path, "blogger-legacy.xml", IMAGE_HOST, image_server.url)

    out, err = run_import("blogger", export, "--allow-private-hosts")
    assert "Images: 1 downloaded into the library, 1 kept as links." in out
    assert "Images" in err  # progress bar of the downloads

    truck = ArticlePage.objects.get(slug="checkpoint-pills-produce-truck")
    block = truck.body[4]
    assert block.block_type == "image"
    assert block.value["caption"] == "The truck at the inspection lane."
    image = block.value["image"]
    assert image.description == "A produce truck at an inspection lane"
    assert image.metadata_removed
    with image.file.open() as stored:
        exif = Image.open(stored).getexif()
    assert not exif and not exif.get_ifd(0x8825)

    # The server answered with HTML for this one: it stays a link.
    reynosa = ArticlePage.objects.get(slug="bloqueos-en-reynosa")
    assert reynosa.body[-1].block_type == "paragraph"
    assert f"{image_server.url}/blogger/s640/reynosa.jpg" in reynosa.body[-1].value.source

    html = client.get(truck.url).content.decode()
    assert 'src="/media/' in html  # served by the site itself
    assert f"{image_server.url}/blogger/s1600/truck.jpg" not in html

    requests = list(image_server.requested)
    before = snapshot()
    run_import("blogger", export, "--allow-private-hosts")
    assert image_server.requested == requests  # nothing fetched again
    assert snapshot() == before


@pytest.mark.django_db
def test_no_download_keeps_every_image_as_a_link(home, tmp_path, image_server):
    jpeg_with_gps(image_server.root / "blogger/s1600/truck.jpg")
    export = rewritten(tmp_path, "blogger-legacy.xml", IMAGE_HOST, image_server.url)
    out, _ = run_import("blogger", export, "--no-download", "--allow-private-hosts")
    assert "Images: 0 downloaded into the library, 2 kept as links." in out
    assert image_server.requested == []
    assert not CleanImage.objects.exists()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db
def test_private_addresses_are_not_contacted_unless_allowed(home, tmp_path, image_server):
    """An export is outside input: its image URLs must not make the server call its own
    network (admin interfaces on loopback, cloud metadata addresses)."""
    jpeg_with_gps(image_server.root / "blogger/s1600/truck.jpg")
    export = rewritten(tmp_path, "blogger-legacy.xml", IMAGE_HOST, image_server.url)
    out, _ = run_import("blogger", export)
    assert "Images: 0 downloaded into the library, 2 kept as links." in out
    assert image_server.requested == []
    for url in (
        "http://127.0.0.1/x.jpg",
        "http://[::1]/x.jpg",
        "http://10.1.2.3/x.jpg",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost/x.jpg",
    ):
        assert Downloader(timeout=1).fetch(url) is None, url


def test_an_unreachable_host_is_given_up_after_one_try():
    downloader = Downloader(timeout=2, allow_private=True)
    dead = f"http://127.0.0.1:{closed_port()}"
    assert downloader.fetch(f"{dead}/a.jpg") is None
    assert len(downloader.dead_hosts) == 1
    assert downloader.fetch(f"{dead}/b.jpg") is None
    assert downloader.fetch("http://images.invalid/c.jpg") is None
    assert downloader.fetch("file:///etc/passwd") is None
    assert downloader.fetch("ftp://127.0.0.1/x.jpg") is None


def test_missing_images_do_not_mark_the_host_dead(image_server):
    jpeg_with_gps(image_server.root / "here.jpg")
    downloader = Downloader(timeout=5, allow_private=True)
    assert downloader.fetch(f"{image_server.url}/missing.jpg") is None
    assert downloader.fetch(f"{image_server.url}/here.jpg")[:2] == b"\xff\xd8"
    assert downloader.dead_hosts == set()


def test_too_large_images_are_not_downloaded(image_server):
    jpeg_with_gps(image_server.root / "big.jpg")
    size = (image_server.root / "big.jpg").stat().st_size
    too_small = Downloader(max_bytes=size - 1, allow_private=True)
    assert too_small.fetch(f"{image_server.url}/big.jpg") is None
    assert (
        Downloader(max_bytes=size, allow_private=True).fetch(f"{image_server.url}/big.jpg")
        is not None
    )


def test_the_address_checked_is_the_address_contacted(image_server, monkeypatch):
    """DNS rebinding: a host that resolves to a public address when checked and to
    loopback a moment later must not reach the loopback server."""
    jpeg_with_gps(image_server.root / "rebind.jpg")
    port = image_server.server_address[1]
    real_getaddrinfo = socket.getaddrinfo
    answers = []

    def rebinding(host, *args, **kwargs):
        if host != "rebind.example":
            return real_getaddrinfo(host, *args, **kwargs)
        # TEST-NET-3 (unroutable here) first, loopback for every later question.
        address = "203.0.113.7" if not answers else "127.0.0.1"
        answers.append(address)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, 0))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    assert Downloader(timeout=2).fetch(f"http://rebind.example:{port}/rebind.jpg") is None
    assert answers == ["203.0.113.7"]  # asked once; the connection went to that answer
    assert image_server.requested == []
    # Allowed to reach private hosts, the importer still contacts the address it resolved.
    allowed = Downloader(timeout=2, allow_private=True)
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, *a, **k: (
            [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 0))]
            if host == "pinned.example"
            else real_getaddrinfo(host, *a, **k)
        ),
    )
    assert allowed.fetch(f"http://pinned.example:{port}/rebind.jpg")
    assert image_server.requested == ["/rebind.jpg"]
