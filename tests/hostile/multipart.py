"""Hand-built multipart bodies, so tests can send what no browser would."""

BOUNDARY = "hostileBoundaryQ7f2"


def field(name, value, boundary=BOUNDARY):
    value = value if isinstance(value, bytes) else value.encode()
    return (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        + value
        + b"\r\n"
    )


def file(name, filename, content, content_type="application/octet-stream", boundary=BOUNDARY):
    filename = filename if isinstance(filename, bytes) else filename.encode()
    return (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '.encode()
        + b'filename="'
        + filename
        + b'"\r\n'
        + f"Content-Type: {content_type}\r\n\r\n".encode()
        + content
        + b"\r\n"
    )


def end(boundary=BOUNDARY):
    return f"--{boundary}--\r\n".encode()


def body(fields, files=(), boundary=BOUNDARY):
    parts = [field(k, v, boundary) for k, v in fields.items()]
    parts += [file("files", name, content, boundary=boundary) for name, content in files]
    return b"".join(parts) + end(boundary)


CONTENT_TYPE = f"multipart/form-data; boundary={BOUNDARY}"
