"""Small trained models shipped with newsprobe (loaded lazily)."""
