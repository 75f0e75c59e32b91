#!/usr/bin/python3
"""A trainer speaking the trainer protocol that misbehaves on request, for testing the process trainer.

The option chosen for the layer named "behaviour" decides what happens to a request:
  ok        answer with reward trial_number / 100, metrics describing the request and this process (its slot and GPU
            among them), costs params=1
  crash     write "boom: the trainer crashed" to stderr and exit with code 3 without answering
  quit      exit with code 0 without answering
  hang      start a child process that sleeps, report its pid on stderr, and wait forever
  garbage   answer with a line that is not JSON
  partial   answer with a JSON object cut short
  wrong-id  answer with another trial number
  error     answer with the error "out of memory on purpose"
  nan       answer with a NaN reward
  twice     report "params" both as a metric and as a cost
  blank     write an empty line, then answer like ok
"""

import json
import os
import subprocess
import sys


def reply(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main():
    for line in sys.stdin:
        request = json.loads(line)
        trial = request["trialId"]
        behaviour = {c["layer"]: c["option"] for c in request["architecture"]}.get("behaviour", "ok")
        print(f"trial {trial['trialNumber']} attempt {request.get('attempt', 0)}: {behaviour}", file=sys.stderr, flush=True)
        if behaviour == "crash":
            print("boom: the trainer crashed", file=sys.stderr, flush=True)
            os._exit(3)
        if behaviour == "quit":
            sys.exit(0)
        if behaviour == "hang":
            child = subprocess.Popen(["sleep", "600"])
            print(f"child {child.pid}", file=sys.stderr, flush=True)
            child.wait()
        if behaviour == "garbage":
            reply("this is not json")
            continue
        if behaviour == "partial":
            reply('{"trialId": {"searchId": "s"')
            continue
        if behaviour == "wrong-id":
            trial = dict(trial, trialNumber=str(int(trial["trialNumber"]) + 1000))
        if behaviour == "error":
            reply(json.dumps({"trialId": trial, "error": "out of memory on purpose"}))
            continue
        if behaviour == "blank":
            reply("")
        budget = request.get("budget", {})
        settings = request.get("settings", {})
        response = {
            "trialId": trial,
            "reward": "NaN" if behaviour == "nan" else int(trial["trialNumber"]) / 100,
            "metrics": {
                "pid": os.getpid(),
                "attempt": request.get("attempt", 0),
                "epochs": budget.get("epochs", -1),
                "train_examples": budget.get("trainExamples", -1),
                "seed": float(budget.get("seed", -1)),
                "settings": len(settings),
                "lr": float(settings.get("lr", -1)),
                "env": float(os.environ.get("FAULT_TRAINER_VALUE", "-1")),
                "slot": float(os.environ.get("LAYERNAS_SLOT", "-1")),
                "gpu": float(os.environ.get("CUDA_VISIBLE_DEVICES", "-1")),
            },
            "costs": {"params": 1},
        }
        if behaviour == "twice":
            response["metrics"]["params"] = 2
        reply(json.dumps(response))


if __name__ == "__main__":
    main()
