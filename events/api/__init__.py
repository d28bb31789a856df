"""The REST API of the events app (see config/api_urls.py)."""
