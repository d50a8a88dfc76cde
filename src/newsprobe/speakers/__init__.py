"""Speaker resolution: from the mention a quote is attributed to, to the fullest name and role the text gives."""
