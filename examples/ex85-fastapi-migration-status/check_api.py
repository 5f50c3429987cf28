"""Call the service in-process through httpx's ASGI transport and print its answers."""

import asyncio
import json

import httpx

from app import app  # => the app.py next to this file (this build's app)


async def main() -> None:
    transport = httpx.ASGITransport(app=app)  # => no server, no port: requests go to the ASGI app
    async with httpx.AsyncClient(transport=transport, base_url="http://orders") as client:
        for path in ("/migrations/status", "/health/ready"):
            response = await client.get(path)
            print(f"GET {path} -> {response.status_code}")  # => Output: GET /health/ready -> 503
            print(json.dumps(response.json(), sort_keys=True))  # => sorted keys: stable output


asyncio.run(main())
