"""Finding attributions: quote marks (``marks``) and cues, content and speakers over the parse (``extract``)."""
