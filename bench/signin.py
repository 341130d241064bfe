#!/usr/bin/env python3
"""The code flow's first view, as a browser makes it, against bench/run.sh's app (aws mode) and the stand-in's hosted UI:
GET /login -> the hosted UI's /oauth2/authorize (which signs the bench user in at once) -> the app's /signin callback
(the code redeemed) -> the page -> its first view, POST /api/session {} with the session cookie.

Usage: signin.py <app origin> <n> <times file> <cookie file>
Signs in n times, one after another, each as a new browser (new connections, empty cookie jar), and writes to the
times file one line per sign-in: "<status of the view> <seconds from /login to the view's answer>" (bench/parse.py
times). Writes the last sign-in's session as request headers ("Cookie: ...", "Origin: ...", "Sec-Fetch-Site: ...")
to the cookie file, for the repeat views.
"""
import http.client
import sys
import time
from urllib.parse import urlsplit


class Browser:
    def __init__(self, app):
        self.app = urlsplit(app)
        self.cookies = {}
        self.connections = {}

    def request(self, method, url, body=None, headers=None):
        target = urlsplit(url)
        # Plain HTTP to every host: the callback names https (the app's public URL, behind a TLS-terminating load
        # balancer in production), and here that host is the app itself.
        netloc = target.netloc or self.app.netloc
        if netloc not in self.connections:
            self.connections[netloc] = http.client.HTTPConnection(netloc, timeout=30)
        all_headers = dict(headers or {})
        if netloc == self.app.netloc and self.cookies:
            all_headers["Cookie"] = self.cookie_header()
        path = target.path + ("?" + target.query if target.query else "")
        connection = self.connections[netloc]
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        response.read()
        if netloc == self.app.netloc:
            self.keep(response)
        return response

    def keep(self, response):
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            cleared = value == "" or "max-age=0" in header.lower().replace(" ", "")
            if cleared:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value

    def cookie_header(self):
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def close(self):
        for connection in self.connections.values():
            connection.close()


def sign_in(app):
    browser = Browser(app)
    login = browser.request("GET", app + "/login")
    if login.status != 302:
        return login.status, browser
    authorize = browser.request("GET", login.headers["Location"])
    if authorize.status != 302:
        return authorize.status, browser
    callback = browser.request("GET", authorize.headers["Location"])
    if callback.status != 302:
        return callback.status, browser
    page = browser.request("GET", callback.headers["Location"])
    if page.status != 200:
        return page.status, browser
    view = browser.request("POST", app + "/api/session", body="{}", headers={
        "Content-Type": "application/json", "Origin": app, "Sec-Fetch-Site": "same-origin"})
    return view.status, browser


def main():
    app, n, times_file, cookie_file = sys.argv[1].rstrip("/"), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    last = None
    with open(times_file, "w") as times:
        for _ in range(n):
            started = time.perf_counter()
            status, browser = sign_in(app)
            times.write(f"{status} {time.perf_counter() - started:.6f}\n")
            browser.close()
            last = browser
    with open(cookie_file, "w") as headers:
        headers.write(f"Cookie: {last.cookie_header()}\nOrigin: {app}\nSec-Fetch-Site: same-origin\n")


if __name__ == "__main__":
    main()
