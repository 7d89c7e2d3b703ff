"""An imported post as a reader sees it in the real Chromium: its threaded comments, its
images kept as links or served by the site, and not one request to the old hosts."""

import pytest
from playwright.sync_api import expect

from .conftest import fixture, rewritten, run_import
from .test_images import jpeg_with_gps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# The image's natural width once it has loaded or failed (0 then).
LOADED_WIDTH = """img => img.complete ? img.naturalWidth : new Promise(done => {
    img.addEventListener("load", () => done(img.naturalWidth), {once: true});
    img.addEventListener("error", () => done(0), {once: true});
})"""


def test_imported_post_makes_no_request_outside_the_site(
    home, page, live_server, tmp_path, image_server
):
    jpeg_with_gps(image_server.root / "takeout/vessel-large.jpg")
    # Legacy Blogger: images unreachable (kept as links); Takeout: images downloaded.
    run_import("blogger", fixture("blogger-legacy.xml"))
    takeout = rewritten(
        tmp_path, "blogger-takeout.atom", "https://images.invalid", image_server.url
    )
    run_import("blogger", takeout, "--allow-private-hosts")
    served = len(image_server.requested)

    page.goto("/2023/09/checkpoint-pills-produce-truck.html")  # the old address
    expect(page.locator("h1")).to_have_text(
        "Checkpoint inspectors find pills hidden in a produce truck"
    )
    expect(page.get_by_role("link", name="The truck at the inspection lane.")).to_have_attribute(
        "href", "http://images.invalid/blogger/s1600/truck.jpg"
    )
    expect(page.get_by_text("9:35 - Never going to happen")).to_be_visible()
    expect(page.get_by_text("10:02 - They rotate, but the schedule leaks.")).to_be_visible()
    expect(page.get_by_role("link", name="Agency video of the inspection")).to_be_visible()
    assert page.locator("iframe").count() == 0

    page.goto("/2024/02/navy-semi-submersible.html")
    image = page.get_by_role("img", name="The vessel being towed to port")
    expect(image).to_be_visible()
    # Visible is not loaded: on a loaded machine the image may still be on its way.
    assert image.evaluate(LOADED_WIDTH) > 0  # served by the site itself
    expect(page.get_by_text("6:00 - Most of them.")).to_be_visible()
    assert page.requests.foreign() == []
    assert len(image_server.requested) == served  # readers never reach the old host
