"""The parts of the live-blog delivery benchmark, bench/live.py.

- `blog`: the demo's live blog, seen through the API (find it, log in, post).
- `measure`: one measurement: a fresh server, N readers, M posts.
- `outcome`: what one measurement saw, added up from the client processes.
- `report`: the table and the details printed for each N.
"""
