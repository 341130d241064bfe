#!/usr/bin/env python3
"""A churn soak of the packaged app in local mode (issue 20): many distinct users, clients that leave mid-request.

Usage: soak.py <app origin> <app pid> <app log> [minutes=5] [users=1500] [connections=16] [leave every=50]
Signs in <users> times at the local hosted UI (implicit flow; demo and ops alternating, each sign-in a new token),
then for <minutes> keeps <connections> keep-alive clients posting views (POST /api/session) with those tokens in
turn; every <leave every>th request is sent on a new socket that is closed right after sending (the client left).
Prints one row per minute: views answered, non-2xx, requests abandoned, p50/p99 ms, the app's RSS, and the
ERROR and WARN lines the app's log gained (JSON or plain lines).
"""
import http.client
import json
import re
import socket
import sys
import threading
import time
from urllib.parse import urlencode, urlsplit

app, pid, log = sys.argv[1], sys.argv[2], sys.argv[3]
minutes = int(sys.argv[4]) if len(sys.argv) > 4 else 5
users = int(sys.argv[5]) if len(sys.argv) > 5 else 1500
connections = int(sys.argv[6]) if len(sys.argv) > 6 else 16
leave_every = int(sys.argv[7]) if len(sys.argv) > 7 else 50
host = urlsplit(app).netloc


def sign_in(index):
    name = "demo" if index % 2 == 0 else "ops"
    form = urlencode({"response_type": "token", "client_id": "localdemoclient", "redirect_uri": app + "/signin",
                      "scope": "openid profile", "username": name, "password": name, "state": "s%d" % index,
                      "nonce": "n%d" % index})
    connection = http.client.HTTPConnection(host, timeout=30)
    connection.request("POST", "/local/login", body=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    token = re.search(r"[#&]id_token=([^&]+)", response.getheader("Location") or "")
    connection.close()
    if not token:
        sys.exit("sign-in %d gave no id token (status %d)" % (index, response.status))
    return json.dumps({"idToken": token.group(1), "nonce": "n%d" % index})


def rss_mb():
    with open("/proc/%s/status" % pid) as status:
        return int(next(line for line in status if line.startswith("VmRSS")).split()[1]) / 1024


def log_levels():
    counts = {"ERROR": 0, "WARN": 0}
    with open(log, errors="replace") as lines:
        for line in lines:
            for level in counts:
                if '"level":"%s' % level in line or re.match(r"\S+ \S+ %s" % level, line):
                    counts[level] += 1
    return counts


bodies = [sign_in(i) for i in range(users)]
lock = threading.Lock()
minute = {"views": 0, "non2xx": 0, "abandoned": 0, "latencies": []}
counter = [0]
stop = time.time() + minutes * 60


def leave(body):
    """Sends a whole view and closes the socket before any answer: the client left."""
    raw = ("POST /api/session HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
           % (host, len(body), body)).encode()
    with socket.create_connection((urlsplit(app).hostname, urlsplit(app).port)) as sock:
        sock.sendall(raw)


def client():
    connection = http.client.HTTPConnection(host, timeout=30)
    while time.time() < stop:
        with lock:
            counter[0] += 1
            n = counter[0]
        body = bodies[n % len(bodies)]
        if n % leave_every == 0:
            leave(body)
            with lock:
                minute["abandoned"] += 1
            continue
        started = time.time()
        try:
            connection.request("POST", "/api/session", body=body, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            status = response.status
        except (http.client.HTTPException, OSError):
            connection.close()
            connection = http.client.HTTPConnection(host, timeout=30)
            status = 0
        with lock:
            minute["views"] += 1
            minute["latencies"].append((time.time() - started) * 1000)
            if not 200 <= status < 300:
                minute["non2xx"] += 1


threads = [threading.Thread(target=client, daemon=True) for _ in range(connections)]
before = log_levels()
for thread in threads:
    thread.start()
print("| minute | views | non-2xx | abandoned | p50 ms | p99 ms | RSS MB | ERROR | WARN |")
print("|---|---|---|---|---|---|---|---|---|")
totals = {"views": 0, "non2xx": 0, "abandoned": 0}
began = stop - minutes * 60
for m in range(1, minutes + 1):
    time.sleep(max(0.0, began + 60 * m - time.time()))
    with lock:
        done, minute = minute, {"views": 0, "non2xx": 0, "abandoned": 0, "latencies": []}
    latencies = sorted(done["latencies"]) or [0]
    levels = log_levels()
    for key in totals:
        totals[key] += done[key]
    print("| %d | %d | %d | %d | %.1f | %.1f | %.0f | %d | %d |" % (
        m, done["views"], done["non2xx"], done["abandoned"], latencies[len(latencies) // 2],
        latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], rss_mb(),
        levels["ERROR"] - before["ERROR"], levels["WARN"] - before["WARN"]), flush=True)
for thread in threads:
    thread.join()
print("total: %d views, %d non-2xx, %d abandoned, %d distinct tokens" % (
    totals["views"], totals["non2xx"], totals["abandoned"], users))
