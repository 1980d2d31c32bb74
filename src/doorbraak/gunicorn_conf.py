"""gunicorn settings for Doorbraak in production:

    gunicorn -c python:doorbraak.gunicorn_conf doorbraak.wsgi

(`gunicorn.conf.py` in the repository root loads this, so `gunicorn doorbraak.wsgi` started
there gets it too.) Any gunicorn setting on the command line or in GUNICORN_CMD_ARGS still
applies; bind and workers are left to those (gunicorn's defaults: 127.0.0.1:8000, one worker;
`WEB_CONCURRENCY` sets the workers).

No `Server: gunicorn` header (issue 11, finding 11): it tells a scanner what to try and tells
the users nothing. gunicorn (27.0 installed) writes it in `Response.default_headers` on every
HTTP/1 response and has no setting to leave it out (benoitc/gunicorn#825): this config drops
that one line there. It runs when gunicorn loads its config, in the master, so every worker it
forks has it. A reverse proxy in front may add its own; configure that there.
"""

import functools

from gunicorn.http import wsgi as _gunicorn_wsgi


def _without_server_header(default_headers):
    @functools.wraps(default_headers)
    def headers(self):
        return [h for h in default_headers(self) if not h.lower().startswith("server:")]

    headers.doorbraak_without_server = True
    return headers


if not getattr(_gunicorn_wsgi.Response.default_headers, "doorbraak_without_server", False):
    _gunicorn_wsgi.Response.default_headers = _without_server_header(
        _gunicorn_wsgi.Response.default_headers
    )
