"""RewardKit in process: a native answer verifier and reward pipeline for RL post-training.

>>> import rewardkit
>>> rewardkit.verify("\\\\frac12", "0.5")
True

``verify`` / ``explain`` / ``verify_batch`` decide answer equivalence under a per-call budget
(safe in any thread, no SIGALRM, no subprocess); ``Scorer`` scores rows with a reward config as
``rewardkit score`` does; ``advantages`` computes group advantages as ``rewardkit advantages``.
Framework shapes: ``rewardkit.trl``, ``rewardkit.verl``, ``rewardkit.easyr1``, and
``rewardkit.math_verify`` (math-verify's ``parse``/``verify`` call shapes).
"""

from ._advantages import advantage_rows, advantages
from ._native import ConfigError, RewardKitError, library_path
from ._scorer import Scorer
from ._verify import explain, extract, verify, verify_batch

__version__ = "0.1.0"

__all__ = [
    "verify", "explain", "extract", "verify_batch", "Scorer", "advantages", "advantage_rows",
    "RewardKitError", "ConfigError", "library_path", "__version__",
]
