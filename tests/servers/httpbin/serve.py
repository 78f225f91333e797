"""httpbin, served on 127.0.0.1 for tests/httpbin.rs.

Usage: python3 serve.py PORT

httpbin's Flask app under the standard library's wsgiref server, which
logs each request to stderr, one line each.
"""

import logging
import sys
from wsgiref.simple_server import make_server


def main():
    # httpbin warns at import that flasgger (its Swagger UI) is absent;
    # the endpoints under test do not need it.
    logging.getLogger("httpbin").setLevel(logging.ERROR)
    from httpbin import app

    port = int(sys.argv[1])
    server = make_server("127.0.0.1", port, app)
    print(f"listening on http://127.0.0.1:{port}", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
