"""Patterns of page furniture: related-item openers, photo credits, promo lines."""

from __future__ import annotations

import re

# A line that opens a block of links to other stories.
RELATED_OPENERS = re.compile(
    r"^\s*(you may also like|related( (articles|stories|coverage|content|posts|news))?|read (more|next|also)|"
    r"more (from|on|stories|news)\b.*|recommended( for you)?|trending( now| stories)?|most (read|popular)|"
    r"popular (now|stories)|what to read next|further reading|see also|latest (news|stories)|"
    r"around the web|from our partners|top stories|sponsored( stories| content)?|more in .*)\s*:?\s*$",
    re.I,
)

# A trailing photo credit: "(Getty Images)", "(Pavlo Pakhomenko/NurPhoto via Getty Images)", "(AP Photo/…)".
CREDIT_TAIL = re.compile(
    r"\s*\((?:[^()]*\b(?:Getty|Images?|Photo|Reuters|AP|AFP|EPA|Shutterstock|Alamy|Bloomberg|Pool|Courtesy|"
    r"File|Credit|via|Photograph|Pic|Picture)\b[^()]*)\)\s*$"
)

# Whole lines that are credits: "Photo: Reuters", "Getty Images", "Image credit: …".
CREDIT_LINE = re.compile(
    r"^\s*((photo|image|picture|video)( credit)?s?\s*[:/]|credit\s*:|getty images\b|\(?(ap|afp|reuters)\)?\s*$|"
    r"©|copyright\b)",
    re.I,
)

# Promo and call-to-action lines: newsletters, apps, social, ads.
PROMO_LINE = re.compile(
    r"(\bsign up\b|\bsubscribe\b|newsletter|download (the|our) app|follow us|click here|"
    r"\badvertisement\b|^\s*(share|tweet|email|print|comments?)\s*$|listen to (this|fox news) article|"
    r"you can now listen to|all rights reserved|terms of (use|service)|privacy policy|cookie)",
    re.I,
)

# The class or id of an HTML element holding links to other stories (an XPath regex: no quotes).
RELATED_CONTAINER = (
    r"related|recommend|more-stories|more_stories|read-?more|you-may|also-like|more-from|morefrom|"
    r"trending|most-(read|popular)|popular-(posts|stories)|outbrain|taboola"
)

# A credit inside a figure caption: "…He didn't get it.Credit...Doug Mills/The New York Times", "Photo: …".
CAPTION_CREDIT = re.compile(r"(Credit\s*(\.\.\.|…|:)|\b(Photo|Image|Picture)\s*(credit)?\s*:)\s*\S.*$", re.I)

# Short lines that mark reader comments and social furniture: "2 days ago", "Reply", "12 Likes".
COMMENT_MARK = re.compile(
    r"\b(\d+\s+(minutes?|hours?|days?|weeks?|months?|years?)\s+ago|reply|replies|likes?|upvotes?|"
    r"permalink|report( abuse)?|flag|posted (on|by|at)|comments?|share)\b",
    re.I,
)

# Bylines and datelines, which stand between a headline and its article: "By Ann Lee", "Reuters November
# 18, 2019 11:03 PM", "Published 10:02 AM EST Nov 19, 2019", "Updated 2 hours ago".
BYLINE = re.compile(
    r"^\s*(by|posted|published|updated|written by|last updated)\b|\b(19|20)\d\d\b|\b\d{1,2}:\d\d\b|"
    r"\b\d+\s+(minutes?|hours?|days?)\s+ago\b|^(above|top|photo|image|video)\s*:",
    re.I,
)
