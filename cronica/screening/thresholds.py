"""Score thresholds shared by the comment pipeline and the evaluation."""

FLAG = 0.5  # at or above: the comment is held for an editor
SURE_SPAM = 0.95  # at or above: straight to the spam folder
