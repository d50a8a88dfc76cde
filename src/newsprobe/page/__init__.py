"""Page → article: typed segments for text dumps and HTML pages, and related-item blocks."""
