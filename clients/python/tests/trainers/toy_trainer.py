"""A trainer written with layernas.trainer.serve, for the tests: the option of the layer "behaviour" picks what train
does, the option of the layer "width" scales the reward. Every figure is a function of the request alone."""

from layernas.trainer import TrialError, serve

WIDTHS = {"narrow": 1, "medium": 2, "wide": 3}


def train(architecture, budget, settings):
    behaviour, width = architecture.get("behaviour", "ok"), WIDTHS.get(architecture.get("width"), 1)
    print(f"training {behaviour} at width {width}")  # stdout belongs to the protocol: this must reach the log
    if behaviour == "raise":
        raise ValueError("the model diverged")
    if behaviour == "refuse":
        raise TrialError("option 'refuse' is not a model")
    if behaviour == "nan":
        return float("nan")
    if behaviour == "reward-only":
        return 0.25 * width
    if behaviour == "twice":
        return {"reward": 0.5, "metrics": {"params": 1.0}, "costs": {"params": 1.0}}
    if behaviour == "text":
        return "0.5"
    if behaviour == "unknown":
        return {"reward": 0.5, "loss": 0.1}
    return {
        "reward": 0.1 * width + 0.01 * (budget.epochs or 0),
        "metrics": {
            "epochs": budget.epochs if budget.epochs is not None else -1,
            "train_examples": budget.train_examples if budget.train_examples is not None else -1,
            "seed": budget.seed if budget.seed is not None else -1,
            "lr": float(settings.get("lr", "-1")),
        },
        "costs": {"params": 100.0 * width},
    }


if __name__ == "__main__":
    serve(train)
