#!/usr/bin/python3
"""A trainer speaking the trainer protocol that records every training it starts and finishes, so tests count
trainings directly instead of inferring them from a journal.

Each request appends "start <trial> <attempt> <node> <unix time>" to the file named by $COUNTING_TRAINER_LOG,
trains for the seconds of the setting "seconds", appends "done <trial> <attempt> <node> <unix time>", and answers
with a reward that is a fixed function of the architecture's option names. <node> is the process id of the
layernas process whose worker slot started this trainer, read at start: a trainer whose node is killed mid-training
finishes its sleep as a child of init. Lines are short and appended with one write each, so the
trainers of several slots and nodes can share one file.
"""

import hashlib
import json
import os
import sys
import time

NODE = os.getppid()


def record(kind, request):
    line = f"{kind} {request['trialId']['trialNumber']} {request.get('attempt', 1)} {NODE} {time.time():.3f}\n"
    with open(os.environ["COUNTING_TRAINER_LOG"], "a", encoding="utf-8") as log:
        log.write(line)


def reward(request):
    names = ":".join(choice["option"] for choice in request["architecture"])
    return int.from_bytes(hashlib.sha256(names.encode()).digest()[:4], "big") / 2**32


def main():
    for line in sys.stdin:
        request = json.loads(line)
        record("start", request)
        time.sleep(float(request.get("settings", {}).get("seconds", "0")))
        record("done", request)
        sys.stdout.write(json.dumps({"trialId": request["trialId"], "reward": round(reward(request), 6)}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
