"""The parts of the page throughput benchmark, bench/pages.py.

- `measure`: one server and configuration: check each page, then run wrk on it.
- `wrk`: run wrk and read its figures.
- `servers`: the command line of each ASGI server measured, and what its log says.
- `table`: one row per configuration and page, merged over --repeat rounds.
- `source`: which code is measured: the working tree or a commit's snapshot.
"""
