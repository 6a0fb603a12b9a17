"""Fixtures: an app on a temp-file database, and clients that speak as the extension would."""
import pytest

from backend import create_app

TOKEN = "test-token-0123456789"
BASE = "http://127.0.0.1:8642"


@pytest.fixture
def app(tmp_path):
    return create_app({"DATABASE": str(tmp_path / "followup.db"), "TOKEN": TOKEN,
                       "TESTING": True})


class ApiClient:
    """A test client that sends the token and JSON, and reads JSON back."""

    def __init__(self, app, token=TOKEN):
        self.client = app.test_client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def request(self, method, path, json=None, headers=None, **kwargs):
        return self.client.open(path, method=method, json=json, base_url=BASE,
                                headers={**self.headers, **(headers or {})}, **kwargs)

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, json=None, **kwargs):
        return self.request("POST", path, json=json, **kwargs)

    def patch(self, path, json=None, **kwargs):
        return self.request("PATCH", path, json=json, **kwargs)

    def put(self, path, json=None, **kwargs):
        return self.request("PUT", path, json=json, **kwargs)

    def delete(self, path, **kwargs):
        return self.request("DELETE", path, **kwargs)


@pytest.fixture
def api(app):
    return ApiClient(app)


@pytest.fixture
def anonymous(app):
    return ApiClient(app, token=None)


@pytest.fixture
def add_interview(api):
    """Create an interview through the API and return its JSON."""

    def add(**fields):
        body = {"company": "Acme", "position": "Product Manager",
                "interview_date": "2026-03-03", **fields}
        response = api.post("/api/v1/interviews", json=body)
        assert response.status_code == 201, response.json
        return response.json

    return add
