"""The analysis stages; each is listed by versioned name in ``newsprobe.registry``."""
