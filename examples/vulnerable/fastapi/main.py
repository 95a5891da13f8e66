import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .config import settings

app = FastAPI(title="orders")

# Credentials plus "*": Starlette answers every site with its own Origin.
app.add_middleware(
    CORSMiddleware,
    allow_origins=settings.BACKEND_CORS_ORIGINS,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

admin = FastAPI(title="admin")
admin.add_middleware(
    CORSMiddleware,
    allow_origins=["https://admin.example.com/", "http://intranet.example.com"],
    allow_origin_regex=r"https://.*\.example\.com",
    allow_credentials=True,
)

reports = FastAPI(title="reports")
reports.add_middleware(CORSMiddleware, allow_origins=os.getenv("REPORT_ORIGINS", "https://reports.example.com"))
