# A Flask app as its quickstart writes one (flask.palletsprojects.com/quickstart).
from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    return "<!doctype html><title>notes</title><p id=\"app\">flask app</p>"
