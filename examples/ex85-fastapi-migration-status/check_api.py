"""Exercise the service in-process with FastAPI's TestClient and print its answers."""

import json

from fastapi.testclient import TestClient

from app import app

client = TestClient(app)  # => no server, no port: requests go straight to the ASGI app

for path in ("/migrations/status", "/health/ready"):
    response = client.get(path)
    print(f"GET {path} -> {response.status_code}")  # => Output: GET /health/ready -> 503
    print(json.dumps(response.json(), sort_keys=True))  # => sorted keys: stable output
