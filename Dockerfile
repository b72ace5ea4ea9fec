FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY backend ./backend
COPY shared ./shared
COPY migrations ./migrations
RUN pip install --no-cache-dir -e . && useradd --create-home contestsync
USER contestsync
ENV HOST=0.0.0.0
EXPOSE 8080 8081
ENTRYPOINT ["contestsync"]
CMD ["web"]
