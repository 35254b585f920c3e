from argmap.cli import app

app()
