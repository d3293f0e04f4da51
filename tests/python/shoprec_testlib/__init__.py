"""Helpers for shoprec's Python test suite: stub generation, server start-up, demo shop data,
request builders and response checks, and a raw HTTP/2 gRPC client."""
