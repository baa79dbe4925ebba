"""From a folder of articles to deals, relations and a timeline (see corpus.extract)."""
