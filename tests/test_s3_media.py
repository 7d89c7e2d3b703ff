"""Media on S3-compatible storage (settings.py, ``CRONICA_S3_BUCKET``): an image uploaded
through Wagtail's image model lands in the bucket already scrubbed, its rendition too,
and readers fetch both at the public URL the site writes into pages.

The S3 service is moto's server on loopback, talking the real S3 protocol to boto3 inside
a `cronica shell` run with the production settings.
"""

import json
import socket

import boto3
import pytest
import requests
from moto.server import ThreadedMotoServer

from .durability.served_site import ServedSite
from .news.images import SECRET, jpeg_with_metadata

BUCKET = "cronica-media-qa"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "qa-key", "AWS_SECRET_ACCESS_KEY": "qa-secret"}

PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}

UPLOAD = """
from django.core.files import File
from cronica.news.models import CleanImage
with open(%r, "rb") as f:
    image = CleanImage(title="Port of Guayaquil", file=File(f, name="port.jpg"))
    image.save()
rendition = image.get_rendition("fill-32x16")
print(image.file.name, image.file.url, rendition.file.name, rendition.url)
"""


@pytest.fixture
def s3():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=BUCKET)
    # As an operator sets it up: newsroom media are public, read-only to anyone.
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    try:
        yield endpoint, client
    finally:
        server.stop()


def test_uploaded_image_and_rendition_land_scrubbed_in_the_bucket(s3, tmp_path):
    endpoint, client = s3
    site = ServedSite(
        tmp_path,
        extra_env={
            **CREDENTIALS,
            "CRONICA_S3_BUCKET": BUCKET,
            "CRONICA_S3_ENDPOINT_URL": endpoint,
            "CRONICA_S3_REGION": "us-east-1",
            # Readers fetch media from the service itself here (in production: the front
            # proxy or the newsroom's own CDN).
            "CRONICA_S3_MEDIA_DOMAIN": f"{endpoint.removeprefix('http://')}/{BUCKET}",
            "CRONICA_S3_MEDIA_PROTOCOL": "http:",
        },
    )
    try:
        photo = jpeg_with_metadata(tmp_path / "phone.jpg")
        out = site.manage("shell", "-c", UPLOAD % str(photo)).stdout.split()
        original_name, original_url, rendition_name, rendition_url = out[-4:]
    finally:
        site.close()

    keys = {o["Key"] for o in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}
    assert {original_name, rendition_name} <= keys
    # Nothing went to the local media directory instead.
    assert not list((site.data_dir / "media").rglob("*.jpg"))
    for name, url in ((original_name, original_url), (rendition_name, rendition_url)):
        stored = client.get_object(Bucket=BUCKET, Key=name)["Body"].read()
        assert SECRET.encode() not in stored and b"GPS" not in stored
        served = requests.get(url, timeout=10)
        assert served.status_code == 200 and served.content == stored
        assert "X-Amz-Signature" not in url
