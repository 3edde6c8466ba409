#!/usr/bin/env python3
"""Upgrade appliances the way ExtraHop's published upgrade_system.py does, against the simulator.

Written for the simulator's tests; it reproduces the wire behaviour of the official script
(reference section 11.1), not its code:
  * CSV without a header: host,api_key,firmware_path (host may be host:port);
  * at most two appliances at a time;
  * POST /api/v1/extrahop/firmware with the raw image, streamed, Content-Type
    application/vnd.extrahop.firmware; success only on 201;
  * POST /api/v1/extrahop/firmware/latest/upgrade with no body and no Content-Type;
    success only on 202, then the job's relative Location is glued to the host;
  * poll the job; a connection error (refused, reset, TLS) means the appliance is
    rebooting, anything that is not 200 is printed and polled again, until the job
    status is DONE, FAILED or TIMEOUT.
TLS is verified against the CA given with --ca. Unlike the official script, the poll
interval is a flag, every request has a timeout, and the exit status says whether every
appliance reached DONE.
"""
import argparse
import csv
import sys
import threading
import time
from urllib.parse import urlunparse

import requests

MAX_PARALLEL = 2
REQUEST_TIMEOUT = 60
TERMINAL = ("DONE", "FAILED", "TIMEOUT")


def say(message):
    print(message, flush=True)


def upload(host, key, path, ca):
    url = urlunparse(("https", host, "/api/v1/extrahop/firmware", "", "", ""))
    headers = {"Authorization": "ExtraHop apikey=" + key,
               "Content-Type": "application/vnd.extrahop.firmware"}
    with open(path, "rb") as image:
        response = requests.post(url, headers=headers, data=image, verify=ca, timeout=REQUEST_TIMEOUT)
    if response.status_code != 201:
        say(f"Upload to {host} failed: {response.status_code} {response.text}")
        return False
    say(f"Uploaded {path} to {host}")
    return True


def start_upgrade(host, key, ca):
    url = urlunparse(("https", host, "/api/v1/extrahop/firmware/latest/upgrade", "", "", ""))
    response = requests.post(url, headers={"Authorization": "ExtraHop apikey=" + key}, verify=ca, timeout=REQUEST_TIMEOUT)
    if response.status_code != 202:
        say(f"Upgrade of {host} was not started: {response.status_code} {response.text}")
        return None
    location = response.headers.get("Location")
    if not location or not location.startswith("/"):
        say(f"Upgrade of {host} started without a relative Location: {location!r}")
        return None
    say(f"Upgrade of {host} started: {location}")
    return location


def follow(host, key, location, ca, wait):
    url = urlunparse(("https", host, location, "", "", ""))
    headers = {"Authorization": "ExtraHop apikey=" + key}
    while True:
        try:
            response = requests.get(url, headers=headers, verify=ca, timeout=REQUEST_TIMEOUT)
        except requests.exceptions.ConnectionError:
            say(f"Connection refused by {host}")
            time.sleep(wait)
            continue
        if response.status_code == 200:
            job = response.json()
            status = job["status"]
            if status in TERMINAL:
                say(f"Upgrade of {host} ended: {status} {job.get('details') or ''}".rstrip())
                return status
            say(f"Upgrade for {host} is {status}: step {job.get('step_number')} of {job.get('total_steps')}: {job.get('step_description')}")
        else:
            say(f"Status {response.status_code} from {host} ({response.headers.get('Content-Type')})")
        time.sleep(wait)


def upgrade(row, ca, wait, outcomes, slots):
    host, key, path = row
    with slots:
        outcome = "NOT STARTED"
        if upload(host, key, path, ca):
            location = start_upgrade(host, key, ca)
            if location:
                outcome = follow(host, key, location, ca, wait)
        outcomes[host] = outcome


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("systems", help="CSV file: host,api_key,firmware_path (no header)")
    parser.add_argument("--ca", required=True, help="CA certificate (PEM) that signed the appliances' certificate")
    parser.add_argument("--wait", type=float, default=30.0, help="seconds between polls (the official script waits 30)")
    args = parser.parse_args()

    with open(args.systems, newline="", encoding="ascii") as systems:
        rows = [row for row in csv.reader(systems) if row]

    outcomes = {}
    slots = threading.BoundedSemaphore(MAX_PARALLEL)
    workers = [threading.Thread(target=upgrade, args=(row, args.ca, args.wait, outcomes, slots)) for row in rows]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    for host, outcome in sorted(outcomes.items()):
        say(f"{host}: {outcome}")
    return 0 if len(outcomes) == len(rows) and all(o == "DONE" for o in outcomes.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
