from flask import Flask
from flask_cors import CORS

app = Flask(__name__)
# Flask-CORS's default origins="*" echoes the caller's Origin.
CORS(app, supports_credentials=True)
