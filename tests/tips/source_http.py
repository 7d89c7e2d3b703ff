"""A source talking plain HTTP to a running tip line (Django's live server or a real
`cronica serve`), as a browser without JavaScript would: first tip with files, review page,
confirmation."""

import http.client
import re
from urllib.parse import urlparse

from tests.hostile import multipart

CAN = "We can remove the metadata from this file."
CANNOT = "We cannot remove metadata from this file."


class TipLine:
    """A source talking HTTP to the live server, as a browser without JavaScript would."""

    def __init__(self, url):
        self.url = url
        self.netloc = urlparse(url).netloc

    def request(self, method, path, body=b"", content_type=None):
        conn = http.client.HTTPConnection(self.netloc, timeout=120)
        headers = {"Sec-Fetch-Site": "same-origin", "Origin": self.url}
        if content_type:
            headers["Content-Type"] = content_type
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            return response.status, response.read().decode()
        finally:
            conn.close()

    def send(self, name, data):
        """Posts a first tip with one file; returns the review page."""
        _status, page = self.request("GET", "/en/tips/new/")
        fields = dict(
            re.findall(r'name="(codename_shown|codename_signature)" value="([^"]*)"', page)
        )
        body = multipart.body(
            {
                "mode": "new",
                **fields,
                "codename": fields["codename_shown"],
                "message": "See the attached file.",
                "links": "",
            },
            files=[(name, data)],
        )
        status, review = self.request("POST", "/en/tips/send/", body, multipart.CONTENT_TYPE)
        assert status == 200, review
        return review

    def confirm(self, review, metadata="remove"):
        token = re.search(r'name="token" value="([^"]+)"', review).group(1)
        body = f"token={token}&metadata={metadata}&action=send"
        status, page = self.request(
            "POST", "/en/tips/confirm/", body.encode(), "application/x-www-form-urlencoded"
        )
        assert status == 200 and "Your tip was sent" in page, page
