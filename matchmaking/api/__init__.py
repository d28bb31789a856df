"""The REST API of the matchmaking app (see config/api_urls.py)."""
