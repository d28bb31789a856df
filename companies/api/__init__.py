"""The REST API of the companies app (see config/api_urls.py)."""
