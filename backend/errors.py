"""One error type, one handler, one JSON shape."""
from flask import jsonify
from werkzeug.exceptions import HTTPException

from .problems import Conflict, Invalid, NotFound, Problem

# Plain words for the HTTP errors Flask raises on its own.
HTTP_MESSAGES = {
    400: ("bad_request", "The request could not be read."),
    404: ("not_found", "There is nothing at this address."),
    405: ("method_not_allowed", "This address does not accept that method."),
    413: ("too_large", "The request is too large."),
    415: ("unsupported_media_type", "Send JSON with Content-Type: application/json."),
}


# The one place a problem of the domain becomes an HTTP status.
STATUS = {Invalid: 400, NotFound: 404, Conflict: 409}


class ApiError(Exception):
    """An error the client can act on: a 4xx with a code, a message and maybe a field."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field

    def to_response(self):
        body = {"code": self.code, "message": self.message}
        if self.field:
            body["field"] = self.field
        return jsonify(error=body), self.status


def from_problem(problem: Problem) -> ApiError:
    """The answer to a problem of the domain: its status by kind, its code, message, field."""
    status = next(code for kind, code in STATUS.items() if isinstance(problem, kind))
    return ApiError(status, problem.code, problem.message, problem.field)


def init_app(app) -> None:
    """Answer every error, ours or Flask's, as JSON."""

    @app.errorhandler(ApiError)
    def handle_api_error(error):
        return error.to_response()

    @app.errorhandler(Problem)
    def handle_problem(problem):
        return from_problem(problem).to_response()

    @app.errorhandler(HTTPException)
    def handle_http_error(error):
        code, message = HTTP_MESSAGES.get(error.code, ("http_error", error.description))
        response = ApiError(error.code, code, message).to_response()
        if error.code == 405 and error.valid_methods:
            return (*response, {"Allow": ", ".join(error.valid_methods)})
        return response

    @app.errorhandler(Exception)
    def handle_unexpected(error):  # a bug: say so plainly, log it, keep the JSON shape
        app.logger.exception("unexpected error")
        return ApiError(500, "internal", "Something went wrong on our side.").to_response()
