"""Checks run on every pull request (by `make test`), written for editors.

Each module is a small command (`python -m checks.NAME --help`) over pure functions
that the tests call directly. Every problem it reports names the file to fix and,
where there is one, the line, in plain words.
"""
