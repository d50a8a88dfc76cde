"""newsprobe: who said what in news pages, and how well it is sourced."""

from newsprobe.api import analyze, analyze_many
from newsprobe.options import Options
from newsprobe.record import Document

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_many", "Options", "Document", "__version__"]
